/// Identifies one independent random stream: scenario seed, trial index, entity, and purpose.
///
/// A model derives one generator per (trial, entity, purpose) instead of sharing one generator, so any trial
/// can be replayed alone and no result depends on thread count or the order in which events consume numbers.
public struct StreamKey: Hashable, Sendable {
    /// The scenario's seed.
    public var seed: UInt64
    /// The Monte Carlo trial index.
    public var trial: UInt64
    /// The entity (element, agency, ...) that owns the stream.
    public var entity: UInt64
    /// What the numbers are for (durations, failures, ...), so one entity's uses do not share numbers.
    public var purpose: UInt64

    /// Creates a key.
    public init(seed: UInt64, trial: UInt64, entity: UInt64, purpose: UInt64 = 0) {
        self.seed = seed
        self.trial = trial
        self.entity = entity
        self.purpose = purpose
    }

    /// The 64-bit seed of the stream: the four fields absorbed one by one through the SplitMix64 mixer.
    ///
    /// `h = mix(seed + c0)`, then `h = mix(h ^ (field + c))` for trial, entity and purpose in turn (each `c` a
    /// distinct odd constant). Every step is a bijection of `h` for a fixed field, so keys that differ only in
    /// the last field never collide; keys that differ earlier collide with probability about 2^-64.
    @inlinable
    public var streamSeed: UInt64 {
        var h = SplitMix64.mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        h = SplitMix64.mix(h ^ (trial &+ 0xD1B5_4A32_D192_ED03))
        h = SplitMix64.mix(h ^ (entity &+ 0xABC9_8388_FB8F_AC03))
        h = SplitMix64.mix(h ^ (purpose &+ 0x8CB9_2BA7_2F3D_8DD7))
        return h
    }
}

/// The general-purpose stream: xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number
/// generators", ACM TOMS 2021), seeded from a `StreamKey`.
///
/// The 256-bit state is filled with four SplitMix64 outputs of the key's stream seed, the seeding the authors
/// recommend. Why streams are independent: distinct keys give distinct stream seeds (see `StreamKey`), and a
/// stream of length n starts at an effectively random point of a cycle of length 2^256 - 1, so two streams of
/// length n overlap with probability about n * 2^-255; there is no shared state between streams.
public struct RandomStream: RandomNumberGenerator, Hashable, Sendable {
    /// The four state words.
    @usableFromInline
    var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Creates the stream named by `key`.
    @inlinable
    public init(key: StreamKey) {
        self.init(seed: key.streamSeed)
    }

    /// Creates a stream from a 64-bit seed, expanded to 256 bits by SplitMix64.
    @inlinable
    public init(seed: UInt64) {
        var expander = SplitMix64(state: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = SplitMix64.increment }  // the all-zero state is a fixed point
    }

    /// Advances the state and returns the next 64 random bits.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }
}

extension UInt64 {
    /// The bits rotated left by `count` (0 < count < 64).
    @inlinable
    func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 &- count))
    }
}
