import ConsortiumRandom

/// A cooperative game in characteristic-function form: a value for every coalition of `players` players.
///
/// A coalition is a bitmask: player `i` (0-based) is in coalition `S` when bit `i` of `S` is set, so `0` is
/// the empty coalition and `(1 << players) − 1` the grand coalition. The table holds all `2^players` values,
/// which is what the exact Shapley value needs; games too large to tabulate are estimated by
/// `Shapley.sampled`, which takes the value function itself and handles up to 30 players.
public struct CoalitionValues: Sendable {
    /// The number of players, in 1...20.
    public let players: Int
    /// The value of each coalition, indexed by its bitmask.
    private let values: ContiguousArray<Double>

    /// Evaluates `value` on every coalition, in increasing bitmask order from the empty coalition.
    ///
    /// - Parameters:
    ///   - players: The number of players, in 1...20 (a table of 2^20 doubles is 8 MiB).
    ///   - value: The value of a coalition, given as a bitmask; called exactly once per coalition.
    /// - Complexity: O(2^players) calls of `value`.
    public init(players: Int, value: (UInt32) throws -> Double) rethrows {
        precondition((1...20).contains(players), "a tabulated game needs 1...20 players, got \(players)")
        var values = ContiguousArray<Double>()
        values.reserveCapacity(1 << players)
        for coalition in 0..<(UInt32(1) << UInt32(players)) {
            values.append(try value(coalition))
        }
        self.players = players
        self.values = values
    }

    /// The value of `coalition`, a bitmask below `1 << players`.
    ///
    /// - Complexity: O(1).
    public subscript(coalition: UInt32) -> Double {
        precondition(
            Int(coalition) < values.count, "coalition \(coalition) has a player beyond the game's \(players)")
        return values[Int(coalition)]
    }
}

/// The Shapley value of a cooperative game: each player's average marginal contribution over all the orders in
/// which the grand coalition can form (Shapley, "A value for n-person games", 1953).
///
/// For a game `v` on players `N` with `n = |N|`,
/// `φᵢ(v) = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S))`.
/// It is the only allocation with these four properties, which the tests check:
/// - **Efficiency**: the values sum to `v(N) − v(∅)`, so to `v(N)` for the usual `v(∅) = 0`.
/// - **Symmetry**: two players who add the same to every coalition that contains neither get equal values.
/// - **Dummy**: a player who adds nothing to any coalition gets 0.
/// - **Additivity**: the value of the sum of two games is the sum of their values.
///
/// Cost sharing uses the savings game (`savings(cost:players:)`): the Shapley value of the savings is each
/// partner's share of what cooperation saves, and its stand-alone cost minus that share is its share of the
/// joint cost.
public enum Shapley {
    /// The exact Shapley value of a tabulated game.
    ///
    /// Each coalition `S` and player `i ∉ S` contributes `v(S ∪ {i}) − v(S)` to a sum per player and coalition
    /// size; each sum is then multiplied once by its weight `|S|! (n − |S| − 1)! / n! = 1 / (n · C(n − 1, |S|))`.
    /// The binomial coefficients are integers below 2^53 for every `n ≤ 30`, so the weights are correctly
    /// rounded, and no factorial is ever formed. The product uses this for up to 12 players; it works, more
    /// slowly, up to the 20 a `CoalitionValues` can hold.
    ///
    /// - Returns: One value per player, indexed like the bits of a coalition.
    /// - Complexity: O(n · 2^n) time, O(n²) extra memory.
    public static func exact(_ v: CoalitionValues) -> [Double] {
        let n = v.players
        // sums[i * n + s]: the marginal contributions of player i to the coalitions of size s without it.
        var sums = [Double](repeating: 0, count: n * n)
        for coalition in 0..<(UInt32(1) << UInt32(n)) {
            let size = coalition.nonzeroBitCount
            guard size < n else { continue }
            let base = v[coalition]
            for player in 0..<n where coalition & (1 << UInt32(player)) == 0 {
                sums[player * n + size] += v[coalition | (1 << UInt32(player))] - base
            }
        }
        let weights = shapleyWeights(players: n)
        return (0..<n).map { player in
            (0..<n).reduce(0.0) { total, size in total + weights[size] * sums[player * n + size] }
        }
    }

    /// A Monte Carlo estimate of the Shapley value, with one standard error per player.
    public struct Estimate: Sendable {
        /// The estimated value of each player.
        public var values: [Double]
        /// The standard error of each estimate; `.nan` when only one antithetic pair was drawn.
        public var standardErrors: [Double]
        /// The number of permutations drawn: the requested number rounded up to an even one.
        public var permutations: Int
    }

