import ConsortiumAnalysis
import ConsortiumRandom
import Testing

@Suite struct StatisticsTests {
    /// 8 of 10 at 95 %: p̂ = 0.8, κ = z²/n = 0.38415, center = (0.8 + 0.19207) / 1.38415 = 0.71674,
    /// half-width = 1.95996 · √(0.016 + 0.0096036) / 1.38415 = 0.22657, so (0.4902, 0.9433) to 4 dp.
    /// 0 of 10 gives (0, 0.2775), the textbook value.
    @Test func wilsonKnownValues() {
        let eight = Statistics.wilson(successes: 8, trials: 10)
        #expect(abs(eight.low - 0.4902) < 5e-5 && abs(eight.high - 0.9433) < 5e-5, "\(eight)")
        let none = Statistics.wilson(successes: 0, trials: 10)
        #expect(none.low == 0 && abs(none.high - 0.2775) < 5e-5, "\(none)")
        let all = Statistics.wilson(successes: 10, trials: 10)
        #expect(all.high == 1 && abs(all.low - 0.7225) < 5e-5, "\(all)")
    }

    @Test func wilsonContainsTheProportion() {
        for trials in 1...60 {
            for successes in 0...trials {
                let p = Double(successes) / Double(trials)
                let interval = Statistics.wilson(successes: successes, trials: trials)
                #expect(0 <= interval.low && interval.low <= p && p <= interval.high && interval.high <= 1)
                // Symmetry: the interval of n − s successes is the mirror image. Tolerance: a few roundings.
                let mirror = Statistics.wilson(successes: trials - successes, trials: trials)
                #expect(abs(interval.low - (1 - mirror.high)) < 1e-12, "\(successes)/\(trials)")
            }
        }
        // A wider confidence level gives a wider interval.
        let wide = Statistics.wilson(successes: 3, trials: 20, z: 2.5758293035489)
        let narrow = Statistics.wilson(successes: 3, trials: 20)
        #expect(wide.low < narrow.low && narrow.high < wide.high)
    }

    @Test func wilsonWithNoTrials() {
        let interval = Statistics.wilson(successes: 0, trials: 0)
        #expect(interval.low == 0 && interval.high == 1)
    }

    /// Type 7 on [2, 4, 7, 11] (n = 4, h = 3p): p = 0.25 → h = 0.75 → 2 + 0.75·2 = 3.5;
    /// p = 0.5 → h = 1.5 → 4 + 0.5·3 = 5.5; p = 0.9 → h = 2.7 → 7 + 0.7·4 = 9.8 (NumPy's percentile agrees).
    @Test func quantileTypeSeven() {
        let data = [2.0, 4, 7, 11]
        #expect(Statistics.quantile(sorted: data, 0) == 2)
        #expect(Statistics.quantile(sorted: data, 1) == 11)
        #expect(Statistics.quantile(sorted: data, 0.25) == 3.5)
        #expect(Statistics.quantile(sorted: data, 0.5) == 5.5)
        #expect(abs(Statistics.quantile(sorted: data, 0.9) - 9.8) < 1e-12)
        #expect(Statistics.quantile(sorted: data, 1.0 / 3) == 4)  // h = 1 exactly: an order statistic
        #expect(Statistics.quantile(sorted: [5], 0.3) == 5)
        #expect(Statistics.quantile(sorted: [], 0.5).isNaN)
        // 1...101: h = 100p, so the p quantile is 1 + 100p.
        let hundred = (1...101).map(Double.init)
        for p in [0.01, 0.05, 0.5, 0.95, 0.99] {
            #expect(abs(Statistics.quantile(sorted: hundred, p) - (1 + 100 * p)) < 1e-9, "p = \(p)")
        }
    }

    @Test func ranksAverageTies() {
        #expect(Statistics.ranks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
        #expect(Statistics.ranks([3, 3, 3]) == [2, 2, 2])
        #expect(Statistics.ranks([1, 1, 0, 2, 2, 2]) == [2.5, 2.5, 1, 5, 5, 5])
        #expect(Statistics.ranks([]) == [])
    }

