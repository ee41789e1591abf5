import ConsortiumRandom
import Foundation
import Testing

/// Every sampler against its analytic mean, variance and quantiles, over `statisticalSeeds` (one test case per
/// seed), n = `sampleSize` draws each. The tolerances and their reasoning are in `expectMatches` and `tolerance`
/// (Support.swift): 5 standard errors, each standard error derived from n.
@Suite struct DistributionSamplingTests {
    /// Analytic moments of Beta(a, b) with the given exact CDF; the fourth moment from the excess kurtosis
    /// 6 [(a - b)^2 (a + b + 1) - a b (a + b + 2)] / [a b (a + b + 2)(a + b + 3)].
    static func beta(_ a: Double, _ b: Double, cdf: @escaping (Double) -> Double) -> Analytic {
        let s = a + b
        let variance = a * b / (s * s * (s + 1))
        let excess = 6 * ((a - b) * (a - b) * (s + 1) - a * b * (s + 2)) / (a * b * (s + 2) * (s + 3))
        return Analytic(
            mean: a / s, variance: variance, fourthCentralMoment: (3 + excess) * variance * variance, cdf: cdf)
    }

    /// `analytic` for X, moved to min + range * X.
    static func scaled(_ analytic: Analytic, minimum: Double, range: Double) -> Analytic {
        Analytic(
            mean: minimum + range * analytic.mean, variance: range * range * analytic.variance,
            fourthCentralMoment: pow(range, 4) * analytic.fourthCentralMoment,
            cdf: { analytic.cdf(($0 - minimum) / range) }, support: minimum...(minimum + range))
    }

