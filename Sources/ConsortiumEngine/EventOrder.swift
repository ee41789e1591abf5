/// The total order of pending events as one unsigned 128-bit integer.
///
/// The high 64 bits are the event time mapped to an unsigned integer that sorts as the doubles do (the
/// usual sign-flip transform: negative times have every bit inverted, non-negative times their sign bit
/// set; -0 is first normalized to +0), the low 64 bits are the priority (top 8 bits) and the insertion
/// sequence (low 56 bits). Comparing two orders is then a single 128-bit compare, which x86-64 and arm64
/// compile to a subtract-with-borrow with no branch; the heap uses it to choose among children without
/// the mispredicted branches of a `(time, priority, sequence)` tuple comparison.
@usableFromInline
enum EventOrder {
    /// The order of an event at `time` with priority-and-sequence `key`.
    ///
    /// - Precondition: `time` is not NaN.
    @inlinable
    @inline(__always)
    static func make(time: Double, key: UInt64) -> UInt128 {
        let bits = (time + 0.0).bitPattern
        let mask = UInt64(bitPattern: Int64(bitPattern: bits) >> 63) | (1 << 63)
        return UInt128(bits ^ mask) << 64 | UInt128(key)
    }

    /// The time encoded in `order`.
    @inlinable
    @inline(__always)
    static func time(_ order: UInt128) -> Double {
        let bits = UInt64(truncatingIfNeeded: order >> 64)
        let mask = UInt64(bitPattern: Int64(bitPattern: ~bits) >> 63) | (1 << 63)
        return Double(bitPattern: bits ^ mask)
    }

    /// The priority-and-sequence key encoded in `order`.
    @inlinable
    @inline(__always)
    static func key(_ order: UInt128) -> UInt64 {
        UInt64(truncatingIfNeeded: order)
    }

    /// 1 if `lhs < rhs`, else 0, computed without a branch.
    @inlinable
    @inline(__always)
    static func less(_ lhs: UInt128, _ rhs: UInt128) -> Int {
        Int(truncatingIfNeeded: unsafeBitCast(lhs < rhs, to: UInt8.self))
    }
}
