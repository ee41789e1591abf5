import ArgumentParser
import CampaignBench
import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumSimulation
import ConsortiumXML

/// Limits for benchmark libraries: generated campaigns of 100,000 elements are one 39 MB file of about 460,000
/// XML elements, over the defaults (16 MiB, 100,000) that protect users from hostile files.
let benchmarkLimits = LoadLimits(maxFileBytes: 1 << 30, maxElements: 50_000_000)

/// Times loading a library: reading, parsing, XSD validation, decoding and the semantic checks.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a library folder (as `consortium validate` does) and report the load time only.")

    @Argument(help: "A library folder (holding Agencies/ and Missions/) or files in one.") var paths: [String]
    @Option(help: "Repetitions; the median and range are printed.") var repeats = 3

    func run() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
        var times: [Double] = []
        var outcome: LoadOutcome?
        for _ in 0..<repeats {
            outcome = nil  // one library in memory at a time, as in `consortium validate`
            let start = seconds()
            outcome = LibraryLoader(limits: benchmarkLimits).load(paths)
            times.append(seconds() - start)
        }
        guard let outcome else { return }
        let elements = outcome.library.campaigns.reduce(0) { $0 + $1.elements.count }
        let designs = outcome.library.agencies.reduce(0) { $0 + $1.designs.count }
        times.sort()
        print(
            "load  files=\(outcome.library.files.count) agencies=\(outcome.library.agencies.count) designs=\(designs) "
                + "elements=\(elements) diagnostics=\(outcome.diagnostics.count)")
        print(
            "load seconds: median \(PythonFormat.fixed(times[times.count / 2], 4))  min \(PythonFormat.fixed(times[0], 4))"
                + "  max \(PythonFormat.fixed(times[times.count - 1], 4))  (\(repeats) runs)")
    }
}

/// Times the Monte Carlo of a campaign alone (after loading and planning).
struct MonteCarloRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "montecarlo",
        abstract: "Load a campaign, then time `MonteCarlo.run` only; prints trials per second.")

    @Argument(help: "A mission file holding a <campaign>.") var file: String
    @Option(help: "Number of trials.") var trials = 1000
    @Option(help: "Worker threads.") var threads = 1
    @Option(help: "The seed.") var seed: UInt64 = 1

    func run() throws {
        let outcome = LibraryLoader(limits: benchmarkLimits).load([file])
        guard !outcome.diagnostics.containsErrors,
            let campaign = outcome.library.campaigns.first(where: { $0.location.file == outcome.requestedFiles.first })
        else {
            throw RuntimeFailure(message: "\(file): no valid campaign (run `consortium validate \(file)`)")
        }
        guard
            let assumptions = ModelAssumptions.resolve(outcome.library.assumptions, overrides: campaign.assumptions)
                .assumptions
        else {
            throw RuntimeFailure(message: "\(file): the library's assumptions have errors (run `consortium validate`)")
        }
        let plan = try SimulationPlan(
            library: outcome.library, campaign: campaign, scenario: nil, assumptions: assumptions)
        let start = seconds()
        let result: MonteCarloResult
        do {
            result = try MonteCarlo.run(plan, MonteCarloOptions(trials: trials, seed: seed, threads: threads))
        } catch {
            throw RuntimeFailure(message: "\(error)")
        }
        let wall = seconds() - start
        let perTrial = wall / Double(trials)
        print(
            "montecarlo  campaign=\(campaign.id) elements=\(plan.elements.count) trials=\(trials) threads=\(threads) "
                + "mean-cost=\(PythonFormat.fixed(result.costMoments.mean, 1))")
        print(
            "wall (MonteCarlo.run only): \(PythonFormat.fixed(wall, 4)) s   trials/second: "
                + "\(PythonFormat.grouped(Double(trials) / wall, 1))   ns per element per trial: "
                + "\(PythonFormat.fixed(perTrial * 1e9 / Double(max(1, plan.elements.count)), 1))")
    }
}
