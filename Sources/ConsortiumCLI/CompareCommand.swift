import ArgumentParser
import ConsortiumAnalysis
import ConsortiumEngine
import ConsortiumModel
import ConsortiumOutput
import ConsortiumReport
import ConsortiumSimulation
import Foundation

/// `consortium compare FILE FILE...`: the same objective under several cooperation architectures.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare cooperation architectures side by side, criterion by criterion.",
        discussion: """
            Each FILE is a campaign or scenario pursuing the same objectives another way (e.g. the four \
            Missions/outpost-*.xml). For each: success and dates of every objective, cost in total and per \
            agency, JCL at the targets, complexity, resilience (a stress run per partner: it withdraws at a \
            date spread over development and the lead agency takes over its work) and each agency's benefit \
            against going alone. Verdicts name the best architecture per criterion and whether it is clearly \
            (95 %) ahead of the runner-up; there is no blended score.
            """
    )

    @Argument(help: ArgumentHelp("Two or more campaign or scenario files.", valueName: "file"))
    var files: [String]

    @Option(parsing: .unconditional, help: "Trials per architecture (default 1000).")
    var trials: Int = 1000

    @Option(help: "The random seed (default 1).")
    var seed: UInt64 = 1

    @OptionGroup var runOptions: RunOptions

    @Option(help: ArgumentHelp("Also write a self-contained HTML page with a chart per criterion.", valueName: "path"))
    var report: String?

    @Option(
        help: ArgumentHelp(
            "Trials per coalition for each agency's benefit against going alone; 0 skips it.", valueName: "n"))
    var coalitionTrials: Int = 100

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        if files.count < 2 { throw ValidationError("give at least two files to compare") }
        if !(10...10_000_000).contains(trials) {
            throw ValidationError("--trials must be between 10 and 10,000,000, not \(trials)")
        }
        // Bounded like --trials: a larger count overflowed the block arithmetic (a trap) or ran without end.
        if !(0...100_000_000).contains(coalitionTrials) {
            throw ValidationError("--coalition-trials must be between 0 and 100,000,000, not \(coalitionTrials)")
        }
    }

    func run() throws {
        // One library: a warning about a file every target's load meets (a broken copy left out) is printed once.
        var reported = Set<Diagnostic>()
        let targets = try files.map {
            try loadTarget(
                $0, library: library, assume: runOptions.assumptionOverrides, milestone: runOptions.milestone,
                reported: &reported)
        }
        var read = ReadFiles.none
        for target in targets { read.formUnion(target.read) }
        let rules = runOptions.outputs(reading: read)
        try rules.check(report, what: "the report")
        try rules.check(runOptions.out, what: "the result")
        Interruption.install()
        let bar = ProgressBar(total: targets.count)
        var architectures: [ArchitectureResult] = []
        for (i, target) in targets.enumerated() {
            bar.update(i)
            let plan = target.plan
            let options = MonteCarloOptions(
                trials: trials, seed: seed, threads: runOptions.workers, targetDay: runOptions.targetDay(target),
                targetBudgetMUSD: runOptions.targetBudget(target), stop: Interruption.flag)
            let lead = plan.agencies.firstIndex { $0.id == target.campaign.lead.id }
            do {
                var architecture = try ArchitectureComparison.evaluate(
                    plan, lead: lead,
                    complexity: Complexity(campaign: target.campaign, library: target.library, plan: plan),
                    options: options, coalitionTrials: coalitionTrials)
                architecture.architecture = target.campaign.architecture.rawValue
                architectures.append(architecture)
            } catch {
                bar.finish()
                if case .interrupted(_) = error { throw Interruption.interrupted() }
                printError("error: \(TerminalText.escaped(target.campaign.location.file)): \(error)")
                throw ExitStatus.dataError
            }
        }
        bar.finish()
        try Interruption.check()
        if let report {
            try rules.write(
                CompareReport(architectures).html(version: consortiumVersion), to: report, what: "the report")
        }
        try runOptions.emit(
            table: { CompareReport(architectures).render() },
            document: { CompareDocument(architectures, version: consortiumVersion) }, rules: rules)
    }
}
