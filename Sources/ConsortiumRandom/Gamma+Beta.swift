/// The gamma distribution with the given shape and scale, sampled by Marsaglia and Tsang's method.
///
/// G. Marsaglia and W. W. Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3), 2000:
/// for shape >= 1, a squeezed rejection from a cubed normal accepts about 95-99% of candidates. For shape < 1
/// the sample is Gamma(shape + 1) * U^(1/shape).
public struct Gamma: ContinuousDistribution {
    /// The shape k.
    public let shape: Double
    /// The scale theta.
    public let scale: Double

    /// Creates Gamma(shape, scale).
    ///
    /// - Precondition: `shape > 0` and `scale > 0`.
    public init(shape: Double, scale: Double = 1) {
        precondition(shape > 0 && scale > 0, "gamma needs positive shape and scale, got \(shape) and \(scale)")
        self.shape = shape
        self.scale = scale
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        if shape < 1 {
            let boosted = Self.standardSample(shape: shape + 1, using: &generator)
            return scale * boosted * Math.pow(generator.nextOpenUnit(), 1 / shape)
        }
        return scale * Self.standardSample(shape: shape, using: &generator)
    }

    /// A Gamma(shape, 1) sample for shape >= 1 (Marsaglia–Tsang).
    @inlinable
    static func standardSample<G: RandomNumberGenerator>(shape: Double, using generator: inout G) -> Double {
        let d = shape - 1.0 / 3.0
        let c = 1.0 / (9.0 * d).squareRoot()
        while true {
            let x = standardNormalQuantile(generator.nextOpenUnit())
            var v = 1 + c * x
            if v <= 0 { continue }
            v = v * v * v
            let u = generator.nextOpenUnit()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v)) { return d * v }
        }
    }

    /// Not analytic in general; exact for integer shape (the Erlang CDF), used by tests.
    ///
    /// - Precondition: `shape` is an integer.
    public func cdf(_ x: Double) -> Double {
        precondition(shape == shape.rounded() && shape < 200, "gamma CDF is implemented for integer shape only")
        if x <= 0 { return 0 }
        let y = x / scale
        var term = 1.0
        var sum = 1.0
        for k in stride(from: 1.0, to: shape, by: 1.0) {
            term *= y / k
            sum += term
        }
        return 1 - Math.exp(-y) * sum
    }

    public var mean: Double { shape * scale }

    public var variance: Double { shape * scale * scale }
}

/// The beta distribution on [0, 1], sampled as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta).
public struct Beta: ContinuousDistribution {
    /// The first shape parameter.
    public let alpha: Double
    /// The second shape parameter.
    public let beta: Double

    /// Creates Beta(alpha, beta).
    ///
    /// - Precondition: `alpha > 0` and `beta > 0`.
    public init(alpha: Double, beta: Double) {
        precondition(alpha > 0 && beta > 0, "beta needs positive shapes, got \(alpha) and \(beta)")
        self.alpha = alpha
        self.beta = beta
    }

    /// The posterior of a success probability after a flight record, from a uniform prior:
    /// Beta(successes + 1, failures + 1).
    ///
    /// - Precondition: Both counts are non-negative.
    public init(successes: Int, failures: Int) {
        precondition(successes >= 0 && failures >= 0, "flight record counts must not be negative")
        self.init(alpha: Double(successes + 1), beta: Double(failures + 1))
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let x = Gamma(shape: alpha).sample(using: &generator)
        let y = Gamma(shape: beta).sample(using: &generator)
        return x / (x + y)
    }

    /// The regularized incomplete beta function I_x(alpha, beta), by its continued fraction evaluated
    /// with the modified Lentz method (Press et al., Numerical Recipes, 3rd ed., section 6.4).
    ///
    /// The fraction converges quickly for x < (alpha + 1) / (alpha + beta + 2); above that the symmetry
    /// I_x(a, b) = 1 - I_{1-x}(b, a) is used. The work grows with sqrt(max(alpha, beta)), so a flight
    /// record of a hundred million launches still takes a few thousand steps.
    public func cdf(_ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront =
            Math.logGamma(alpha + beta) - Math.logGamma(alpha) - Math.logGamma(beta)
            + alpha * Math.log(x) + beta * Math.log(1 - x)
        let front = Math.exp(logFront)
        if x < (alpha + 1) / (alpha + beta + 2) {
            return front * Self.continuedFraction(alpha, beta, x) / alpha
        }
        return 1 - front * Self.continuedFraction(beta, alpha, 1 - x) / beta
    }

    /// The continued fraction of the incomplete beta function (Numerical Recipes' `betacf`).
    static func continuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        let limit = 10 + 10 * Int(Swift.max(a, b).squareRoot())
        for m in 1...limit {
            let m = Double(m)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }

    public var mean: Double { alpha / (alpha + beta) }

    public var variance: Double {
        let total = alpha + beta
        return alpha * beta / (total * total * (total + 1))
    }
}

/// The beta-PERT distribution on [minimum, maximum] with the given mode and weight lambda (4 by default).
///
/// A Beta(1 + lambda (mode - min) / range, 1 + lambda (max - mode) / range) scaled to the range; its mean is
/// (min + lambda mode + max) / (lambda + 2), the classic PERT estimate.
public struct PERT: ContinuousDistribution {
    /// The minimum.
    public let minimum: Double
    /// The most likely value.
    public let mode: Double
    /// The maximum.
    public let maximum: Double
    /// The underlying beta on [0, 1].
    public let unit: Beta

    /// Creates PERT(minimum, mode, maximum) with weight `lambda`.
    ///
    /// - Precondition: `minimum <= mode <= maximum`, `minimum < maximum`, `lambda > 0`.
    public init(minimum: Double, mode: Double, maximum: Double, lambda: Double = 4) {
        precondition(minimum <= mode && mode <= maximum && minimum < maximum, "PERT needs min <= mode <= max")
        precondition(lambda > 0, "PERT needs a positive lambda, got \(lambda)")
        self.minimum = minimum
        self.mode = mode
        self.maximum = maximum
        let range = maximum - minimum
        unit = Beta(alpha: 1 + lambda * (mode - minimum) / range, beta: 1 + lambda * (maximum - mode) / range)
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        minimum + (maximum - minimum) * unit.sample(using: &generator)
    }

    /// Exact when the underlying beta has integer shapes (see `Beta.cdf`).
    public func cdf(_ x: Double) -> Double { unit.cdf((x - minimum) / (maximum - minimum)) }

    public var mean: Double { minimum + (maximum - minimum) * unit.mean }

    public var variance: Double { (maximum - minimum) * (maximum - minimum) * unit.variance }
}
