/// The statistics the peer model prints, computed exactly as it computes them.
public struct CampaignSummary: Hashable, Sendable {
    /// The number of trials.
    public var trials: Int
    /// Trials cut off at the horizon.
    public var censored: Int
    /// Mean completion day (plain left-to-right sum / n).
    public var meanCompletion: Double
    /// Completion percentiles by nearest rank.
    public var p50: Double, p70: Double, p90: Double
    /// Mean trial cost.
    public var meanCost: Double
    /// Total events handled.
    public var events: Int

    /// Summarizes `results` (in trial order).
    ///
    /// - Precondition: `results` is not empty.
    public init(_ results: [TrialResult]) {
        precondition(!results.isEmpty, "no trials to summarize")
        let n = results.count
        trials = n
        censored = results.count { !$0.completed }
        var completionSum = 0.0
        for result in results { completionSum += result.completion }
        var costSum = 0.0
        for result in results { costSum += result.cost }
        meanCompletion = completionSum / Double(n)
        meanCost = costSum / Double(n)
        let sorted = results.map(\.completion).sorted()
        p50 = Self.percentile(sorted, 50)
        p70 = Self.percentile(sorted, 70)
        p90 = Self.percentile(sorted, 90)
        events = results.reduce(0) { $0 + $1.events }
    }

    /// Nearest rank: the value at index ceil(p n / 100) - 1, in integer arithmetic.
    public static func percentile(_ sorted: [Double], _ p: Int) -> Double {
        sorted[(p * sorted.count + 99) / 100 - 1]
    }

    /// The result lines that must match the peer model character for character.
    public var comparableLines: [String] {
        [
            "trials: \(trials)  censored (hit horizon): \(censored)",
            "completion day: mean \(PythonFormat.fixed(meanCompletion, 6))  P50 \(PythonFormat.fixed(p50, 6))  "
                + "P70 \(PythonFormat.fixed(p70, 6))  P90 \(PythonFormat.fixed(p90, 6))",
            "mean cost: \(PythonFormat.fixed(meanCost, 6))",
            "events processed: \(events)  (\(PythonFormat.fixed(Double(events) / Double(trials), 1)) per trial)",
        ]
    }

    /// The peer model's parameter line.
    public static func parameterLine(_ configuration: CampaignConfiguration) -> String {
        "agencies=\(configuration.agencies) elements=\(configuration.elements) trials=\(configuration.trials) "
            + "seed=\(configuration.seed) window_period=\(PythonFormat.general(configuration.windowPeriod)) "
            + "horizon=\(PythonFormat.general(configuration.horizon))"
    }

    /// The `--dump` line of one trial, with doubles in Python `repr` form.
    public static func dumpLine(trial: Int, _ result: TrialResult) -> String {
        "trial \(trial) completion \(PythonFormat.repr(result.completion)) cost \(PythonFormat.repr(result.cost)) "
            + "events \(result.events)"
    }

    /// The timing lines, formatted as the peer model formats them.
    public func timingLines(wallSeconds: Double) -> [String] {
        [
            "wall time (sim loop only): \(PythonFormat.fixed(wallSeconds, 4)) s",
            "events/second: \(PythonFormat.grouped(Double(events) / wallSeconds, 0))",
            "trials/second: \(PythonFormat.grouped(Double(trials) / wallSeconds, 2))",
        ]
    }
}
