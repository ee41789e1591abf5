import ConsortiumRandom
import Testing

/// One line of `/work/shared/bench/rng_test_vectors.txt`, written by the SimPy peer model
/// (`/work/shared/bench/campaign_simpy.py`): element i of trial t under `seed`, its initial SplitMix64 state,
/// its first three uniforms, and its development duration (a triangular draw with lo, 1.3 lo, 2 lo from u1).
struct PeerVector: Sendable, CustomTestStringConvertible {
    var seed: UInt64
    var trial: Int
    var element: Int
    var state: UInt64
    var uniforms: [Double]
    var low: Double
    var duration: Double

    var testDescription: String { "seed=\(seed) t=\(trial) i=\(element)" }
}

/// The vectors, copied digit for digit from `/work/shared/bench/rng_test_vectors.txt` (Python's `repr`, which
/// round-trips, so exact equality is the right check).
let peerVectors: [PeerVector] = [
    PeerVector(
        seed: 1, trial: 0, element: 0, state: 0x0000_0100_0000_0000,
        uniforms: [0.12447268724196459, 0.02301691563960362, 0.8879155261287006], low: 200.0,
        duration: 238.648056185319),
    PeerVector(
        seed: 1, trial: 0, element: 1, state: 0x0000_0100_0000_0001,
        uniforms: [0.4273225344666286, 0.4747390661735562, 0.5022135949396902], low: 237.0,
        duration: 323.94432902059066),
    PeerVector(
        seed: 1, trial: 0, element: 2, state: 0x0000_0100_0000_0002,
        uniforms: [0.15843946222824845, 0.4121842254337651, 0.2892022835319624], low: 274.0,
        duration: 333.7369259325787),
    PeerVector(
        seed: 1, trial: 5, element: 2, state: 0x0000_0100_0050_0002,
        uniforms: [0.5464124087472074, 0.9257623609589765, 0.6110650423460439], low: 274.0,
        duration: 393.60609014398835),
    PeerVector(
        seed: 42, trial: 199, element: 59, state: 0x0000_2a00_0c70_003b,
        uniforms: [0.6882282030816919, 0.11343688238476812, 0.9748310443518698], low: 283.0,
        duration: 433.79317714136965),
]

@Suite struct SplitMix64Tests {
    @Test(arguments: peerVectors)
    func matchesThePeerModel(vector: PeerVector) {
        var generator = SplitMix64(seed: vector.seed, trial: vector.trial, entity: vector.element)
        #expect(generator.state == vector.state)
        var raw = generator
        for u in vector.uniforms {
            // The uniform is the top 53 bits of the output, so the raw bits are checked too.
            #expect(raw.next() >> 11 == UInt64(u * 0x1p53))
            #expect(generator.nextUnit() == u)
        }
        // The peer model's static structure: lo(i) = 200 + (i * 37 % 300), mode 1.3 lo, hi 2 lo.
        let low = Double(200 + vector.element * 37 % 300)
        #expect(low == vector.low)
        let duration = Triangular(low: low, mode: low * 1.3, high: low * 2.0).quantile(vector.uniforms[0])
        #expect(duration == vector.duration, "bit for bit, as the benchmark needs")
    }

    /// The last line of the vector file: `SplitMix64(state=0) first raw-derived u: 0.8833108082136426`.
    @Test func stateZero() {
        var generator = SplitMix64(state: 0)
        #expect(generator.nextUnit() == 0.8833108082136426)
        // The reference C implementation (Vigna, splitmix64.c) seeded with x = 0 starts with these words.
        var reference = SplitMix64(state: 0)
        #expect(
            [reference.next(), reference.next(), reference.next()] == [
                0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
            ])
        #expect(reference.state == 3 &* SplitMix64.increment)
    }

    @Test func stateLayoutMasksTheSeedToTwentyFourBits() {
        #expect(
            SplitMix64(seed: 0x1_00_0001, trial: 0, entity: 0).state == SplitMix64(seed: 1, trial: 0, entity: 0).state)
        let maximal = SplitMix64(seed: .max, trial: (1 << 20) - 1, entity: (1 << 20) - 1)
        #expect(maximal.state == .max)
    }

    /// `mix` is a bijection; distinct inputs never collide (checked on a run of consecutive and spread inputs).
    @Test func mixIsInjectiveOnASample() {
        var seen = Set<UInt64>()
        for value in 0..<UInt64(20_000) {
            seen.insert(SplitMix64.mix(value))
            seen.insert(SplitMix64.mix(value &* SplitMix64.increment))
        }
        #expect(seen.count == 39_999, "mix(0) appears twice: 0 and 0 * increment are the same input")
        #expect(SplitMix64.mix(0) == 0)
    }
}

@Suite struct UnitIntervalTests {
    @Test func nextUnitCoversZeroButNotOne() {
        var zero = ConstantGenerator(word: 0)
        #expect(zero.nextUnit() == 0)
        var ones = ConstantGenerator(word: .max)
        #expect(ones.nextUnit() == 1 - 0x1p-53)
    }

    /// `nextOpenUnit` promises (0, 1): inversion samplers would return infinities at either end.
    @Test func nextOpenUnitExcludesBothEnds() {
        var zero = ConstantGenerator(word: 0)
        #expect(zero.nextOpenUnit() == 0x1p-54)
        var ones = ConstantGenerator(word: .max)
        let top = ones.nextOpenUnit()
        #expect(top < 1, "top 53 bits all set gave \(top)")
        #expect(top > 1 - 0x1p-52)
        var generator = ConstantGenerator(word: .max)
        #expect(Normal.standard.sample(using: &generator).isFinite)
        #expect(LogNormal(median: 1, p90: 2).sample(using: &generator).isFinite)
        generator.word = 0
        #expect(Normal.standard.sample(using: &generator).isFinite)
        #expect(LogNormal(median: 1, p90: 2).sample(using: &generator) > 0)
    }

    /// Over many draws, the open unit has the uniform's moments: mean 1/2 with standard error sqrt(1/12 / n).
    @Test(arguments: statisticalSeeds)
    func openUnitIsUniform(seed: UInt64) {
        var stream = RandomStream(key: StreamKey(seed: seed, trial: 1, entity: 2))
        let values = (0..<sampleSize).map { _ in stream.nextOpenUnit() }
        #expect(values.allSatisfy { $0 > 0 && $0 < 1 })
        let uniform = Analytic(
            mean: 0.5, variance: 1.0 / 12, fourthCentralMoment: 1.0 / 80, cdf: { $0 }, quantile: { $0 })
        expectMatches(Sample(values), uniform, "open unit, seed \(seed)")
    }
}
