/// The exponential distribution with rate `rate`: the waiting time to the first event of a Poisson
/// process, used for programmatic hazards with a constant yearly rate.
public struct Exponential: QuantileDistribution {
    public let rate: Double

    /// - Precondition: `rate` is positive and finite.
    public init(rate: Double) {
        precondition(rate > 0 && rate.isFinite, "Exponential rate must be positive and finite, not \(rate)")
        self.rate = rate
    }

    public var mean: Double { 1 / rate }
    public var variance: Double { 1 / (rate * rate) }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        quantile(Double.random(in: 0..<1, using: &generator))
    }

    /// -ln(1 - p) / rate.
    public func quantile(_ p: Double) -> Double { -Math.log(1 - p) / rate }

    public func cdf(_ x: Double) -> Double { x <= 0 ? 0 : 1 - Math.exp(-rate * x) }
}
