import CampaignBench
import Foundation
import Testing

/// The Swift campaign model against the SimPy peer model (`../shared/bench/campaign_simpy.py`).
///
/// `Fixtures/golden_E60_A6_T200_seed1.txt` is the peer model's `--dump` output for
/// `--elements 60 --agencies 6 --trials 200 --seed 1`. The other expected lines below were printed by
/// `campaign_simpy.py` (SimPy 4.1.2, Python 3.11) with the arguments named in each case.
@Suite struct CampaignGoldenTests {
    /// The golden configuration.
    static let golden = CampaignConfiguration(agencies: 6, elements: 60, trials: 200, seed: 1)

    /// What `consortium-bench campaign --dump` prints, minus the banner and the timing lines.
    static func dumpLines(_ configuration: CampaignConfiguration, threads: Int = 1) throws -> [String] {
        let results = try CampaignRunner.run(configuration, threads: threads)
        let trials = results.enumerated().map { CampaignSummary.dumpLine(trial: $0.offset, $0.element) }
        return trials + [CampaignSummary.parameterLine(configuration)] + CampaignSummary(results).comparableLines
    }

    /// The golden file's lines, minus the lines that name the engine or measure time.
    static func goldenLines() throws -> [String] {
        let url = try #require(
            Bundle.module.url(
                forResource: "golden_E60_A6_T200_seed1", withExtension: "txt", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let timing = ["simpy ", "wall time", "events/second", "trials/second"]
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init).filter { line in
            !timing.contains { line.hasPrefix($0) }
        }
    }

    /// Records the first line where `actual` differs from `expected`, with its line number.
    static func expectSameLines(
        _ actual: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (index, (mine, theirs)) in zip(actual, expected).enumerated() where mine != theirs {
            Issue.record(
                "first mismatch at line \(index + 1):\n  expected: \(theirs)\n  actual:   \(mine)",
                sourceLocation: sourceLocation)
            return
        }
        #expect(
            actual.count == expected.count, "line counts differ: \(actual.count) vs \(expected.count) expected",
            sourceLocation: sourceLocation)
    }

    @Test func theDumpEqualsSimPysGoldenFileLineByLine() throws {
        let expected = try Self.goldenLines()
        // 200 trials, the parameter line and four statistics lines.
        #expect(expected.count == 205)
        Self.expectSameLines(try Self.dumpLines(Self.golden), expected)
    }

    @Test func twoThreadsGiveTheSameOutputAsOne() throws {
        let single = try Self.dumpLines(Self.golden, threads: 1)
        Self.expectSameLines(try Self.dumpLines(Self.golden, threads: 2), single)
    }

    @Test(arguments: [2, 3, 7, 64])
    func anyThreadCountGivesTheSameResults(threads: Int) throws {
        // 13 trials do not split evenly; 64 threads are more than trials.
        let configuration = CampaignConfiguration(agencies: 5, elements: 40, trials: 13, seed: 77, windowPeriod: 21)
        let single = try CampaignRunner.run(configuration, threads: 1)
        #expect(try CampaignRunner.run(configuration, threads: threads) == single)
    }

    @Test(arguments: [
        (
            CampaignConfiguration(agencies: 6, elements: 60, trials: 100, seed: 9, windowPeriod: 30, horizon: 2100),
            [
                "agencies=6 elements=60 trials=100 seed=9 window_period=30 horizon=2100",
                "trials: 100  censored (hit horizon): 83",
                "completion day: mean 2091.000000  P50 2100.000000  P70 2100.000000  P90 2100.000000",
                "mean cost: 2999.294556",
                "events processed: 56410  (564.1 per trial)",
            ]
        ),
        (
            CampaignConfiguration(agencies: 2, elements: 7, trials: 100, seed: 4, windowPeriod: 10),
            [
                "agencies=2 elements=7 trials=100 seed=4 window_period=10 horizon=20000",
                "trials: 100  censored (hit horizon): 0",
                "completion day: mean 959.900000  P50 920.000000  P70 990.000000  P90 1080.000000",
                "mean cost: 320.170365",
                "events processed: 24515  (245.2 per trial)",
            ]
        ),
        (
            CampaignConfiguration(agencies: 60, elements: 600, trials: 4, seed: 3, windowPeriod: 17.5),
            [
                "agencies=60 elements=600 trials=4 seed=3 window_period=17.5 horizon=20000",
                "trials: 4  censored (hit horizon): 0",
                "completion day: mean 2458.750000  P50 2275.000000  P70 2625.000000  P90 2660.000000",
                "mean cost: 31063.477410",
                "events processed: 18362  (4590.5 per trial)",
            ]
        ),
        (
            CampaignConfiguration(agencies: 6, elements: 0, trials: 5, seed: 1),
            [
                "agencies=6 elements=0 trials=5 seed=1 window_period=30 horizon=20000",
                "trials: 5  censored (hit horizon): 0",
                "completion day: mean 0.000000  P50 0.000000  P70 0.000000  P90 0.000000",
                "mean cost: 0.000000",
                "events processed: 6675  (1335.0 per trial)",
            ]
        ),
    ])
    func theSummaryEqualsSimPys(configuration: CampaignConfiguration, expected: [String]) throws {
        // Cases: a window at exactly the horizon (censored trials), a tiny campaign with short windows, a
        // non-integer window period at E=600, and E=0 (done at day 0, but run to the horizon).
        let lines = try Self.dumpLines(configuration)
        Self.expectSameLines(Array(lines.suffix(expected.count)), expected)
    }
}