    @Test(arguments: statisticalSeeds)
    func uniform(seed: UInt64) {
        for (lower, upper) in [(0.0, 1.0), (-3, 7.5)] {
            let width = upper - lower
            let distribution = Uniform(lower, upper)
            let values = draws(distribution, seed: seed)
            #expect(values.allSatisfy { lower <= $0 && $0 < upper })
            let analytic = Analytic(
                mean: (lower + upper) / 2, variance: width * width / 12, fourthCentralMoment: pow(width, 4) / 80,
                cdf: { ($0 - lower) / width }, quantile: { lower + width * $0 })
            expectMatches(Sample(values), analytic, "U(\(lower), \(upper)), seed \(seed)")
            #expect(
                abs(distribution.mean - analytic.mean) <= 1e-12
                    && abs(distribution.variance - analytic.variance) <= 1e-12)
        }
    }

    /// Triangular(a, c, b): every triangular distribution has excess kurtosis -3/5, so mu4 = 2.4 sigma^4.
    @Test(arguments: statisticalSeeds)
    func triangular(seed: UInt64) {
        for (a, c, b) in [(2.0, 5.0, 11.0), (0, 0, 1), (10, 20, 20)] {
            let distribution = Triangular(low: a, mode: c, high: b)
            let values = draws(distribution, seed: seed)
            #expect(values.allSatisfy { a <= $0 && $0 <= b })
            let variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18
            let split = (c - a) / (b - a)
            let analytic = Analytic(
                mean: (a + b + c) / 3, variance: variance, fourthCentralMoment: 2.4 * variance * variance,
                cdf: { x in
                    x <= c ? (x - a) * (x - a) / ((b - a) * (c - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - c))
                },
                quantile: { p in
                    p < split
                        ? a + (p * (b - a) * (c - a)).squareRoot() : b - ((1 - p) * (b - a) * (b - c)).squareRoot()
                })
            expectMatches(Sample(values), analytic, "Triangular(\(a), \(c), \(b)), seed \(seed)")
            #expect(abs(distribution.mean - analytic.mean) <= 1e-12 && abs(distribution.variance - variance) <= 1e-12)
        }
    }

    @Test(arguments: statisticalSeeds)
    func normal(seed: UInt64) {
        for (mean, sd) in [(0.0, 1.0), (100, 15)] {
            let values = draws(Normal(mean: mean, standardDeviation: sd), seed: seed)
            let analytic = Analytic(
                mean: mean, variance: sd * sd, fourthCentralMoment: 3 * pow(sd, 4),
                cdf: { Exact.normalCDF(($0 - mean) / sd) },
                quantile: { mean + sd * Exact.normalQuantiles[$0]! })
            expectMatches(Sample(values), analytic, "N(\(mean), \(sd)^2), seed \(seed)")
        }
    }

    /// ln X ~ N(mu, s^2) with mu = ln(median), s = ln(p90 / median) / z(0.9). Mean e^(mu + s^2/2), variance
    /// (e^(s^2) - 1) e^(2 mu + s^2), excess kurtosis e^(4 s^2) + 2 e^(3 s^2) + 3 e^(2 s^2) - 6.
    @Test(arguments: statisticalSeeds)
    func logNormal(seed: UInt64) {
        for (median, p90) in [(10.0, 20.0), (100, 150)] {
            let distribution = LogNormal(median: median, p90: p90)
            let values = draws(distribution, seed: seed)
            #expect(values.allSatisfy { $0 > 0 })
            let mu = log(median)
            let s = log(p90 / median) / Exact.normalQuantiles[0.9]!
            let s2 = s * s
            let variance = (exp(s2) - 1) * exp(2 * mu + s2)
            let kurtosis = exp(4 * s2) + 2 * exp(3 * s2) + 3 * exp(2 * s2) - 3
            let analytic = Analytic(
                mean: exp(mu + s2 / 2), variance: variance, fourthCentralMoment: kurtosis * variance * variance,
                cdf: { Exact.normalCDF((log($0) - mu) / s) }, quantile: { exp(mu + s * Exact.normalQuantiles[$0]!) })
            expectMatches(Sample(values), analytic, "LogNormal(median \(median), p90 \(p90)), seed \(seed)")
            #expect(abs(distribution.mean / analytic.mean - 1) <= 1e-12)
            #expect(abs(distribution.variance / variance - 1) <= 1e-12)
        }
    }

    /// Gamma(k, theta): mean k theta, variance k theta^2, excess kurtosis 6 / k. Shapes below 1 (boosted), at 1,
    /// half-integer and integer, with exact CDFs from `Exact.gammaCDF`.
    @Test(arguments: statisticalSeeds)
    func gamma(seed: UInt64) {
        for (shape, scale) in [(0.5, 2.0), (1, 3), (2.5, 1), (3, 0.5), (9, 2)] {
            let distribution = Gamma(shape: shape, scale: scale)
            let values = draws(distribution, seed: seed)
            #expect(values.allSatisfy { $0 > 0 })
            let variance = shape * scale * scale
            let analytic = Analytic(
                mean: shape * scale, variance: variance, fourthCentralMoment: (3 + 6 / shape) * variance * variance,
                cdf: { Exact.gammaCDF(shape: shape, $0 / scale) },
                support: 0...(shape * scale + 30 * variance.squareRoot()))
            expectMatches(Sample(values), analytic, "Gamma(\(shape), \(scale)), seed \(seed)")
            #expect(distribution.mean == shape * scale && distribution.variance == variance)
        }
    }

    @Test(arguments: statisticalSeeds)
    func beta(seed: UInt64) {
        let cases: [(Beta, Analytic)] = [
            (Beta(successes: 7, failures: 2), Self.beta(8, 3) { Exact.betaCDF(integer: 8, 3, $0) }),
            (Beta(alpha: 30, beta: 70), Self.beta(30, 70) { Exact.betaCDF(integer: 30, 70, $0) }),
            (Beta(alpha: 0.5, beta: 0.5), Self.beta(0.5, 0.5) { 2 / Double.pi * asin($0.squareRoot()) }),
            (Beta(alpha: 2.5, beta: 1), Self.beta(2.5, 1) { pow($0, 2.5) }),
            (Beta(alpha: 1, beta: 4), Self.beta(1, 4) { 1 - pow(1 - $0, 4) }),
        ]
        for (distribution, analytic) in cases {
            let values = draws(distribution, seed: seed)
            #expect(values.allSatisfy { 0 <= $0 && $0 <= 1 })
            let label = "Beta(\(distribution.alpha), \(distribution.beta)), seed \(seed)"
            expectMatches(Sample(values), analytic, label)
            #expect(abs(distribution.mean - analytic.mean) <= 1e-14, "\(label)")
            #expect(abs(distribution.variance - analytic.variance) <= 1e-14, "\(label)")
        }
    }

    /// PERT(min, mode, max, lambda) is min + range * Beta(1 + lambda (mode - min) / range,
    /// 1 + lambda (max - mode) / range); the cases are chosen so both shapes are integers and the CDF is exact.
    @Test(arguments: statisticalSeeds)
    func pert(seed: UInt64) {
        let cases: [(PERT, Int, Int)] = [
            (PERT(minimum: 10, mode: 20, maximum: 50), 2, 4),
            (PERT(minimum: 0, mode: 1, maximum: 2, lambda: 2), 2, 2),
            (PERT(minimum: -3, mode: -3, maximum: 0), 1, 5),
        ]
        for (distribution, a, b) in cases {
            let range = distribution.maximum - distribution.minimum
            let unit = Self.beta(Double(a), Double(b)) { Exact.betaCDF(integer: a, b, $0) }
            let analytic = Self.scaled(unit, minimum: distribution.minimum, range: range)
            let values = draws(distribution, seed: seed)
            #expect(values.allSatisfy { distribution.minimum <= $0 && $0 <= distribution.maximum })
            let label = "PERT(\(distribution.minimum), \(distribution.mode), \(distribution.maximum)), seed \(seed)"
            expectMatches(Sample(values), analytic, label)
            #expect(abs(distribution.mean - analytic.mean) <= 1e-12, "\(label)")
            #expect(abs(distribution.variance - analytic.variance) <= 1e-12, "\(label)")
        }
        // The classic PERT mean (min + 4 mode + max) / 6 = (10 + 80 + 50) / 6.
        #expect(abs(PERT(minimum: 10, mode: 20, maximum: 50).mean - 140.0 / 6) <= 1e-12)
    }

    /// The count of successes is Binomial(n, p): the observed rate is within 5 sqrt(p (1 - p) / n) of p.
    @Test(arguments: statisticalSeeds)
    func bernoulli(seed: UInt64) {
        for p in [0.05, 0.5, 0.9] {
            let rate = Double(draws(Bernoulli(probability: p), seed: seed).filter { $0 }.count) / Double(sampleSize)
            let error = (p * (1 - p) / Double(sampleSize)).squareRoot()
            #expect(abs(rate - p) <= tolerance * error, "Bernoulli(\(p)), seed \(seed): rate \(rate)")
            #expect(Bernoulli(probability: p).mean == p && Bernoulli(probability: p).variance == p * (1 - p))
        }
        #expect(!draws(Bernoulli(probability: 0), seed: seed, count: 1_000).contains(true))
        #expect(!draws(Bernoulli(probability: 1), seed: seed, count: 1_000).contains(false))
    }

    /// Each alternative's count is Binomial(n, w_i / sum w): within 5 sqrt(p_i (1 - p_i) / n) of its share;
    /// a zero weight is never chosen.
    @Test(arguments: statisticalSeeds)
    func discreteChoice(seed: UInt64) {
        let weights = [1.0, 0, 3, 6, 0.5]
        let choice = DiscreteChoice(weights: weights)
        let shares = weights.map { $0 / 10.5 }
        for (probability, share) in zip(choice.probabilities, shares) { #expect(abs(probability - share) <= 1e-15) }
        var counts = [Int](repeating: 0, count: weights.count)
        for index in draws(choice, seed: seed) { counts[index] += 1 }
        #expect(counts[1] == 0)
        for (count, p) in zip(counts, shares) {
            let error = (p * (1 - p) / Double(sampleSize)).squareRoot()
            let rate = Double(count) / Double(sampleSize)
            #expect(abs(rate - p) <= tolerance * error, "share \(p), seed \(seed): rate \(rate)")
        }
    }
}
