/// Small, domain-free statistics over samples of doubles: intervals, quantiles, correlations, moments.
///
/// Everything here is plain arithmetic on `Double` with no Foundation dependency. Undefined results (the
/// quantile of nothing, the correlation of a constant) are `.nan`, never a trap, so a report can print them;
/// misuse (mismatched lengths, a probability outside [0, 1]) is a precondition failure.
public enum Statistics {
    /// The Wilson score interval for a binomial proportion.
    ///
    /// With `p̂ = successes / trials`, `n = trials` and `κ = z² / n`, the interval is
    /// `(p̂ + κ/2 ± z √(p̂(1 − p̂)/n + z²/(4n²))) / (1 + κ)`, clamped to [0, 1] against rounding. Unlike the
    /// Wald interval it never leaves [0, 1] and keeps close to its nominal coverage at 0 or n successes and
    /// for small n (Wilson, "Probable inference, the law of succession, and statistical inference", JASA
    /// 1927; Brown, Cai & DasGupta, "Interval estimation for a binomial proportion", Statistical Science 2001).
    /// With no trials nothing is known, and the interval is (0, 1).
    ///
    /// - Parameters:
    ///   - successes: The number of successes, in `0...trials`.
    ///   - trials: The number of trials, at least 0.
    ///   - z: The standard normal quantile of the confidence level; the default, `Φ⁻¹(0.975)`, gives 95 %.
    /// - Complexity: O(1).
    public static func wilson(successes: Int, trials: Int, z: Double = 1.959963984540054) -> (low: Double, high: Double)
    {
        precondition(trials >= 0, "Wilson interval needs trials >= 0, got \(trials)")
        precondition(
            (0...trials).contains(successes), "Wilson interval needs 0 <= successes <= trials, got \(successes)")
        precondition(z >= 0 && z.isFinite, "Wilson interval needs a finite z >= 0, got \(z)")
        guard trials > 0 else { return (0, 1) }
        let n = Double(trials)
        let pHat = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (pHat + z2 / (2 * n)) / denominator
        let half = z * (pHat * (1 - pHat) / n + z2 / (4 * n * n)).squareRoot() / denominator
        // At 0 or n successes the bound on that side is exactly 0 or 1; the formula gets it only up to rounding.
        let low = successes == 0 ? 0 : max(0, center - half)
        let high = successes == trials ? 1 : min(1, center + half)
        return (low, high)
    }

    /// The `p` quantile of sorted data by linear interpolation between order statistics (Hyndman & Fan type 7).
    ///
    /// With `n` values and `h = (n − 1) p`, the quantile is `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋])` on
    /// 0-based indices: the minimum at `p = 0`, the maximum at `p = 1`. It is the default of R's `quantile`
    /// and of NumPy's `percentile` (Hyndman & Fan, "Sample quantiles in statistical packages", The American
    /// Statistician 1996).
    ///
    /// - Parameters:
    ///   - sorted: The data in ascending order (not checked). Empty data gives `.nan`.
    ///   - p: The probability, in [0, 1].
    /// - Complexity: O(1).
    public static func quantile(sorted: [Double], _ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "quantile needs a probability in [0, 1], got \(p)")
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let lower = h.rounded(.down)
        let index = Int(lower)
        let fraction = h - lower
        guard fraction > 0, index + 1 < sorted.count else { return sorted[index] }
        return sorted[index] + fraction * (sorted[index + 1] - sorted[index])
    }

    /// The 1-based ranks of the values, tied values sharing the average of the ranks they span.
    ///
    /// For example `[10, 20, 20, 5]` ranks as `[2, 3.5, 3.5, 1]`. These are the ranks Spearman's coefficient
    /// uses, and R's `rank(ties.method = "average")`.
    ///
    /// - Parameter x: The values; none may be NaN, which has no place in an order.
    /// - Complexity: O(n log n).
    public static func ranks(_ x: [Double]) -> [Double] {
        precondition(!x.contains { $0.isNaN }, "ranks of data containing NaN are undefined")
        let order = x.indices.sorted { x[$0] < x[$1] }
        var result = [Double](repeating: 0, count: x.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && x[order[end]] == x[order[start]] { end += 1 }
            // Positions start..<end hold equal values: ranks start + 1 ... end, whose mean is (start + 1 + end) / 2.
            let rank = Double(start + 1 + end) / 2
            for position in start..<end { result[order[position]] = rank }
            start = end
        }
        return result
    }

    /// Pearson's product-moment correlation of paired samples.
    ///
    /// Computed in two passes, `Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²)`, and clamped to [−1, 1] against
    /// rounding. It is `.nan` for fewer than two pairs or when either sample is constant (zero variance).
    ///
    /// - Parameters:
    ///   - x: The first sample.
    ///   - y: The second sample, of the same length.
    /// - Complexity: O(n).
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "pearson needs samples of equal length, got \(x.count) and \(y.count)")
        guard x.count >= 2 else { return .nan }
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n
        let meanY = y.reduce(0, +) / n
        var sxx = 0.0
        var syy = 0.0
        var sxy = 0.0
        for (a, b) in zip(x, y) {
            let dx = a - meanX
            let dy = b - meanY
            sxx += dx * dx
            syy += dy * dy
            sxy += dx * dy
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return min(1, max(-1, sxy / (sxx * syy).squareRoot()))
    }

    /// Spearman's rank correlation: Pearson's correlation of the average ranks, which handles ties.
    ///
    /// It is 1 for any strictly increasing relation between the samples and −1 for any strictly decreasing
    /// one, and `.nan` when either sample is constant.
    ///
    /// - Parameters:
    ///   - x: The first sample; no NaN.
    ///   - y: The second sample, of the same length; no NaN.
    /// - Complexity: O(n log n).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "spearman needs samples of equal length, got \(x.count) and \(y.count)")
        return pearson(ranks(x), ranks(y))
    }

    /// The sample mean and its standard error, `s / √n` with the sample standard deviation `s` (divisor n − 1).
    ///
    /// The mean is `.nan` for no values; the standard error is `.nan` for fewer than two.
    ///
    /// - Complexity: O(n).
    public static func meanAndStandardError(_ x: [Double]) -> (mean: Double, standardError: Double) {
        let moments = RunningMoments(x)
        return (moments.mean, moments.standardError)
    }
}

