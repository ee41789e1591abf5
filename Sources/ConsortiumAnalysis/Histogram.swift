import Foundation

/// A mergeable histogram of a quantity over many trials, with memory bounded by the spread of the values,
/// not by the number of trials.
///
/// Values go into integer buckets by a fixed rule (`Bucketing`), so two histograms built from any split of
/// the trials merge into exactly the histogram of all of them: counts add, whatever the order. Quantiles
/// are exact to the bucket width: one day for dates, 0.01 % of the value for costs.
public struct Histogram: Sendable, Equatable {
    /// How values map to buckets and back.
    public enum Bucketing: Sendable, Equatable {
        /// Whole days: the bucket of `x` is `floor(x)`; exact for day counts.
        case days
        /// Relative width 1e-4 (0.01 %) on either side of zero, for costs that can be negative.
        case relative
    }

    public let bucketing: Bucketing
    /// Count per bucket.
    public private(set) var counts: [Int64: Int] = [:]
    /// Trials whose value did not happen (e.g. a mission never completed): they count as beyond every bucket.
    public private(set) var missing = 0
    /// Number of values, including missing ones.
    public private(set) var count = 0

    public init(_ bucketing: Bucketing) { self.bucketing = bucketing }

    static let logRatio = Foundation.log(1.0001)

    /// The bucket of `x`.
    func bucket(_ x: Double) -> Int64 {
        switch bucketing {
        case .days:
            return Int64(x.rounded(.down))
        case .relative:
            // Buckets of relative width 1e-4 above 1 MUSD in magnitude; below it, buckets of 1e-4 MUSD.
            let magnitude = abs(x)
            if magnitude < 1 { return Int64((x * 1e4).rounded(.down)) }
            let k = Int64((Foundation.log(magnitude) / Self.logRatio).rounded(.down)) + 10_001
            return x < 0 ? -k : k
        }
    }

    /// A representative value of `bucket` (its lower edge for days, its geometric middle for costs).
    func value(ofBucket k: Int64) -> Double {
        switch bucketing {
        case .days:
            return Double(k)
        case .relative:
            if abs(k) <= 10_000 { return (Double(k) + 0.5) / 1e4 }
            let magnitude = Foundation.exp((Double(abs(k) - 10_001) + 0.5) * Self.logRatio)
            return k < 0 ? -magnitude : magnitude
        }
    }

    /// Adds a value; `nil` (or NaN) records a missing value.
    public mutating func add(_ x: Double?) {
        count += 1
        guard let x, x.isFinite else {
            missing += 1
            return
        }
        counts[bucket(x), default: 0] += 1
    }

    /// Adds every count of `other` (built with the same bucketing).
    public mutating func merge(_ other: Histogram) {
        precondition(bucketing == other.bucketing, "merging histograms of different bucketing")
        count += other.count
        missing += other.missing
        for (k, n) in other.counts { counts[k, default: 0] += n }
    }

    /// The smallest value v such that at least a fraction `p` of all values (missing ones included, as
    /// +infinity) are at most v; `nil` when that lies among the missing values.
    public func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        let needed = max(1, Int((p * Double(count)).rounded(.up)))
        var seen = 0
        for k in counts.keys.sorted() {
            seen += counts[k]!
            if seen >= needed { return value(ofBucket: k) }
        }
        return nil
    }

    /// The fraction of all values (missing ones included) that are at most `x`.
    public func fraction(atMost x: Double) -> Double {
        guard count > 0 else { return 0 }
        let limit = bucket(x)
        var n = 0
        for (k, c) in counts where k <= limit { n += c }
        return Double(n) / Double(count)
    }

    /// Buckets in increasing order with their counts: the data of an S-curve or a bar chart.
    public var sortedBuckets: [(value: Double, count: Int)] {
        counts.keys.sorted().map { (value(ofBucket: $0), counts[$0]!) }
    }
}
