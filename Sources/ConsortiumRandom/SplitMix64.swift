/// SplitMix64, the 64-bit generator of Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators" (OOPSLA 2014), exactly as the SimPy peer model (`campaign_simpy.py`) defines it.
///
/// Each call adds the golden-ratio increment to the state and returns a bijective mix of it, so a stream never
/// repeats within 2^64 draws. It passes BigCrush, is two multiplies per draw, and its state is one word, which
/// makes it the right stream for a per-entity generator that must be stored in an array.
public struct SplitMix64: RandomNumberGenerator, Hashable, Sendable {
    /// The state; the next output is `mix(state + increment)`.
    public var state: UInt64

    /// The Weyl-sequence increment, 2^64 / golden ratio.
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Creates a generator whose first output is `mix(state + increment)`.
    @inlinable
    public init(state: UInt64) { self.state = state }

    /// Creates the peer model's generator for element `entity` of trial `trial` under scenario `seed`.
    ///
    /// The initial state is `((seed & 0xFFFFFF) << 40) | (trial << 20) | entity`, as in `campaign_simpy.py`.
    /// - Precondition: `trial` and `entity` are below 2^20.
    @inlinable
    public init(seed: UInt64, trial: Int, entity: Int) {
        precondition((0..<(1 << 20)).contains(trial), "trial \(trial) is outside 0..<2^20")
        precondition((0..<(1 << 20)).contains(entity), "entity \(entity) is outside 0..<2^20")
        self.state = (seed & 0xFF_FFFF) << 40 | UInt64(trial) << 20 | UInt64(entity)
    }

    /// Advances the state and returns the next 64 random bits.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= Self.increment
        return Self.mix(state)
    }

    /// The SplitMix64 output function (a variant of MurmurHash3's finalizer): a bijection on 64-bit words.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// A uniform double in [0, 1) from the top 53 bits of the next draw: `(bits >> 11) * 2^-53`.
    ///
    /// This is the peer model's `u`; every multiple of 2^-53 in [0, 1) is equally likely.
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in (0, 1), never 0 or 1: `((bits >> 11) + 0.5) * 2^-53`.
    ///
    /// Used by inversion sampling, where `quantile(0)` would be infinite. With all 53 bits set, `2^53 - 0.5` is
    /// not representable and rounds (to even) up to `2^53`, which would give exactly 1; that one case is
    /// clamped to the largest double below 1, leaving every other value unchanged.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        Swift.min((Double(next() >> 11) + 0.5) * 0x1p-53, 1.0.nextDown)
    }
}
