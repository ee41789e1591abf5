/// Event times as unsigned 64-bit integers that sort as the doubles do.
///
/// The usual sign-flip transform: negative times have every bit inverted, non-negative times their sign bit
/// set; -0 is first normalized to +0. The heap compares these keys with one integer compare, and selects
/// among children on them without a branch. No time maps to `UInt64.max`, which marks the empty slots after
/// the heap's last entry.
@usableFromInline
enum TimeKey {
    /// The key of `time`.
    ///
    /// - Precondition: `time` is not NaN.
    @inlinable
    @inline(__always)
    static func make(_ time: Double) -> UInt64 {
        let bits = (time + 0.0).bitPattern
        return bits ^ (UInt64(bitPattern: Int64(bitPattern: bits) >> 63) | (1 << 63))
    }

    /// The time whose key is `key`.
    @inlinable
    @inline(__always)
    static func time(_ key: UInt64) -> Double {
        Double(bitPattern: key ^ (UInt64(bitPattern: Int64(bitPattern: ~key) >> 63) | (1 << 63)))
    }

    /// 1 if `lhs < rhs`, else 0, computed without a branch.
    @inlinable
    @inline(__always)
    static func less(_ lhs: UInt64, _ rhs: UInt64) -> Int {
        Int(truncatingIfNeeded: unsafeBitCast(lhs < rhs, to: UInt8.self))
    }
}