    /// Estimates the Shapley value by sampling orders of the players (Castro, Gómez & Tejada, "Polynomial
    /// calculation of the Shapley value based on sampling", Computers & Operations Research 2009).
    ///
    /// Each sampled order adds its players one by one to the empty coalition, and each player's estimate is its
    /// mean marginal contribution `v(S ∪ {i}) − v(S)` over the orders drawn. Orders are drawn in antithetic
    /// pairs, a uniformly random permutation and its reverse, so a player that joins early in one joins late in
    /// the other; the standard error is the sample standard deviation of the per-pair mean contributions divided
    /// by √(pairs), the pairs being independent where the two halves of a pair are not. The requested
    /// `permutations` is therefore rounded up to an even number.
    ///
    /// Every order's marginal contributions telescope to `v(N) − v(∅)`, so the estimates sum to `v(N) − v(∅)`
    /// whatever the sample: exactly in real arithmetic, and in `Double` up to rounding, or exactly when all
    /// values are integers (below 2^53) and the permutation count is a power of two.
    ///
    /// The orders come from a `RandomStream` keyed by `seed` alone (trial 0, entity 0, purpose `"SHAP"`), with
    /// Fisher–Yates shuffles and Lemire's unbiased bounded integers, so a seed gives the same estimate on every
    /// platform and toolchain. Coalition values are memoized: `value` is called at most once per coalition.
    ///
    /// - Parameters:
    ///   - players: The number of players, in 1...30.
    ///   - permutations: The number of orders to draw, at least 1.
    ///   - seed: The seed of the random orders.
    ///   - value: The value of a coalition, given as a bitmask.
    /// - Complexity: O(permutations · players) expected time plus at most `min(2^players, permutations ·
    ///   players + 1)` calls of `value`, each stored in a dictionary.
    public static func sampled(
        players: Int, permutations: Int, seed: UInt64, value: (UInt32) throws -> Double
    ) rethrows -> Estimate {
        precondition((1...30).contains(players), "sampled Shapley needs 1...30 players, got \(players)")
        precondition(permutations >= 1, "sampled Shapley needs at least one permutation, got \(permutations)")
        let pairs = (permutations + 1) / 2
        let empty = try value(0)
        var memo: [UInt32: Double] = [0: empty]
        var random = RandomStream(key: StreamKey(seed: seed, trial: 0, entity: 0, purpose: 0x5348_4150))
        var order = Array(0..<players)
        var totals = [Double](repeating: 0, count: players)
        var pairMoments = [Statistics.RunningMoments](repeating: .init(), count: players)
        var contributions = [[Double]](repeating: [Double](repeating: 0, count: players), count: 2)

        for _ in 0..<pairs {
            shuffle(&order, using: &random)
            for half in 0..<2 {
                // The first half of the pair joins in `order`, the second in the reverse order.
                var coalition: UInt32 = 0
                var previous = empty
                for position in 0..<players {
                    let player = half == 0 ? order[position] : order[players - 1 - position]
                    coalition |= 1 << UInt32(player)
                    let current: Double
                    if let known = memo[coalition] {
                        current = known
                    } else {
                        current = try value(coalition)
                        memo[coalition] = current
                    }
                    contributions[half][player] = current - previous
                    previous = current
                }
            }
            for player in 0..<players {
                let pairSum = contributions[0][player] + contributions[1][player]
                totals[player] += pairSum
                pairMoments[player].add(pairSum / 2)
            }
        }
        let drawn = 2 * pairs
        return Estimate(
            values: totals.map { $0 / Double(drawn) },
            standardErrors: pairMoments.map(\.standardError),
            permutations: drawn)
    }

    /// The savings game of a cost function: `v(S) = Σ_{i ∈ S} c({i}) − c(S)`, with `v(∅) = 0`.
    ///
    /// `v(S)` is what the members of `S` save by acting together instead of alone, so single players save 0
    /// and `c` is not evaluated on the empty coalition. Shapley values are additive, so the Shapley cost share
    /// of player `i` is `c({i}) − φᵢ(v)`, and the shares add up to `c(N)`.
    ///
    /// - Parameters:
    ///   - cost: The cost of a non-empty coalition, given as a bitmask; called exactly once per coalition.
    ///   - players: The number of players, in 1...20.
    /// - Complexity: O(players · 2^players) time, 2^players − 1 calls of `cost`.
    public static func savings(cost: (UInt32) throws -> Double, players: Int) rethrows -> CoalitionValues {
        precondition((1...20).contains(players), "a tabulated game needs 1...20 players, got \(players)")
        let standAlone = try (0..<players).map { try cost(1 << UInt32($0)) }
        return try CoalitionValues(players: players) { coalition in
            guard coalition.nonzeroBitCount > 1 else { return 0 }
            var separate = 0.0
            for player in 0..<players where coalition & (1 << UInt32(player)) != 0 {
                separate += standAlone[player]
            }
            return separate - (try cost(coalition))
        }
    }

    /// The weights `s! (n − s − 1)! / n! = 1 / (n · C(n − 1, s))` for `s` in `0..<n`.
    ///
    /// `C(n − 1, s + 1) = C(n − 1, s) · (n − 1 − s) / (s + 1)` stays an exact integer in `Double`: every
    /// intermediate product is below 2^53 for `n ≤ 30`.
    static func shapleyWeights(players n: Int) -> [Double] {
        var weights: [Double] = []
        weights.reserveCapacity(n)
        var binomial = 1.0
        for size in 0..<n {
            weights.append(1 / (Double(n) * binomial))
            binomial = binomial * Double(n - 1 - size) / Double(size + 1)
        }
        return weights
    }

    /// Shuffles `order` uniformly (Fisher–Yates, Durstenfeld's in-place form).
    private static func shuffle(_ order: inout [Int], using random: inout RandomStream) {
        var index = order.count - 1
        while index > 0 {
            order.swapAt(index, Int(bounded(UInt64(index + 1), using: &random)))
            index -= 1
        }
    }

    /// A uniform integer in `0..<bound`, by Lemire's multiply-and-reject method ("Fast random integer generation
    /// in an interval", ACM TOMACS 2019), spelled out so the stream of draws does not depend on the toolchain.
    private static func bounded(_ bound: UInt64, using random: inout RandomStream) -> UInt64 {
        var product = random.next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = random.next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }
}
