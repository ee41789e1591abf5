public import ConsortiumEngine
public import ConsortiumSimulation

/// The value of cooperating: what each coalition of the paying agencies would spend to reach the same
/// objectives on its own, and each agency's fair share of the savings of the whole coalition (its
/// Shapley value).
///
/// The game: c(S) is the mean total cost of the campaign as coalition S runs it alone
/// (`SimulationPlan.coalition`), estimated from the same trials with the same random streams for every S
/// (common random numbers, so differences between coalitions are not noise). The savings game is
/// v(S) = sum of c({i}) over i in S - c(S); agency i's Shapley value phi_i is its share of v(N), and its
/// fair cost is c({i}) - phi_i. Fair costs sum to c(N) (efficiency).
public struct CooperationAnalysis: Sendable {
    /// Plan indices of the players (the agencies that pay for elements).
    public var players: [Int]
    /// Mean cost (MUSD) of each agency going alone, c({i}).
    public var aloneCost: [Double]
    /// Median day on which every objective is achieved when each agency goes alone (nil: under half the
    /// trials achieve them all).
    public var aloneCompletion: [Double?]
    /// Probability that every objective is achieved when each agency goes alone.
    public var aloneSuccess: [Double]
    /// Mean cost of the whole coalition, c(N).
    public var grandCost: Double
    /// Each player's share of the savings v(N).
    public var shapley: [Double]
    /// Standard errors of the Shapley values from permutation sampling (zero when exact); they do not
    /// include the Monte Carlo error of each c(S).
    public var standardErrors: [Double]
    public var exact: Bool
    /// Trials per coalition.
    public var trials: Int

    /// The savings of the grand coalition, v(N).
    public var savings: Double { aloneCost.reduce(0, +) - grandCost }

    /// Each player's fair cost, c({i}) - phi_i; they sum to c(N).
    public var fairCost: [Double] { zip(aloneCost, shapley).map { $0 - $1 } }
}

public enum Cooperation {
    /// Exact Shapley values up to this many players (2^12 = 4,096 coalitions); permutation sampling beyond.
    public static let exactLimit = 12

    /// The price factor of an element bought for cash from a non-member (estimate: ESA's and NASA's
    /// commercial procurements carry fee and margin of about 10-15 % plus export-licensing and
    /// interface-control overheads; 1.25 overall is our assumption, not a published figure).
    public static let outsidePremium = 1.25

    /// Evaluates the cooperation game of `plan` with `trials` trials per coalition; `nil` when fewer than
    /// two or more than 30 agencies pay for elements (there is no cooperation to value, or too many players).
    public static func analyze(
        _ plan: SimulationPlan, trials: Int, seed: UInt64, threads: Int, permutations: Int = 200, stop: StopFlag? = nil
    ) throws(SimulationError) -> CooperationAnalysis? {
        let players = plan.payingAgencies
        guard (2...30).contains(players.count) else { return nil }
        @Sendable func run(_ mask: UInt32, threads: Int) throws(SimulationError) -> MonteCarloResult {
            let members = players.indices.filter { mask & (1 << UInt32($0)) != 0 }.map { players[$0] }
            let options = MonteCarloOptions(
                trials: trials, seed: seed, threads: threads, sampleSize: 0, stop: stop)
            return try MonteCarlo.run(plan.coalition(members, outsidePremium: outsidePremium), options)
        }
        var cache: [UInt32: MonteCarloResult] = [:]
        func evaluate(_ mask: UInt32) throws(SimulationError) -> MonteCarloResult {
            if let known = cache[mask] { return known }
            let result = try run(mask, threads: threads)
            cache[mask] = result
            return result
        }
        let n = players.count
        let exact = n <= exactLimit
        if exact {
            // Every coalition is needed: run them side by side, one thread each (a coalition's few trials
            // make too few blocks to share), rather than one after another. Each result is the same on any
            // number of threads, so the game is too.
            try OrderedBlocks.run(count: (1 << n) - 1, blockSize: 1, threads: threads) {
                (index: Range<Int>, _: MonteCarloResult?) -> Result<MonteCarloResult, SimulationError> in
                Result { () throws(SimulationError) in try run(UInt32(index.lowerBound + 1), threads: 1) }
            } merge: { (index: Range<Int>, result: inout MonteCarloResult) -> Bool in
                cache[UInt32(index.lowerBound + 1)] = result
                return false
            }
        }
        func cost(_ mask: UInt32) throws(SimulationError) -> Double {
            mask == 0 ? 0 : try evaluate(mask).totalCost.mean ?? 0
        }
        var shapley: [Double]
        var errors: [Double]
        do {
            if exact {
                let values = try Shapley.savings(cost: cost, players: n)
                shapley = Shapley.exact(values)
                errors = Array(repeating: 0, count: n)
            } else {
                var alone: [Double] = []
                for i in 0..<n { alone.append(try cost(1 << UInt32(i))) }
                let estimate = try Shapley.sampled(players: n, permutations: permutations, seed: seed) { mask in
                    var sum = 0.0
                    for i in 0..<n where mask & (1 << UInt32(i)) != 0 { sum += alone[i] }
                    return sum - (try cost(mask))
                }
                shapley = estimate.values
                errors = estimate.standardErrors
            }
        } catch let error as SimulationError {
            throw error
        } catch {
            preconditionFailure("only simulation errors are thrown here: \(error)")
        }
        var aloneCost: [Double] = []
        var aloneCompletion: [Double?] = []
        var aloneSuccess: [Double] = []
        for i in 0..<n {
            let result = try evaluate(1 << UInt32(i))
            aloneCost.append(result.totalCost.mean ?? 0)
            aloneCompletion.append(result.completion.p50)
            aloneSuccess.append(
                Double(result.totals.completion.count - result.totals.completion.missing) / Double(trials))
        }
        let grand = try cost((1 << UInt32(n)) - 1)
        return CooperationAnalysis(
            players: players, aloneCost: aloneCost, aloneCompletion: aloneCompletion, aloneSuccess: aloneSuccess,
            grandCost: grand, shapley: shapley, standardErrors: errors, exact: exact, trials: trials)
    }
}