extension Statistics {
    /// The count, mean and variance of a stream of values, updated one value at a time and mergeable.
    ///
    /// Adding uses Welford's update (Welford, "Note on a method for calculating corrected sums of squares and
    /// products", Technometrics 1962), which avoids the cancellation of the textbook `Σx² − n x̄²`. Merging two
    /// accumulators uses the pairwise formula of Chan, Golub & LeVeque ("Updating formulae and a pairwise
    /// algorithm for computing sample variances", 1979): with `δ = mean_b − mean_a`,
    /// `M2 = M2_a + M2_b + δ² n_a n_b / n`. So trials can be summarized in parallel chunks and merged; the
    /// result equals the sequential one up to rounding.
    public struct RunningMoments: Sendable, Equatable {
        /// The number of values added.
        public private(set) var count = 0
        /// The running mean (0 while empty; `mean` reports `.nan` then).
        private var runningMean = 0.0
        /// The sum of squared deviations from the mean, `Σ(x − x̄)²`.
        private var m2 = 0.0

        /// Creates an empty accumulator.
        public init() {}

        /// Creates an accumulator holding `values`.
        ///
        /// - Complexity: O(n).
        public init(_ values: some Sequence<Double>) {
            for value in values { add(value) }
        }

        /// The mean of the values; `.nan` when there are none.
        public var mean: Double { count == 0 ? .nan : runningMean }

        /// The sample variance, with divisor `count − 1`; `.nan` for fewer than two values.
        public var variance: Double { count < 2 ? .nan : m2 / Double(count - 1) }

        /// The standard error of the mean, `√(variance / count)`; `.nan` for fewer than two values.
        public var standardError: Double { (variance / Double(count)).squareRoot() }

        /// Adds one value.
        ///
        /// - Complexity: O(1).
        public mutating func add(_ x: Double) {
            count += 1
            let delta = x - runningMean
            runningMean += delta / Double(count)
            m2 += delta * (x - runningMean)
        }

        /// Adds every value that `other` holds, as if they had been added one by one.
        ///
        /// - Complexity: O(1).
        public mutating func merge(_ other: RunningMoments) {
            guard other.count > 0 else { return }
            guard count > 0 else {
                self = other
                return
            }
            let n = count + other.count
            let delta = other.runningMean - runningMean
            let otherShare = Double(other.count) / Double(n)
            runningMean += delta * otherShare
            m2 += other.m2 + delta * delta * Double(count) * otherShare
            count = n
        }
    }
}
