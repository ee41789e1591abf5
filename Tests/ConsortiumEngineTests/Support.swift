import ConsortiumRandom
import Foundation
import Testing

/// A generator that returns one fixed word forever, to drive a sampler to the edge of its input range.
///
/// Only for samplers that use a fixed number of draws; a rejection sampler (Gamma, Beta) could loop forever.
struct ConstantGenerator: RandomNumberGenerator {
    var word: UInt64

    mutating func next() -> UInt64 { word }
}

/// The seeds every statistical test runs over; each is a separate test case, so a failure names its seed.
let statisticalSeeds: [UInt64] = [1, 2, 3, 42, 2_024, 0xDEAD_BEEF]

/// Draws per (distribution, seed): enough for a 5-sigma band of about 3.5 % of sigma on the mean.
let sampleSize = 20_000

/// The number of standard errors every statistical check allows.
///
/// Why 5: each check compares a statistic that is asymptotically normal (a sample mean, a sample variance, a
/// binomial proportion) with its analytic value, so a correct sampler leaves the band with probability
/// 2 * Phi(-5) = 5.7e-7. The suite makes about 1,300 such checks, so the chance that a correct implementation
/// fails any of them for the fixed seeds is below 1e-3, while a wrong mean, spread or shape shows up as tens
/// of standard errors at n = 20,000.
let tolerance = 5.0

/// `n` draws of `distribution` from the stream keyed by `seed` (trial 0, entity 0, purpose `purpose`).
func draws<D: Distribution>(
    _ distribution: D, seed: UInt64, purpose: UInt64 = 0, count: Int = sampleSize
)
    -> [D.Value]
{
    var stream = RandomStream(key: StreamKey(seed: seed, trial: 0, entity: 0, purpose: purpose))
    return (0..<count).map { _ in distribution.sample(using: &stream) }
}

/// A sorted sample with its mean and unbiased variance.
struct Sample {
    let sorted: [Double]
    let mean: Double
    let variance: Double

    init(_ values: [Double]) {
        sorted = values.sorted()
        let n = Double(values.count)
        mean = values.reduce(0, +) / n
        let m = mean
        variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
    }

    var count: Int { sorted.count }

    /// The empirical CDF: the fraction of draws at or below `x`.
    func fraction(atOrBelow x: Double) -> Double {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= x { low = middle + 1 } else { high = middle }
        }
        return Double(low) / Double(sorted.count)
    }
}

/// What theory says about a real distribution: its first moments and its CDF.
struct Analytic {
    let mean: Double
    let variance: Double
    /// The fourth central moment E[(X - mean)^4], which sets the standard error of the sample variance.
    let fourthCentralMoment: Double
    /// The exact CDF, computed independently of the code under test.
    let cdf: (Double) -> Double
    /// The exact quantile function; when `nil`, quantiles are found by bisection of `cdf` over `support`.
    var quantile: ((Double) -> Double)? = nil
    var support: ClosedRange<Double> = 0...1

    /// The p-quantile, analytic or by bisection of the exact CDF (60 halvings: far below any tolerance).
    func quantile(at p: Double) -> Double {
        if let quantile { return quantile(p) }
        var low = support.lowerBound
        var high = support.upperBound
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if cdf(middle) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}

/// The probabilities at which quantiles are checked: both tails, the quartiles and the median.
let checkedProbabilities = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]

/// Checks a sample against the analytic mean, variance and quantiles, each within `tolerance` standard errors.
///
/// The standard errors are derived from the sample size n:
/// - mean: sigma / sqrt(n) (central limit theorem);
/// - variance: sqrt((mu4 - sigma^4) / n), the asymptotic standard deviation of the sample variance, with mu4
///   the fourth central moment;
/// - quantile q_p: the number of draws at or below the exact q_p is Binomial(n, p), so the empirical CDF there
///   has standard error sqrt(p (1 - p) / n). Checking the CDF at the exact quantile needs no density estimate.
func expectMatches(
    _ sample: Sample, _ analytic: Analytic, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let n = Double(sample.count)
    let meanError = (analytic.variance / n).squareRoot()
    #expect(
        abs(sample.mean - analytic.mean) <= tolerance * meanError,
        "\(label): mean \(sample.mean), expected \(analytic.mean) ± \(tolerance * meanError)",
        sourceLocation: sourceLocation)
    let varianceError = ((analytic.fourthCentralMoment - analytic.variance * analytic.variance) / n).squareRoot()
    #expect(
        abs(sample.variance - analytic.variance) <= tolerance * varianceError,
        "\(label): variance \(sample.variance), expected \(analytic.variance) ± \(tolerance * varianceError)",
        sourceLocation: sourceLocation)
    for p in checkedProbabilities {
        let x = analytic.quantile(at: p)
        // Guards the test's own algebra: the reference quantile and CDF must agree.
        #expect(abs(analytic.cdf(x) - p) <= 1e-9, "\(label): reference CDF and quantile disagree at \(p)")
        let fraction = sample.fraction(atOrBelow: x)
        let error = (p * (1 - p) / n).squareRoot()
        #expect(
            abs(fraction - p) <= tolerance * error,
            "\(label): P(X <= \(x)) observed \(fraction), expected \(p) ± \(tolerance * error)",
            sourceLocation: sourceLocation)
    }
}

/// Exact references, written from textbook identities rather than from the code under test.
enum Exact {
    /// I_x(a, b) for positive integers a and b: P(at least a successes in a + b - 1 trials of probability x).
    static func betaCDF(integer a: Int, _ b: Int, _ x: Double) -> Double {
        let n = a + b - 1
        var total = 0.0
        for j in a...n {
            total += binomial(n, j) * pow(x, Double(j)) * pow(1 - x, Double(n - j))
        }
        return total
    }

    /// The binomial coefficient C(n, k), exact in a double for the small n used here.
    static func binomial(_ n: Int, _ k: Int) -> Double {
        var result = 1.0
        for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
        return result.rounded()
    }

    /// P(shape, y), the regularized lower incomplete gamma function, for integer or half-integer shapes.
    ///
    /// Integer shape: the Erlang CDF 1 - e^-y sum_{k<shape} y^k / k!. Half-integer shape n + 1/2: from
    /// P(1/2, y) = erf(sqrt y) and the recurrence P(a + 1, y) = P(a, y) - y^a e^-y / Gamma(a + 1).
    static func gammaCDF(shape: Double, _ y: Double) -> Double {
        if y <= 0 { return 0 }
        if shape == shape.rounded() {
            var term = 1.0
            var sum = 1.0
            for k in stride(from: 1.0, to: shape, by: 1) {
                term *= y / k
                sum += term
            }
            return 1 - exp(-y) * sum
        }
        precondition((shape - 0.5) == (shape - 0.5).rounded(), "half-integer shape expected")
        var result = erf(y.squareRoot())
        var a = 0.5
        while a < shape {
            result -= exp(a * log(y) - y - lgamma(a + 1))
            a += 1
        }
        return result
    }

    /// The standard normal quantiles at `checkedProbabilities` (SciPy's `norm.ppf`, to the last digit).
    static let normalQuantiles: [Double: Double] = [
        0.01: -2.3263478740408408, 0.1: -1.2815515655446004, 0.25: -0.6744897501960817, 0.5: 0,
        0.75: 0.6744897501960817, 0.9: 1.2815515655446004, 0.99: 2.3263478740408408,
    ]

    /// The standard normal CDF.
    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
}