/// Properties of the summary and the trials that hold whatever the numbers are.
@Suite struct CampaignInvariantTests {
    @Test func summaryLinesHaveThePeerModelsFormat() throws {
        let results = try CampaignRunner.run(CampaignConfiguration(trials: 40, seed: 5), threads: 1)
        let lines = CampaignSummary(results).comparableLines
        #expect(lines.count == 4)
        #expect(lines[0].wholeMatch(of: /trials: 40  censored \(hit horizon\): \d+/) != nil, "\(lines[0])")
        #expect(
            lines[1].wholeMatch(
                of: /completion day: mean \d+\.\d{6}  P50 \d+\.\d{6}  P70 \d+\.\d{6}  P90 \d+\.\d{6}/) != nil,
            "\(lines[1])")
        #expect(lines[2].wholeMatch(of: /mean cost: \d+\.\d{6}/) != nil, "\(lines[2])")
        #expect(lines[3].wholeMatch(of: /events processed: \d+  \(\d+\.\d per trial\)/) != nil, "\(lines[3])")
        let timing = CampaignSummary(results).timingLines(wallSeconds: 0.5)
        #expect(timing[0] == "wall time (sim loop only): 0.5000 s")
        #expect(timing[2] == "trials/second: 80.00")
    }

    @Test func percentilesAreOrderedAndWithinTheRange() throws {
        let results = try CampaignRunner.run(CampaignConfiguration(trials: 150, seed: 12), threads: 1)
        let summary = CampaignSummary(results)
        let completions = results.map(\.completion)
        #expect(completions.min()! <= summary.p50)
        #expect(summary.p50 <= summary.p70 && summary.p70 <= summary.p90)
        #expect(summary.p90 <= completions.max()!)
        #expect(completions.min()! <= summary.meanCompletion && summary.meanCompletion <= completions.max()!)
        #expect(summary.events == results.reduce(0) { $0 + $1.events })
    }

    @Test func nearestRankPercentileUsesCeilingIndex() {
        let sorted = (1...10).map(Double.init)
        #expect(CampaignSummary.percentile(sorted, 50) == 5)
        #expect(CampaignSummary.percentile(sorted, 70) == 7)
        #expect(CampaignSummary.percentile(sorted, 90) == 9)
        #expect(CampaignSummary.percentile([4, 8, 9], 50) == 8)
        #expect(CampaignSummary.percentile([3], 90) == 3)
    }

    @Test func completedTrialsEndOnAWindowAndCostAtLeastTheLowEstimates() throws {
        let configuration = CampaignConfiguration(agencies: 4, elements: 30, trials: 60, seed: 21, windowPeriod: 25)
        let floor = (0..<30).reduce(0.0) { $0 + CampaignConfiguration.lowDuration(of: $1) * 0.1 }
        for (trial, result) in try CampaignRunner.run(configuration, threads: 1).enumerated() {
            #expect(result.completed, "trial \(trial) was censored")
            // P = 25 adds up exactly, so every launch day is a whole multiple of it.
            #expect(result.completion > 0 && result.completion.truncatingRemainder(dividingBy: 25) == 0)
            #expect(result.cost >= floor, "trial \(trial) cost \(result.cost) below \(floor)")
            #expect(result.events > 0)
        }
    }

    @Test func aShortHorizonCensorsEveryTrialAtTheHorizon() throws {
        let configuration = CampaignConfiguration(trials: 20, seed: 3, horizon: 500)
        let results = try CampaignRunner.run(configuration, threads: 1)
        #expect(results.allSatisfy { !$0.completed && $0.completion == 500 })
        #expect(CampaignSummary(results).censored == 20)
    }

    @Test func invalidConfigurationsAreRejected() {
        let bad = [
            CampaignConfiguration(agencies: 0),
            CampaignConfiguration(elements: 1 << 20),
            CampaignConfiguration(trials: 0),
            CampaignConfiguration(windowPeriod: 0),
            CampaignConfiguration(horizon: .infinity),
        ]
        for configuration in bad {
            #expect(configuration.validationError() != nil)
            #expect(throws: CampaignError.self) { try CampaignRunner.run(configuration, threads: 1) }
        }
    }

    @Test func staticStructureFollowsTheDocstring() {
        #expect(CampaignConfiguration.dependencies(of: 0) == [])
        #expect(CampaignConfiguration.dependencies(of: 1) == [0])
        #expect(CampaignConfiguration.dependencies(of: 2) == [1])
        #expect(CampaignConfiguration.dependencies(of: 3) == [2, 1])
        #expect(CampaignConfiguration.dependencies(of: 10) == [9, 5])
        #expect(CampaignConfiguration.lowDuration(of: 0) == 200)
        #expect(CampaignConfiguration.lowDuration(of: 9) == 233)
    }
}

