/// The normal distribution N(mean, standardDeviation²), sampled by inversion of its quantile function.
///
/// The quantile is Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988), accurate to about
/// 1e-16 relative; inversion uses exactly one uniform per sample, which keeps streams easy to replay.
public struct Normal: QuantileDistribution {
    /// The mean.
    public let mean: Double
    /// The standard deviation.
    public let standardDeviation: Double

    /// Creates N(mean, standardDeviation²).
    ///
    /// - Precondition: `standardDeviation > 0`.
    public init(mean: Double, standardDeviation: Double) {
        precondition(standardDeviation > 0, "normal needs a positive standard deviation, got \(standardDeviation)")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The standard normal N(0, 1).
    public static let standard = Normal(mean: 0, standardDeviation: 1)

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        mean + standardDeviation * standardNormalQuantile(generator.nextOpenUnit())
    }

    public func quantile(_ p: Double) -> Double { mean + standardDeviation * standardNormalQuantile(p) }

    public func cdf(_ x: Double) -> Double {
        0.5 * Math.erfc(-(x - mean) / (standardDeviation * 2.0.squareRoot()))
    }

    public var variance: Double { standardDeviation * standardDeviation }
}

/// The lognormal distribution, parameterised by its median and its 90th percentile.
///
/// With mu = ln(median) and sigma = ln(p90 / median) / z(0.9), ln X ~ N(mu, sigma²). Analysts quote a
/// "most likely" (median) and a "pessimistic" (P90) figure; this turns them into the distribution.
public struct LogNormal: QuantileDistribution {
    /// The mean of ln X.
    public let mu: Double
    /// The standard deviation of ln X.
    public let sigma: Double

    /// The standard normal quantile at 0.9.
    public static let z90 = 1.2815515655446004

    /// Creates the lognormal with the given median and 90th percentile.
    ///
    /// - Precondition: `0 < median < p90`.
    public init(median: Double, p90: Double) {
        precondition(median > 0 && p90 > median, "lognormal needs 0 < median < p90, got \(median) and \(p90)")
        mu = Math.log(median)
        sigma = Math.log(p90 / median) / Self.z90
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        Math.exp(mu + sigma * standardNormalQuantile(generator.nextOpenUnit()))
    }

    public func quantile(_ p: Double) -> Double { Math.exp(mu + sigma * standardNormalQuantile(p)) }

    /// The value at standard normal score `z`: exp(mu + sigma z), the quantile at Phi(z) (finite for every
    /// finite z, where Phi(z) may round to 0 or 1).
    public func value(atScore z: Double) -> Double { Math.exp(mu + sigma * z) }

    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : 0.5 * Math.erfc(-(Math.log(x) - mu) / (sigma * 2.0.squareRoot()))
    }

    public var mean: Double { Math.exp(mu + sigma * sigma / 2) }

    public var variance: Double { (Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma) }
}

/// The standard normal quantile, Wichura's AS 241 (PPND16).
///
/// - Returns: z with Phi(z) = p; -infinity at 0 and +infinity at 1.
/// - Precondition: `p` is in [0, 1].
@usableFromInline
func standardNormalQuantile(_ p: Double) -> Double {
    precondition(p >= 0 && p <= 1, "probability \(p) is outside [0, 1]")
    let q = p - 0.5
    if abs(q) <= 0.425 {
        let r = 0.180625 - q * q
        let num =
            (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
        let den =
            (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1.0)
        return q * num / den
    }
    var r = q < 0 ? p : 1 - p
    if r == 0 { return q < 0 ? -.infinity : .infinity }
    r = (-Math.log(r)).squareRoot()
    var value: Double
    if r <= 5 {
        r -= 1.6
        let num =
            (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                + 4.6303378461565452959) * r + 1.42343711074968357734)
        let den =
            (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                + 2.05319162663775882187) * r + 1.0)
        value = num / den
    } else {
        r -= 5
        let num =
            (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                + 5.4637849111641143699) * r + 6.6579046435011037772)
        let den =
            (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                + 0.59983220655588793769) * r + 1.0)
        value = num / den
    }
    return q < 0 ? -value : value
}
