import ConsortiumRandom
import Foundation
import Testing

/// CDFs and quantiles against exact values: closed forms, textbook identities and published tables.
@Suite struct BetaCDFTests {
    /// The rounding budget of `Beta.cdf` at (a, b, x).
    ///
    /// The CDF is exp(F) times a continued fraction, F = lgamma(a + b) - lgamma(a) - lgamma(b) + a ln x
    /// + b ln(1 - x). Each term of F is rounded to about an ulp, eps |term|, and an absolute error d in F is a
    /// relative error d in exp(F), so in whichever of I and 1 - I is computed (both at most 1). The budget is
    /// 4 eps per unit of sum |term| (two ulps for each term and for the final subtraction), plus 1e-14 for the
    /// fraction's own stopping rule (1e-15 per step). For shapes near 1e8 the log-gammas are near 2e9, so the
    /// budget is about 3e-6: cancellation among them, not the fraction, limits the accuracy there.
    static func budget(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let terms = [lgamma(a + b), lgamma(a), lgamma(b), a * log(x), b * log1p(-x)]
        return 4 * Double.ulpOfOne * terms.reduce(0) { $0 + abs($1) } + 1e-14
    }

    static let grid = [1e-9, 1e-4, 0.01, 0.1, 0.25, 1.0 / 3, 0.5, 0.6, 0.75, 0.9, 0.99, 0.9999, 1 - 1e-9]

    @Test func knownValues() {
        // I_0.5(2, 3) = P(at least 2 heads in 4 fair tosses) = 11 / 16.
        #expect(abs(Beta(alpha: 2, beta: 3).cdf(0.5) - 11.0 / 16) <= Self.budget(2, 3, 0.5))
        // I_0.7(8, 3) = P(Binomial(10, 0.7) >= 8) = 0.3827827864 (SciPy's betainc: 0.38278278639999985).
        #expect(abs(Beta(successes: 7, failures: 2).cdf(0.7) - 0.3827827864) <= Self.budget(8, 3, 0.7))
        // Beta(1/2, 1/2) at 0.3: (2 / pi) asin(sqrt 0.3) = 0.36901011956554536 (SciPy).
        #expect(abs(Beta(alpha: 0.5, beta: 0.5).cdf(0.3) - 0.36901011956554536) <= Self.budget(0.5, 0.5, 0.3))
    }

    @Test func uniformShapeIsTheIdentity() {
        let uniform = Beta(alpha: 1, beta: 1)
        for x in Self.grid { #expect(abs(uniform.cdf(x) - x) <= Self.budget(1, 1, x), "x = \(x)") }
    }

    /// Beta(a, 1) has CDF x^a and Beta(1, b) has 1 - (1 - x)^b, for any real shape, however large.
    @Test(arguments: [0.3, 1, 2, 7.5, 1_000, 123_456.5, 1e8 + 1])
    func powerShapes(shape: Double) {
        for x in Self.grid + [1 - 1e-8, 1e-8] {
            let power = Beta(alpha: shape, beta: 1).cdf(x)
            #expect(abs(power - pow(x, shape)) <= Self.budget(shape, 1, x), "Beta(\(shape), 1) at \(x): \(power)")
            let mirrored = Beta(alpha: 1, beta: shape).cdf(x)
            let exact = -expm1(shape * log1p(-x))
            #expect(abs(mirrored - exact) <= Self.budget(1, shape, x), "Beta(1, \(shape)) at \(x): \(mirrored)")
        }
    }

    /// The case from the issue: a record of 1e8 successes, evaluated where x^a is neither 0 nor 1.
    @Test func aHundredMillionSuccesses() {
        let a = 1e8 + 1
        let x = 1 - 1e-8
        let value = Beta(successes: 100_000_000, failures: 0).cdf(x)
        let exact = pow(x, a)  // about e^-1 = 0.3679
        #expect(abs(value - exact) <= Self.budget(a, 1, x), "\(value) vs \(exact)")
        #expect(abs(value - exp(-1)) < 1e-6)
    }

    @Test func integerShapesMatchTheBinomialSum() {
        for (a, b) in [(1, 1), (2, 1), (1, 2), (2, 3), (8, 3), (20, 2), (3, 40), (30, 70), (100, 3)] {
            let distribution = Beta(alpha: Double(a), beta: Double(b))
            for x in Self.grid {
                let exact = Exact.betaCDF(integer: a, b, x)
                let budget = Self.budget(Double(a), Double(b), x) + 1e-13  // plus the reference sum's rounding
                #expect(abs(distribution.cdf(x) - exact) <= budget, "I_\(x)(\(a), \(b))")
            }
        }
    }

    @Test func arcsineShape() {
        let arcsine = Beta(alpha: 0.5, beta: 0.5)
        for x in Self.grid {
            // (2 / pi) asin(sqrt x), taken from the nearer end: asin is ill-conditioned near 1.
            let exact = x <= 0.5 ? 2 / Double.pi * asin(x.squareRoot()) : 1 - 2 / Double.pi * asin((1 - x).squareRoot())
            #expect(abs(arcsine.cdf(x) - exact) <= Self.budget(0.5, 0.5, x) + 1e-15, "x = \(x)")
        }
    }

    /// I_x(a, b) = 1 - I_(1-x)(b, a), and the CDF rises from 0 to 1; shapes from 0.2 to 500, on both sides of the
    /// point where the implementation switches to the mirrored fraction.
    @Test func symmetryAndMonotonicity() {
        let shapes = [0.2, 0.9, 1.5, 4, 17.25, 500]
        for a in shapes {
            for b in shapes {
                let distribution = Beta(alpha: a, beta: b)
                let mirrored = Beta(alpha: b, beta: a)
                var previous = 0.0
                for step in 1..<200 {
                    let x = Double(step) / 200
                    let value = distribution.cdf(x)
                    #expect(value >= previous - Self.budget(a, b, x), "Beta(\(a), \(b)) decreases at \(x)")
                    #expect((0...1).contains(value))
                    #expect(
                        abs(value + mirrored.cdf(1 - x) - 1) <= 2 * Self.budget(a, b, x), "Beta(\(a), \(b)) at \(x)")
                    previous = value
                }
                #expect(distribution.cdf(0) == 0 && distribution.cdf(-1) == 0)
                #expect(distribution.cdf(1) == 1 && distribution.cdf(2) == 1)
            }
        }
    }