/// `PythonFormat` against what Python 3.11 prints for the same doubles.
@Suite struct PythonFormatTests {
    @Test(arguments: [
        (2700.0, "2700.0"), (3144.4742858525356, "3144.4742858525356"), (1e-05, "1e-05"), (0.0001, "0.0001"),
        (1e16, "1e+16"), (123_456_789_012_345_680.0, "1.2345678901234568e+17"), (-0.0, "-0.0"), (0.0, "0.0"),
        (9_007_199_254_740_993.0, "9007199254740992.0"), (1e22, "1e+22"), (Double.leastNonzeroMagnitude, "5e-324"),
        (0.1 + 0.2, "0.30000000000000004"),
    ])
    func reprMatchesPython(value: Double, expected: String) {
        #expect(PythonFormat.repr(value) == expected)
    }

    @Test func generalFixedAndGroupedMatchPython() {
        #expect(PythonFormat.general(30) == "30")
        #expect(PythonFormat.general(17.5) == "17.5")
        #expect(PythonFormat.general(20000) == "20000")
        #expect(PythonFormat.general(1e6) == "1e+06")
        #expect(PythonFormat.general(33.3) == "33.3")
        #expect(PythonFormat.grouped(461_451.3, 0) == "461,451")
        #expect(PythonFormat.grouped(-1234.5, 2) == "-1,234.50")
        #expect(PythonFormat.grouped(999.995, 2) == "1,000.00")
        #expect(PythonFormat.fixed(2.5, 0) == "2")
        #expect(PythonFormat.fixed(0.125, 2) == "0.12")
    }
}
