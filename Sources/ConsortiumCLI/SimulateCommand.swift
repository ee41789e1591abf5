import ArgumentParser
import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import ConsortiumXML
import Foundation

/// `consortium simulate FILE`: play a campaign or scenario out, one trial as a story or many as statistics.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a campaign or what-if scenario.",
        discussion: """
            FILE is a mission file (<campaign>) or a scenario file (<scenario>). With --trials 1 it prints the \
            trial's timeline and a summary; --trace writes every event as CSV or JSON lines.
            """
    )

    @Argument(help: ArgumentHelp("The campaign or scenario file.", valueName: "file"))
    var file: String

    @Option(help: "Number of Monte Carlo trials.")
    var trials: Int = 1

    @Option(help: "The random seed (default: the scenario's, else 1).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Write every event of the trial to this file (.csv or .jsonl).", valueName: "path"))
    var trace: String?

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1, not \(trials)") }
    }

    func run() throws {
        let target = try loadTarget(file, libraryRoot: library.root)
        let seed = self.seed ?? target.scenario?.monteCarlo?.seed ?? 1
        var runner = TrialRunner(plan: target.plan, seed: seed, recordsTrace: true)
        let outcome: TrialOutcome
        do {
            outcome = try runner.run(trial: 0)
        } catch {
            printError("error: \(error)")
            throw ExitStatus.dataError
        }
        print(
            TrialReport(plan: target.plan, outcome: outcome, trace: runner.trace, seed: seed).render(), terminator: "")
        if let path = trace {
            try writeTrace(runner.trace, plan: target.plan, to: path)
        }
    }
}

/// The campaign or scenario a file defines, compiled into a plan.
struct Target {
    let campaign: Campaign
    let scenario: Scenario?
    let plan: SimulationPlan
    let library: Library
}

/// Loads the library around `path`, reports its diagnostics, and compiles what `path` defines.
func loadTarget(_ path: String, libraryRoot: String?) throws -> Target {
    try requireExisting([path])
    let outcome = LibraryLoader().load([path], libraryRoot: libraryRoot)
    report(outcome.diagnostics)
    if outcome.diagnostics.containsErrors {
        printError("error: \(path) cannot be run until the errors above are fixed")
        throw ExitStatus.dataError
    }
    let library = outcome.library
    let file = outcome.requestedFiles.first ?? path
    let campaign: Campaign
    var scenario: Scenario?
    if let found = library.scenarios.first(where: { $0.location.file == file }) {
        guard let base = library.campaign(found.campaign.id) else { throw ExitStatus.dataError }
        scenario = found
        campaign = base
    } else if let found = library.campaigns.first(where: { $0.location.file == file }) {
        campaign = found
    } else {
        printError("error: \(path) holds no campaign or scenario; agency files cannot be simulated")
        throw ExitStatus.usage
    }
    do {
        let plan = try SimulationPlan(library: library, campaign: campaign, scenario: scenario)
        return Target(campaign: campaign, scenario: scenario, plan: plan, library: library)
    } catch {
        printError("error: \(path): \(error)")
        throw ExitStatus.dataError
    }
}