    /// Beta(n, n) is symmetric about 1/2 with standard deviation 1 / (2 sqrt(2n + 1)); its excess kurtosis is
    /// -6 / (2n + 3), so for n = 1e8 the normal approximation Phi(z) at 1/2 + z sd is good to about 1e-8.
    @Test func hugeSymmetricShapes() {
        let n = 1e8
        let distribution = Beta(alpha: n, beta: n)
        let sd = 1 / (2 * (2 * n + 1).squareRoot())
        #expect(abs(distribution.cdf(0.5) - 0.5) <= Self.budget(n, n, 0.5))
        for z in [-3.0, -2, -1, -0.5, 0.5, 1, 2, 3] {
            let x = 0.5 + z * sd
            let value = distribution.cdf(x)
            #expect(abs(value - Exact.normalCDF(z)) <= Self.budget(n, n, x) + 1e-8, "z = \(z): \(value)")
        }
    }

    /// Shapes of 1e8 (a flight record of a hundred million launches) give a finite CDF that rises across the
    /// support from near 0 to near 1. (The continued fraction needs O(sqrt(max(a, b))) steps, thousands here,
    /// not the 1e8 terms of a binomial sum; speed is measured in benchmarks, not asserted in tests.)
    @Test func hugeShapesGiveAMonotoneCDF() {
        let shapes: [(Double, Double)] = [(1e8 + 1, 1), (1, 1e8 + 1), (1e8, 1e8), (5e7, 1e8), (1e8, 2.5)]
        for (a, b) in shapes {
            let distribution = Beta(alpha: a, beta: b)
            let mean = a / (a + b)
            let sd = (a * b / ((a + b) * (a + b) * (a + b + 1))).squareRoot()
            var previous = -1.0
            for step in -15..<15 {
                let x = min(max(mean + Double(step) * sd / 3, 1e-12), 1 - 1e-12)
                let p = distribution.cdf(x)
                #expect(p.isFinite && p >= previous - 1e-6 && (0...1).contains(p), "Beta(\(a), \(b)).cdf(\(x)) = \(p)")
                previous = max(previous, p)
            }
        }
    }
}

