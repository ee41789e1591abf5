/// A probability distribution that can be sampled with any random number generator.
///
/// Distributions are small immutable values; `sample(using:)` is generic over the generator so the call is
/// specialized and inlined at the use site.
public protocol Distribution: Sendable {
    /// The type of a sample.
    associatedtype Value

    /// Draws one sample.
    func sample<G: RandomNumberGenerator>(using generator: inout G) -> Value
}

/// A real-valued distribution with known moments.
public protocol ContinuousDistribution: Distribution where Value == Double {
    /// The analytic mean.
    var mean: Double { get }
    /// The analytic variance.
    var variance: Double { get }
    /// The cumulative distribution function P(X <= x).
    func cdf(_ x: Double) -> Double
}

/// A continuous distribution with an analytic quantile (inverse CDF) function.
public protocol QuantileDistribution: ContinuousDistribution {
    /// The value x with P(X <= x) = p.
    ///
    /// - Precondition: `p` is in [0, 1].
    func quantile(_ p: Double) -> Double
}