    /// x = 1...5, y = 2, 4, 5, 4, 5: deviations −2, −1, 0, 1, 2 and −2, 0, 1, 0, 1; Sxy = 6, Sxx = 10, Syy = 6;
    /// r = 6 / √60 = √0.6.
    @Test func pearsonKnownValue() {
        let r = Statistics.pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])
        #expect(abs(r - 0.6.squareRoot()) < 1e-15)
        #expect(Statistics.pearson([1, 2, 3], [7, 7, 7]).isNaN)
        #expect(Statistics.pearson([1], [2]).isNaN)
        #expect(Statistics.pearson([1, 2, 3], [-2, -4, -6]) == -1)
    }

    @Test func spearmanOfMonotoneTransforms() {
        let x = (0..<50).map { Double(SplitMix64.mix(UInt64($0)) >> 11) * 0x1p-53 * 10 - 5 }
        let increasing = x.map { $0 * $0 * $0 + 2 * $0 }  // strictly increasing, far from linear
        #expect(abs(Statistics.spearman(x, increasing) - 1) < 1e-12)
        #expect(abs(Statistics.spearman(x, increasing.map { -$0 }) + 1) < 1e-12)
    }

    /// Ties: x = 1, 2, 2, 3 ranks as 1, 2.5, 2.5, 4; y = 1, 3, 2, 4 as itself. Deviations from 2.5:
    /// −1.5, 0, 0, 1.5 and −1.5, 0.5, −0.5, 1.5; Sxy = 4.5, Sxx = 4.5, Syy = 5; ρ = 4.5 / √22.5 = 3 / √10.
    @Test func spearmanWithTies() {
        #expect(abs(Statistics.spearman([1, 2, 2, 3], [1, 3, 2, 4]) - 3 / 10.0.squareRoot()) < 1e-15)
        #expect(abs(Statistics.spearman([1, 2, 2, 3], [10, 20, 20, 30]) - 1) < 1e-15)
        #expect(Statistics.spearman([4, 4, 4], [1, 2, 3]).isNaN)
    }

    /// [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, squared deviations sum to 32, s² = 32/7, SE = √(32/7/8) = √(4/7).
    @Test func meanAndStandardError() {
        let result = Statistics.meanAndStandardError([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(result.mean == 5)
        #expect(abs(result.standardError - (4.0 / 7).squareRoot()) < 1e-15)
        #expect(Statistics.meanAndStandardError([]).mean.isNaN)
        let one = Statistics.meanAndStandardError([3])
        #expect(one.mean == 3 && one.standardError.isNaN)
    }

    /// Merging chunks equals adding sequentially, up to rounding, for every split point. On data near 1000 the
    /// spacing of doubles is about 1e-13, so the two orders of operations agree to about 1e-12 relative;
    /// the tolerance is 1e-9.
    @Test func runningMomentsMergeEqualsSequential() {
        var stream = RandomStream(key: StreamKey(seed: 2024, trial: 0, entity: 0))
        let data = (0..<200).map { _ in 1000 + stream.nextUnit() }
        let sequential = Statistics.RunningMoments(data)
        for split in [0, 1, 2, 37, 100, 199, 200] {
            var merged = Statistics.RunningMoments(data[..<split])
            merged.merge(Statistics.RunningMoments(data[split...]))
            #expect(merged.count == 200)
            #expect(abs(merged.mean - sequential.mean) <= 1e-12 * abs(sequential.mean), "split \(split)")
            #expect(abs(merged.variance - sequential.variance) <= 1e-9 * sequential.variance, "split \(split)")
            #expect(abs(merged.standardError - sequential.standardError) <= 1e-9 * sequential.standardError)
        }
        // Merging many small chunks, as parallel trials would.
        var chunked = Statistics.RunningMoments()
        for start in stride(from: 0, to: 200, by: 7) {
            chunked.merge(Statistics.RunningMoments(data[start..<min(start + 7, 200)]))
        }
        #expect(chunked.count == 200)
        #expect(abs(chunked.variance - sequential.variance) <= 1e-9 * sequential.variance)
        let reference = twoPass(data)
        #expect(abs(sequential.mean - reference.mean) <= 1e-12 * reference.mean)
        #expect(abs(sequential.variance - reference.variance) <= 1e-9 * reference.variance)
    }

    /// Welford's update keeps the variance of values on a large offset, where the textbook Σx² − n x̄² loses
    /// every digit (Σx² ≈ 2e20 has a spacing of 32768, the variance is 1/12). Near 1e9 doubles are spaced
    /// 1.2e-7 apart, so the running mean carries errors of that size into each update, about 1e-7 of the
    /// deviations; the tolerance is 1e-5 relative to the two-pass value.
    @Test func runningMomentsOnALargeOffset() {
        var stream = RandomStream(key: StreamKey(seed: 2025, trial: 0, entity: 0))
        let data = (0..<200).map { _ in 1e9 + stream.nextUnit() }
        let moments = Statistics.RunningMoments(data)
        let reference = twoPass(data)
        #expect(abs(moments.mean - reference.mean) <= 1e-12 * reference.mean)
        #expect(abs(moments.variance - reference.variance) <= 1e-5 * reference.variance)
        var merged = Statistics.RunningMoments(data[..<80])
        merged.merge(Statistics.RunningMoments(data[80...]))
        #expect(abs(merged.variance - reference.variance) <= 1e-5 * reference.variance)
    }

    @Test func runningMomentsSmallCounts() {
        var moments = Statistics.RunningMoments()
        #expect(moments.count == 0 && moments.mean.isNaN && moments.variance.isNaN)
        moments.add(4)
        #expect(moments.mean == 4 && moments.variance.isNaN && moments.standardError.isNaN)
        moments.add(6)
        #expect(moments.mean == 5 && moments.variance == 2 && moments.standardError == 1)
    }

    /// The reference: mean, then the mean squared deviation from it (divisor n − 1).
    private func twoPass(_ x: [Double]) -> (mean: Double, variance: Double) {
        let mean = x.reduce(0, +) / Double(x.count)
        return (mean, x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1))
    }
}