@Suite struct ExactCDFAndQuantileTests {
    @Test func gammaCDF() {
        // Shape 1 is the exponential; shape 3 is Erlang: 1 - e^-y (1 + y + y^2 / 2).
        let exponential = Gamma(shape: 1, scale: 2)
        for x in [0.1, 1, 2, 7.5, 40] { #expect(abs(exponential.cdf(x) - (-expm1(-x / 2))) <= 1e-15) }
        #expect(abs(Gamma(shape: 3).cdf(2) - 0.32332358381693654) <= 1e-15)  // 1 - 5 e^-2
        #expect(abs(Gamma(shape: 2, scale: 3).cdf(3) - (1 - 2 / M_E)) <= 1e-15)
        #expect(Gamma(shape: 4).cdf(0) == 0 && Gamma(shape: 4).cdf(-1) == 0)
        for shape in [1.0, 2, 5, 30] {
            for y in [0.5, 3, 10, 50] {
                let exact = Exact.gammaCDF(shape: shape, y)
                #expect(abs(Gamma(shape: shape, scale: 0.25).cdf(y * 0.25) - exact) <= 1e-13, "P(\(shape), \(y))")
            }
        }
    }

    @Test func pertCDFIsTheScaledBeta() {
        let pert = PERT(minimum: 10, mode: 20, maximum: 50)
        #expect(pert.unit.alpha == 2 && pert.unit.beta == 4)
        for x in stride(from: 10.0, through: 50, by: 2.5) {
            #expect(abs(pert.cdf(x) - Exact.betaCDF(integer: 2, 4, (x - 10) / 40)) <= 1e-14, "x = \(x)")
        }
        #expect(pert.cdf(5) == 0 && pert.cdf(60) == 1)
    }

    /// Wichura's AS 241 is good to about 1e-16 relative; SciPy's `norm.ppf` agrees to the last digit at these p.
    @Test func normalQuantileTable() {
        let table: [(Double, Double)] = [
            (1e-300, -37.0470962993612), (1e-10, -6.361340902404056), (0.001, -3.090232306167813),
            (0.025, -1.9599639845400545), (0.1, -1.2815515655446004), (0.3, -0.5244005127080409), (0.5, 0),
            (0.9, 1.2815515655446004), (0.975, 1.959963984540054), (0.999, 3.090232306167813),
        ]
        for (p, z) in table {
            let value = Normal.standard.quantile(p)
            #expect(abs(value - z) <= 4e-15 * max(1, abs(z)), "p = \(p): \(value)")
        }
        #expect(Normal.standard.quantile(0) == -.infinity && Normal.standard.quantile(1) == .infinity)
        #expect(Normal(mean: 100, standardDeviation: 15).quantile(0.975) == 100 + 15 * Normal.standard.quantile(0.975))
        #expect(LogNormal.z90 == 1.2815515655446004)
    }

    @Test func normalCDF() {
        #expect(abs(Normal.standard.cdf(1) - 0.8413447460685429) <= 1e-16)
        #expect(abs(Normal.standard.cdf(-2.5) - 0.006209665325776132) <= 1e-17)
        #expect(Normal(mean: 7, standardDeviation: 3).cdf(7) == 0.5)
        #expect(abs(Normal(mean: 7, standardDeviation: 3).cdf(10) - 0.8413447460685429) <= 1e-15)
    }

    @Test func logNormalFromMedianAndP90() {
        let distribution = LogNormal(median: 120, p90: 200)
        #expect(abs(distribution.quantile(0.5) - 120) <= 1e-12)
        #expect(abs(distribution.quantile(0.9) - 200) <= 1e-12)
        #expect(abs(distribution.cdf(120) - 0.5) <= 1e-15 && abs(distribution.cdf(200) - 0.9) <= 1e-14)
        #expect(distribution.cdf(0) == 0 && distribution.cdf(-5) == 0)
        #expect(
            abs(distribution.mu - log(120)) <= 1e-15
                && abs(distribution.sigma * 1.2815515655446004 - log(200.0 / 120)) <= 1e-15)
    }

    /// cdf(quantile(p)) = p for every distribution with both, across the unit interval.
    @Test func quantileInvertsCDF() {
        let distributions: [(String, any QuantileDistribution)] = [
            ("uniform", Uniform(-2, 6)), ("triangular", Triangular(low: 1, mode: 2, high: 7)),
            ("left triangular", Triangular(low: 0, mode: 0, high: 4)),
            ("right triangular", Triangular(low: 0, mode: 4, high: 4)),
            ("normal", Normal(mean: -4, standardDeviation: 0.5)), ("lognormal", LogNormal(median: 3, p90: 9)),
        ]
        for (name, distribution) in distributions {
            for step in 1..<100 {
                let p = Double(step) / 100
                #expect(abs(distribution.cdf(distribution.quantile(p)) - p) <= 1e-13, "\(name) at \(p)")
            }
        }
        let triangular = Triangular(low: 1, mode: 2, high: 7)
        #expect(abs(triangular.quantile(1.0 / 6) - 2) <= 1e-14, "the quantile meets the mode at F(mode) = 1 / 6")
        #expect(triangular.quantile(0) == 1 && triangular.quantile(1) == 7)
        #expect(Uniform(-2, 6).quantile(0.25) == 0 && Uniform(-2, 6).cdf(-3) == 0 && Uniform(-2, 6).cdf(9) == 1)
    }

    @Test func discreteChoiceEdges() {
        var low = ConstantGenerator(word: 0)
        #expect(DiscreteChoice(weights: [0, 2, 2]).sample(using: &low) == 1, "u = 0 skips a leading zero weight")
        var high = ConstantGenerator(word: .max)
        #expect(DiscreteChoice(weights: [1, 1, 0]).sample(using: &high) == 1, "u near 1 skips a trailing zero")
        #expect(
            DiscreteChoice(weights: [5]).sample(using: &high) == 0 && DiscreteChoice(weights: [5]).probabilities == [1])
    }
}
