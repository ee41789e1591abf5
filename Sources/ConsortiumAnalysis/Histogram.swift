import ConsortiumModel
import Foundation

/// A mergeable histogram of a quantity over many trials, with memory bounded by the spread of the values,
/// not by the number of trials.
///
/// Values go into integer buckets by a fixed rule (`Bucketing`), so two histograms built from any split of
/// the trials merge into exactly the histogram of all of them: counts add, whatever the order. Quantiles
/// are exact to the bucket width: one day for dates, 0.01 % of the value for costs (1 % for yearly spending).
public struct Histogram: Sendable, Equatable {
    /// How values map to buckets and back.
    public enum Bucketing: Sendable, Equatable {
        /// Whole days: the bucket of `x` is `floor(x)`; exact for day counts.
        case days
        /// Relative width 1e-4 (0.01 %) on either side of zero, for costs that can be negative.
        case relative
        /// Relative width 1 %, for the many small histograms of yearly spending.
        case percent

        /// The relative width of a bucket (also the absolute width below 1 in magnitude).
        var width: Double { self == .percent ? 0.01 : 1e-4 }
        var logRatio: Double { self == .percent ? Histogram.logPercent : Histogram.logRatio }
    }

    public let bucketing: Bucketing
    /// Counts per bucket, in chunks of 16 consecutive buckets stored inline in the dictionary, a chunk
    /// created when one of its buckets is first used. A million trials of a continuous cost fill every
    /// bucket of their range; 4-byte counters in chunks then take about 6 bytes per bucket where a
    /// dictionary entry per bucket took about 21, so memory follows the range of the values, not the
    /// number of trials. A bucket counts at most 2^32 - 1 values (the CLI allows 10^8 trials).
    private var chunks: [Int64: SIMD16<UInt32>] = [:]
    static let chunkShift: Int64 = 4
    static let chunkSize = 1 << chunkShift
    /// Trials whose value did not happen (e.g. a mission never completed): they count as beyond every bucket.
    public private(set) var missing = 0
    /// Values exactly 0, counted apart (in bucket `bucket(0)`): most of an agency's fiscal years spend nothing,
    /// and counting them here skips a dictionary lookup per value.
    private var zeroes = 0
    /// Number of values, including missing ones.
    public private(set) var count = 0

    public init(_ bucketing: Bucketing) { self.bucketing = bucketing }

    static let logRatio = Foundation.log(1.0001)
    static let logPercent = Foundation.log(1.01)

    /// The bucket of `x`.
    func bucket(_ x: Double) -> Int64 {
        switch bucketing {
        case .days:
            // Clamped (to ±2^52 days, far beyond any date) so that no finite value traps in the conversion.
            return Int64(Int(clamping: x, to: -(1 << 52)...(1 << 52), rounding: .down))
        case .relative, .percent:
            // Buckets of relative width w above 1 MUSD in magnitude; below it, buckets of w MUSD.
            let magnitude = abs(x)
            let small = Int64((1 / bucketing.width).rounded())
            if magnitude < 1 { return Int64((x / bucketing.width).rounded(.down)) }
            let k = Int64((Foundation.log(magnitude) / bucketing.logRatio).rounded(.down)) + small + 1
            return x < 0 ? -k : k
        }
    }

    /// A representative value of `bucket` (its lower edge for days, its geometric middle for costs).
    func value(ofBucket k: Int64) -> Double {
        switch bucketing {
        case .days:
            return Double(k)
        case .relative, .percent:
            let small = Int64((1 / bucketing.width).rounded())
            if abs(k) <= small { return (Double(k) + 0.5) * bucketing.width }
            let magnitude = Foundation.exp((Double(abs(k) - small - 1) + 0.5) * bucketing.logRatio)
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
        if x == 0 {
            zeroes += 1
            return
        }
        let k = bucket(x)
        let offset = Int(k & Int64(Self.chunkSize - 1))
        chunks[k >> Self.chunkShift, default: .zero][offset] &+= 1
    }

    /// Buckets with a count, in increasing order.
    private var occupied: [(bucket: Int64, count: Int)] {
        var result: [(bucket: Int64, count: Int)] = []
        let zero = bucket(0)
        var zeroesLeft = zeroes > 0
        for chunk in chunks.keys.sorted() {
            let counts = chunks[chunk]!
            if zeroesLeft, zero >> Self.chunkShift < chunk {
                result.append((zero, zeroes))
                zeroesLeft = false
            }
            for offset in 0..<Self.chunkSize {
                let k = (chunk << Self.chunkShift) + Int64(offset)
                let extra = zeroesLeft && k == zero ? zeroes : 0
                if extra > 0 { zeroesLeft = false }
                if counts[offset] > 0 || extra > 0 { result.append((k, Int(counts[offset]) + extra)) }
            }
        }
        if zeroesLeft { result.append((zero, zeroes)) }
        return result
    }

    /// Empties the histogram, keeping its storage.
    public mutating func reset() {
        chunks.removeAll(keepingCapacity: true)
        missing = 0
        zeroes = 0
        count = 0
    }

    /// Adds every count of `other` (built with the same bucketing).
    public mutating func merge(_ other: Histogram) {
        precondition(bucketing == other.bucketing, "merging histograms of different bucketing")
        count += other.count
        missing += other.missing
        zeroes += other.zeroes
        for (chunk, counts) in other.chunks {
            chunks[chunk, default: .zero] &+= counts
        }
    }

    /// The smallest value v such that at least a fraction `p` of all values (missing ones included, as
    /// +infinity) are at most v; `nil` when that lies among the missing values.
    public func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        let needed = max(1, Int((p * Double(count)).rounded(.up)))
        var seen = 0
        for (k, n) in occupied {
            seen += n
            if seen >= needed { return value(ofBucket: k) }
        }
        return nil
    }

    /// Buckets in increasing order with their counts: the data of an S-curve or a bar chart.
    public var sortedBuckets: [(value: Double, count: Int)] {
        occupied.map { (value(ofBucket: $0.bucket), $0.count) }
    }
}
