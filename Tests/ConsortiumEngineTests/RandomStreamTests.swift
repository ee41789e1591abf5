import Testing

@testable import ConsortiumRandom

@Suite struct RandomStreamTests {
    /// xoshiro256** from the state (1, 2, 3, 4): the reference outputs of Blackman and Vigna's xoshiro256starstar.c
    /// (also the test vector of Rust's rand_xoshiro).
    @Test func isXoshiro256StarStar() {
        var stream = RandomStream(seed: 0)
        (stream.s0, stream.s1, stream.s2, stream.s3) = (1, 2, 3, 4)
        let outputs = (0..<10).map { _ in stream.next() }
        #expect(
            outputs == [
                11_520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
                607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
                10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
            ])
    }

    /// Golden values, computed by an independent Python transcription of the documented derivation (SplitMix64
    /// seeding, the four-field key mixer). A change here changes every simulation result for a given seed.
    @Test func seedingIsPinned() {
        var zero = RandomStream(seed: 0)
        #expect(
            (0..<4).map { _ in zero.next() } == [
                0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C,
            ])
        let key = StreamKey(seed: 1, trial: 2, entity: 3, purpose: 4)
        #expect(key.streamSeed == 0xA194_9952_ADBE_19DA)
        var keyed = RandomStream(key: key)
        #expect(
            (0..<3).map { _ in keyed.next() } == [0xDB1B_64DC_3A36_340A, 0xA05E_828A_11FB_8230, 0x63A1_8F2C_3E56_E77D])
    }

    @Test func theSameKeyGivesTheSameSequence() {
        let key = StreamKey(seed: 2_024, trial: 17, entity: 5, purpose: 2)
        var first = RandomStream(key: key)
        var second = RandomStream(key: StreamKey(seed: 2_024, trial: 17, entity: 5, purpose: 2))
        for _ in 0..<1_000 { #expect(first.next() == second.next()) }
        #expect(first == second)
        #expect(StreamKey(seed: 1, trial: 2, entity: 3) == StreamKey(seed: 1, trial: 2, entity: 3, purpose: 0))
    }

    /// 4 seeds x 16 trials x 16 entities x 4 purposes: all 4,096 streams start differently, and so do their seeds.
    @Test func differentKeysGiveDifferentSequences() {
        var firstWords = Set<UInt64>()
        var seeds = Set<UInt64>()
        for seed: UInt64 in 0..<4 {
            for trial: UInt64 in 0..<16 {
                for entity: UInt64 in 0..<16 {
                    for purpose: UInt64 in 0..<4 {
                        let key = StreamKey(seed: seed, trial: trial, entity: entity, purpose: purpose)
                        seeds.insert(key.streamSeed)
                        var stream = RandomStream(key: key)
                        firstWords.insert(stream.next())
                    }
                }
            }
        }
        #expect(seeds.count == 4_096 && firstWords.count == 4_096)
        // Swapping field values must not give the same stream (the fields are mixed in order, not summed).
        #expect(
            StreamKey(seed: 1, trial: 2, entity: 3).streamSeed != StreamKey(seed: 1, trial: 3, entity: 2).streamSeed)
    }

    /// Neighbouring keys are uncorrelated: the first uniforms of streams for trials t and t + 1 (and entities e and
    /// e + 1) have a sample correlation within 5 standard errors (1 / sqrt(n) for independent variables) of zero.
    @Test(arguments: [0, 1, 2])
    func neighbouringStreamsAreUncorrelated(field: Int) {
        let n = sampleSize
        func first(_ index: Int) -> Double {
            let i = UInt64(index)
            let key =
                switch field {
                case 0: StreamKey(seed: 9, trial: i, entity: 0)
                case 1: StreamKey(seed: 9, trial: 0, entity: i)
                default: StreamKey(seed: 9, trial: 0, entity: 0, purpose: i)
                }
            var stream = RandomStream(key: key)
            return stream.nextUnit()
        }
        let values = (0...n).map(first)
        let x = values.dropLast()
        let y = values.dropFirst()
        let meanX = x.reduce(0, +) / Double(n)
        let meanY = y.reduce(0, +) / Double(n)
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        let correlation = sxy / (sxx * syy).squareRoot()
        #expect(abs(correlation) <= tolerance / Double(n).squareRoot(), "field \(field): r = \(correlation)")
    }

    /// A toy Monte Carlo trial: each of six entities draws a duration and then launch attempts until one succeeds,
    /// each from its own stream, so trials consume different amounts of randomness.
    private static func trial(_ index: UInt64, seed: UInt64) -> [Double] {
        (0..<UInt64(6)).map { entity in
            var durations = RandomStream(key: StreamKey(seed: seed, trial: index, entity: entity, purpose: 0))
            var launches = RandomStream(key: StreamKey(seed: seed, trial: index, entity: entity, purpose: 1))
            var total = Triangular(low: 100, mode: 130, high: 200).sample(using: &durations)
            while Bernoulli(probability: 0.3).sample(using: &launches) { total += 30 }
            return total
        }
    }

    @Test(arguments: [1, 77] as [UInt64])
    func aTrialReplayedAloneMatchesTheSameTrialInARun(seed: UInt64) {
        let run = (0..<UInt64(50)).map { Self.trial($0, seed: seed) }
        for index in [0, 13, 49] as [UInt64] {
            #expect(Self.trial(index, seed: seed) == run[Int(index)], "seed \(seed), trial \(index)")
        }
        let backwards = (0..<UInt64(50)).reversed().map { Self.trial($0, seed: seed) }
        #expect(Array(backwards.reversed()) == run, "results do not depend on the order trials run in")
        #expect(Set(run.map { $0[0] }).count == 50, "trials differ from one another")
    }

}
