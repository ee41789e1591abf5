/// The continuous uniform distribution on [lower, upper).
public struct Uniform: QuantileDistribution {
    /// The lower bound.
    public let lower: Double
    /// The upper bound.
    public let upper: Double

    /// Creates U(lower, upper).
    ///
    /// - Precondition: `lower < upper`.
    public init(_ lower: Double, _ upper: Double) {
        precondition(lower < upper, "uniform needs lower < upper, got \(lower) and \(upper)")
        self.lower = lower
        self.upper = upper
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        quantile(generator.nextUnit())
    }

    @inlinable
    public func quantile(_ p: Double) -> Double { lower + (upper - lower) * p }

    public func cdf(_ x: Double) -> Double { Swift.min(1, Swift.max(0, (x - lower) / (upper - lower))) }

    public var mean: Double { (lower + upper) / 2 }

    public var variance: Double { (upper - lower) * (upper - lower) / 12 }
}

/// The triangular distribution with minimum `low`, most likely value `mode` and maximum `high`.
///
/// Sampled by inversion with one uniform draw. `quantile(_:)` is the exact formula of the SimPy peer model
/// (`campaign_simpy.py`), products left to right, so the benchmark reproduces its durations bit for bit.
public struct Triangular: QuantileDistribution {
    /// The minimum.
    public let low: Double
    /// The most likely value.
    public let mode: Double
    /// The maximum.
    public let high: Double

    /// Creates Triangular(low, mode, high).
    ///
    /// - Precondition: `low <= mode <= high` and `low < high`.
    @inlinable
    public init(low: Double, mode: Double, high: Double) {
        precondition(low <= mode && mode <= high && low < high, "triangular needs low <= mode <= high, low < high")
        self.low = low
        self.mode = mode
        self.high = high
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        quantile(generator.nextUnit())
    }

    /// The inverse CDF: `low + sqrt(p(high-low)(mode-low))` below the mode's CDF value, else
    /// `high - sqrt((1-p)(high-low)(high-mode))`.
    @inlinable
    public func quantile(_ p: Double) -> Double {
        if p < (mode - low) / (high - low) {
            return low + (p * (high - low) * (mode - low)).squareRoot()
        }
        return high - ((1.0 - p) * (high - low) * (high - mode)).squareRoot()
    }

    public func cdf(_ x: Double) -> Double {
        if x <= low { return 0 }
        if x >= high { return 1 }
        if x <= mode { return (x - low) * (x - low) / ((high - low) * (mode - low)) }
        return 1 - (high - x) * (high - x) / ((high - low) * (high - mode))
    }

    public var mean: Double { (low + mode + high) / 3 }

    public var variance: Double {
        (low * low + mode * mode + high * high - low * mode - low * high - mode * high) / 18
    }
}
