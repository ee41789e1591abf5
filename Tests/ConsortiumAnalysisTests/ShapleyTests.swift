import ConsortiumAnalysis
import ConsortiumRandom
import Testing

/// A deterministic value in [0, 1) for a key: random games without a generator to thread through.
private func noise(_ key: UInt64, seed: UInt64) -> Double {
    Double(SplitMix64.mix(key ^ SplitMix64.mix(seed &+ 0x5EED)) >> 11) * 0x1p-53
}

/// A random game with `v(∅) = 0` and other values in [−50, 50).
private func randomGame(players: Int, seed: UInt64) -> CoalitionValues {
    CoalitionValues(players: players) { coalition in
        coalition == 0 ? 0 : 100 * noise(UInt64(coalition), seed: seed) - 50
    }
}

/// The 3-player cost game worked by hand below. Players: A = 0, B = 1, C = 2.
private func handCost(_ coalition: UInt32) -> Double {
    [0, 100, 120, 180, 80, 150, 170, 220][Int(coalition)]
}

@Suite struct ShapleyTests {
    /// Cost: c(A)=100, c(B)=120, c(C)=80, c(AB)=180, c(AC)=150, c(BC)=170, c(ABC)=220.
    /// Savings v(S) = Σ c({i}) − c(S): v(A)=v(B)=v(C)=0, v(AB)=40, v(AC)=30, v(BC)=30, v(ABC)=80.
    /// Weights for n=3: |S|=0 → 1/3, |S|=1 → 1/6, |S|=2 → 1/3.
    /// φ_A = (1/3)·0 + (1/6)·v(AB) + (1/6)·v(AC) + (1/3)·(v(ABC) − v(BC)) = 40/6 + 30/6 + 50/3 = 85/3
    /// φ_B = (1/3)·0 + (1/6)·v(AB) + (1/6)·v(BC) + (1/3)·(v(ABC) − v(AC)) = 40/6 + 30/6 + 50/3 = 85/3
    /// φ_C = (1/3)·0 + (1/6)·v(AC) + (1/6)·v(BC) + (1/3)·(v(ABC) − v(AB)) = 30/6 + 30/6 + 40/3 = 70/3
    /// Sum 240/3 = 80 = v(ABC). Cost shares c({i}) − φ_i: 215/3, 275/3, 170/3, summing to 660/3 = 220 = c(ABC).
    /// Tolerance 1e-12: a dozen operations on values near 100 round to about 1e-14.
    @Test func handComputedThreePlayerSavingsGame() {
        let savings = Shapley.savings(cost: handCost, players: 3)
        #expect([0, 0, 0, 40, 0, 30, 30, 80].enumerated().allSatisfy { savings[UInt32($0.offset)] == $0.element })
        let phi = Shapley.exact(savings)
        let expected = [85.0 / 3, 85.0 / 3, 70.0 / 3]
        for i in 0..<3 { #expect(abs(phi[i] - expected[i]) < 1e-12, "player \(i): \(phi[i])") }

        // By additivity, the Shapley value of the cost game itself is the stand-alone cost minus the savings share.
        let costShares = Shapley.exact(CoalitionValues(players: 3, value: handCost))
        let expectedShares = [215.0 / 3, 275.0 / 3, 170.0 / 3]
        for i in 0..<3 { #expect(abs(costShares[i] - expectedShares[i]) < 1e-12, "player \(i): \(costShares[i])") }
        #expect(abs(costShares.reduce(0, +) - 220) < 1e-12)
    }

    /// Efficiency: Σ φ_i = v(N) when v(∅) = 0. Tolerance 1e-9: at most 8·2^8 sums of values below 100.
    @Test(arguments: 1...8)
    func efficiencyOnRandomGames(players: Int) {
        for seed: UInt64 in 0..<20 {
            let game = randomGame(players: players, seed: seed)
            let grand = UInt32(1) << UInt32(players) - 1
            let total = Shapley.exact(game).reduce(0, +)
            #expect(abs(total - game[grand]) < 1e-9, "seed \(seed): \(total) vs \(game[grand])")
        }
    }

    /// Symmetry: players 0 and 1 are interchangeable (the value depends on how many of them are in S, not which).
    /// Tolerance 1e-12: the two sums visit the same terms in a different order.
    @Test func symmetricPlayersGetEqualValues() {
        for seed: UInt64 in 0..<20 {
            let game = CoalitionValues(players: 6) { coalition in
                let key = UInt64(coalition >> 2) << 2 | UInt64((coalition & 3).nonzeroBitCount)
                return coalition == 0 ? 0 : noise(key, seed: seed)
            }
            let phi = Shapley.exact(game)
            #expect(abs(phi[0] - phi[1]) < 1e-12, "seed \(seed): \(phi[0]) vs \(phi[1])")
        }
    }

    /// Dummy: player 3 never changes the value, so every marginal contribution is exactly 0, and so is its value.
    @Test func dummyPlayerGetsZero() {
        let dummy: UInt32 = 1 << 3
        let value = { (coalition: UInt32) in noise(UInt64(coalition & ~dummy), seed: 7) }
        #expect(Shapley.exact(CoalitionValues(players: 6, value: value))[3] == 0)
        let estimate = Shapley.sampled(players: 6, permutations: 50, seed: 1, value: value)
        #expect(estimate.values[3] == 0)
        #expect(estimate.standardErrors[3] == 0)
    }

    /// Additivity: φ(v + w) = φ(v) + φ(w). Tolerance 1e-9, as for efficiency.
    @Test func additivity() {
        let v = randomGame(players: 7, seed: 1)
        let w = randomGame(players: 7, seed: 2)
        let sum = CoalitionValues(players: 7) { v[$0] + w[$0] }
        for (i, (total, (a, b))) in zip(Shapley.exact(sum), zip(Shapley.exact(v), Shapley.exact(w))).enumerated() {
            #expect(abs(total - (a + b)) < 1e-9, "player \(i)")
        }
    }

    /// The glove game: player 0 holds a left glove, players 1 and 2 a right glove each; a pair is worth 1, so
    /// v(S) = min(lefts in S, rights in S). Of the 6 orders, player 0 completes the pair in the 4 where it does
    /// not come first: φ_0 = 4/6 = 2/3, and the right-glove holders split the rest, 1/6 each.
    @Test func gloveGame() {
        let game = CoalitionValues(players: 3) { coalition in
            Double(min((coalition & 1).nonzeroBitCount, (coalition & 6).nonzeroBitCount))
        }
        let phi = Shapley.exact(game)
        let expected = [2.0 / 3, 1.0 / 6, 1.0 / 6]
        for i in 0..<3 { #expect(abs(phi[i] - expected[i]) < 1e-15, "player \(i): \(phi[i])") }
    }

    /// The airport game: a runway serving S costs max_{i ∈ S} c_i. With c_1 ≤ ... ≤ c_n, the Shapley value is
    /// Littlechild and Owen's sequential split (Management Science 1973): each runway segment
    /// (c_{k−1}, c_k] is shared equally by the n − k + 1 planes that need it,
    /// φ_i = Σ_{k ≤ i} (c_k − c_{k−1}) / (n − k + 1).
    /// For c = 10, 25, 25, 60, 100: segments 10/5 = 2, 15/4 = 3.75, 0/3 = 0, 35/2 = 17.5, 40/1 = 40, so
    /// φ = 2, 5.75, 5.75, 23.25, 63.25 (sum 100 = c_5).
    @Test func airportGameIsTheSequentialSplit() {
        let costs = [10.0, 25, 25, 60, 100]
        let phi = Shapley.exact(airport(costs))
        let expected = [2, 5.75, 5.75, 23.25, 63.25]
        for i in 0..<5 { #expect(abs(phi[i] - expected[i]) < 1e-12, "player \(i): \(phi[i])") }

        // Random airports of up to 10 planes against the closed form. Tolerance 1e-9 on costs below 1000.
        for seed: UInt64 in 0..<10 {
            let n = 2 + Int(seed % 9)
            let costs = (0..<n).map { (1000 * noise(UInt64($0), seed: seed)).rounded() }.sorted()
            let phi = Shapley.exact(airport(costs))
            var share = 0.0
            for k in 0..<n {
                share += (costs[k] - (k == 0 ? 0 : costs[k - 1])) / Double(n - k)
                #expect(abs(phi[k] - share) < 1e-9, "seed \(seed), plane \(k): \(phi[k]) vs \(share)")
            }
        }
    }

    private func airport(_ costs: [Double]) -> CoalitionValues {
        CoalitionValues(players: costs.count) { coalition in
            (0..<costs.count).filter { coalition & (1 << UInt32($0)) != 0 }.map { costs[$0] }.max() ?? 0
        }
    }

    /// The exact value works at the 20-player limit. v(S) = |S|² is symmetric, so by symmetry and efficiency
    /// every player gets v(N) / n = 400 / 20 = 20. Tolerance 1e-9: 20 · 2^20 additions of values below 800.
    @Test func exactAtTwentyPlayers() {
        let phi = Shapley.exact(CoalitionValues(players: 20) { Double($0.nonzeroBitCount * $0.nonzeroBitCount) })
        #expect(phi.allSatisfy { abs($0 - 20) < 1e-9 })
    }

    /// A 10-player savings game with economies of scale (square-root cost) and random pairwise frictions.
    private static let tenPlayers: CoalitionValues = {
        let weights = (0..<10).map { 1 + 9 * noise(UInt64($0), seed: 99) }
        return Shapley.savings(
            cost: { coalition in
                let members = (0..<10).filter { coalition & (1 << UInt32($0)) != 0 }
                var cost = 10 * members.reduce(0) { $0 + weights[$1] }.squareRoot()
                for i in members {
                    for j in members where j > i { cost += noise(UInt64(i * 10 + j), seed: 5) - 0.5 }
                }
                return cost
            }, players: 10)
    }()

    /// The estimate is within 4 standard errors of the exact value for every player. For a given seed this is
    /// deterministic; a correct estimator fails it for one of 10 players with probability about 6e-4.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func sampledAgreesWithExactOnTenPlayers(seed: UInt64) {
        let game = Self.tenPlayers
        let exact = Shapley.exact(game)
        let estimate = Shapley.sampled(players: 10, permutations: 2000, seed: seed) { game[$0] }
        #expect(estimate.permutations == 2000)
        for i in 0..<10 {
            let error = abs(estimate.values[i] - exact[i])
            #expect(estimate.standardErrors[i] > 0)
            #expect(error <= 4 * estimate.standardErrors[i], "seed \(seed), player \(i): off by \(error)")
        }
    }

    /// The standard errors are calibrated: over 400 seeds of 20 antithetic pairs, the spread of the estimates
    /// around the exact value matches the root mean square of the reported standard errors, player by player.
    /// (Standard errors computed as if the two halves of a pair were independent would be off by the pair
    /// correlation.) The band 0.8...1.25 is about 4 sampling standard deviations of the ratio, whose relative
    /// error is near 1 / √(2 · 400) ≈ 3.5 % plus the noise of the squared standard errors.
    /// The z-scores themselves are heavy-tailed at 20 pairs (a small sample sd now and then divides a typical
    /// error), so their root mean square is not the right check here.
    @Test func standardErrorsAreCalibrated() {
        let game = Self.tenPlayers
        let exact = Shapley.exact(game)
        var errors = [Statistics.RunningMoments](repeating: .init(), count: 10)
        var squaredErrors = [Statistics.RunningMoments](repeating: .init(), count: 10)
        for seed: UInt64 in 0..<400 {
            let estimate = Shapley.sampled(players: 10, permutations: 40, seed: seed) { game[$0] }
            for i in 0..<10 {
                errors[i].add(estimate.values[i] - exact[i])
                squaredErrors[i].add(estimate.standardErrors[i] * estimate.standardErrors[i])
            }
        }
        for i in 0..<10 {
            let ratio = errors[i].variance.squareRoot() / squaredErrors[i].mean.squareRoot()
            #expect(ratio > 0.8 && ratio < 1.25, "player \(i): actual spread / reported SE = \(ratio)")
        }
    }

    @Test func sampledIsDeterministicForASeed() {
        let game = Self.tenPlayers
        let first = Shapley.sampled(players: 10, permutations: 100, seed: 42) { game[$0] }
        let again = Shapley.sampled(players: 10, permutations: 100, seed: 42) { game[$0] }
        let other = Shapley.sampled(players: 10, permutations: 100, seed: 43) { game[$0] }
        #expect(first.values == again.values)
        #expect(first.standardErrors == again.standardErrors)
        #expect(first.values != other.values)
    }

    /// Each order's marginal contributions telescope to v(N) − v(∅). With integer values every difference and
    /// sum is exact in Double, and dividing by a power-of-two permutation count is exact, so the estimates sum
    /// to v(N) with no rounding at all. An odd request of 1 is drawn as one antithetic pair.
    @Test(arguments: [1, 2, 8, 64, 256])
    func sampledValuesSumExactlyToGrandValue(permutations: Int) {
        for seed: UInt64 in 0..<10 {
            let value = { (coalition: UInt32) in
                coalition == 0 ? 0 : (1000 * noise(UInt64(coalition), seed: seed)).rounded()
            }
            let estimate = Shapley.sampled(players: 9, permutations: permutations, seed: seed, value: value)
            #expect(estimate.values.reduce(0, +) == value(511), "seed \(seed)")
        }
    }

    /// With non-integer values the telescoping holds up to rounding; v(∅) ≠ 0 is subtracted.
    /// Tolerance 1e-9: a few hundred operations on values below 100.
    @Test func sampledValuesSumToGrandValueMinusEmpty() {
        let value = { (coalition: UInt32) in 100 * noise(UInt64(coalition), seed: 3) }
        let estimate = Shapley.sampled(players: 9, permutations: 7, seed: 9, value: value)
        #expect(estimate.permutations == 8)
        #expect(abs(estimate.values.reduce(0, +) - (value(511) - value(0))) < 1e-9)
    }

    @Test func sampledEvaluatesEachCoalitionOnce() {
        var calls: [UInt32: Int] = [:]
        let estimate = Shapley.sampled(players: 4, permutations: 200, seed: 11) { coalition in
            calls[coalition, default: 0] += 1
            return Double(coalition.nonzeroBitCount)
        }
        #expect(estimate.values.allSatisfy { $0 == 1 })
        #expect(calls.count == 16)  // 100 pairs of 24 orders: every coalition is reached
        #expect(calls.values.allSatisfy { $0 == 1 })
    }

    /// An additive game with integer weights over 30 players: every marginal contribution of player i is exactly
    /// w_i, so the estimate is exact with zero standard error.
    @Test func sampledAdditiveGameOfThirtyPlayers() {
        let weights = (0..<30).map { Double($0 * 3 + 1) }
        let estimate = Shapley.sampled(players: 30, permutations: 10, seed: 5) { coalition in
            (0..<30).reduce(0.0) { coalition & (1 << UInt32($1)) != 0 ? $0 + weights[$1] : $0 }
        }
        #expect(estimate.values == weights)
        #expect(estimate.standardErrors.allSatisfy { $0 == 0 })
    }

    @Test func singlePairHasNoStandardError() {
        let estimate = Shapley.sampled(players: 3, permutations: 1, seed: 0) { Double($0) }
        #expect(estimate.permutations == 2)
        #expect(estimate.standardErrors.allSatisfy { $0.isNaN })
    }
}
