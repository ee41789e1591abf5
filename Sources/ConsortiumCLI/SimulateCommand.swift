import ArgumentParser
import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumOutput
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
            trial's timeline and a summary; --trace writes every event as CSV or JSON lines. With more trials \
            it prints schedule and cost confidence, success probabilities, joint confidence (JCL), risk \
            drivers and cost sharing. Results depend only on the files, the seed and the trial count, never \
            on --threads.
            """
    )

    @Argument(help: ArgumentHelp("The campaign or scenario file.", valueName: "file"))
    var file: String

    @Option(parsing: .unconditional, help: "Number of Monte Carlo trials (default: the scenario's, else 1).")
    var trials: Int?

    @Option(help: "The random seed (default: the scenario's, else 1).")
    var seed: UInt64?

    @Option(
        help: "Play this trial of the seed as a story (to replay one from a Monte Carlo run); implies --trials 1.")
    var trial: UInt64?

    @OptionGroup var runOptions: RunOptions

    @Option(
        help: ArgumentHelp(
            "Trials per coalition for the cooperation game (Shapley values, going alone); 0 skips it.",
            valueName: "n"))
    var coalitionTrials: Int = 200

    @Option(help: ArgumentHelp("Write every event of the trial to this file (.csv or .jsonl).", valueName: "path"))
    var trace: String?

    @Option(
        help: ArgumentHelp(
            "With many trials: also write a self-contained HTML report with charts to this file.", valueName: "path"))
    var report: String?

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        if let trials, trials < 1 { throw ValidationError("--trials must be at least 1, not \(trials)") }
        if let trials, let trial, trials > 1 {
            throw ValidationError("--trial \(trial) plays one trial as a story; drop --trials \(trials) (or --trial)")
        }
        if let trials, trials > 100_000_000 {
            throw ValidationError("--trials must be at most 100,000,000, not \(trials)")
        }
        // Bounded like --trials: a larger count overflowed the block arithmetic (a trap) or ran without end.
        if !(0...100_000_000).contains(coalitionTrials) {
            throw ValidationError("--coalition-trials must be between 0 and 100,000,000, not \(coalitionTrials)")
        }
    }

    func run() throws {
        let target = try loadTarget(
            file, library: library, assume: runOptions.assumptionOverrides, milestone: runOptions.milestone)
        let settings = target.scenario?.monteCarlo
        let seed = self.seed ?? settings?.seed ?? 1
        // `--trial N` asks for one trial's story, even of a scenario whose settings name many trials.
        let trials = self.trials ?? (trial != nil ? 1 : settings?.trials ?? 1)
        let rules = runOptions.outputs(reading: target.read)
        if trials > 1 {
            try runMany(target, seed: seed, trials: trials, rules: rules)
            return
        }
        if runOptions.format != .table || runOptions.out != nil || report != nil {
            printError(
                "error: --format, --out and --report summarize many trials; give --trials N (N > 1), "
                    + "or use --trace PATH for one trial's events")
            throw ExitStatus.usage
        }
        try rules.check(trace, what: "the trace")
        var runner = TrialRunner(plan: target.plan, seed: seed, recordsTrace: true)
        let outcome: TrialOutcome
        do {
            outcome = try runner.run(trial: trial ?? 0)
        } catch {
            printError("error: \(error)")
            throw ExitStatus.dataError
        }
        let story = TrialReport(plan: target.plan, outcome: outcome, trace: runner.trace, seed: seed).render()
        try rules.write(story, to: "-", what: "the story")
        if let path = trace {
            try writeTrace(runner.trace, plan: target.plan, to: path, rules: rules)
        }
    }
}

extension SimulateCommand {
    func runMany(_ target: Target, seed: UInt64, trials: Int, rules: OutputPath) throws {
        if trace != nil {
            printError("error: --trace records one trial; use it with --trials 1 (and --trial N to pick which)")
            throw ExitStatus.usage
        }
        try rules.check(report, what: "the report")
        try rules.check(runOptions.out, what: "the result")
        let plan = target.plan
        Interruption.install()
        let options = MonteCarloOptions(
            trials: trials, seed: seed, threads: runOptions.workers, targetDay: runOptions.targetDay(target),
            targetBudgetMUSD: runOptions.targetBudget(target), stop: Interruption.flag)
        let bar = ProgressBar(total: trials)
        let result: MonteCarloResult
        var cooperation: CooperationAnalysis?
        do {
            result = try MonteCarlo.run(plan, options) { bar.update($0) }
            if coalitionTrials > 0 {
                cooperation = try Cooperation.analyze(
                    plan, trials: coalitionTrials, seed: seed, threads: options.threads, stop: options.stop)
            }
        } catch {
            bar.finish()
            throw Interruption.failure(error, plan: plan)
        }
        bar.finish()
        try Interruption.check()
        if let report {
            try rules.write(htmlReport(result, target: target), to: report, what: "the report")
        }
        try runOptions.emit(
            table: { MonteCarloReport(result, cooperation: cooperation).render() },
            document: { ResultDocument(result, version: consortiumVersion) }, rules: rules)
    }
}

extension SimulateCommand {
    /// The HTML report, with the representative trial replayed for its Gantt chart and the library's files
    /// fingerprinted.
    func htmlReport(_ result: MonteCarloResult, target: Target) -> String {
        var story: TrialOutcome?
        if let trial = result.representativeTrial {
            var runner = TrialRunner(plan: result.plan, seed: result.settings.seed)
            story = try? runner.run(trial: UInt64(trial))
        }
        let inputs = target.library.files.map { file in
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file.path))).map { [UInt8]($0) } ?? []
            return HTMLReport.Provenance(path: file.path, fingerprint: fingerprint(bytes))
        }
        return HTMLReport(result, story: story, inputs: inputs, version: consortiumVersion).render()
    }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar {
    let total: Int
    let enabled = isatty(2) != 0
    private var shown = -1

    init(total: Int) { self.total = total }

    func update(_ done: Int) {
        guard enabled else { return }
        let percent = total > 0 ? done * 100 / total : 100
        guard percent != shown else { return }
        shown = percent
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        writeError("\r[\(bar)] \(percent) % (\(done) of \(total) trials)")
    }

    func finish() {
        guard enabled, shown >= 0 else { return }
        writeError("\r\u{1B}[K")
    }
}

/// The campaign or scenario a file defines, compiled into a plan.
struct Target {
    let campaign: Campaign
    let scenario: Scenario?
    let plan: SimulationPlan
    /// The model's assumptions the run uses (the library's, with the campaign's and the command line's changes).
    let assumptions: ModelAssumptions
    /// What the run uses: the files it needs and every agency file without errors.
    let library: Library
    /// Every file loading it read (the whole library, broken files included), which no output may replace.
    let read: ReadFiles
}

/// `loadTarget(_:library:assume:reported:)` for a run that loads one file.
func loadTarget(
    _ path: String, library options: LibraryOptions, assume: [AssumptionOverride] = [], milestone: String? = nil
) throws -> Target {
    var reported = Set<Diagnostic>()
    return try loadTarget(path, library: options, assume: assume, milestone: milestone, reported: &reported)
}

/// Loads what `path` needs from the library around it, reports the diagnostics, and compiles what `path`
/// defines. A folder is refused with the campaigns and scenarios it holds, since a run is of one file.
///
/// `reported` holds the diagnostics already printed by an earlier load of the same run (`compare` loads one
/// file after another from one library): each is printed once.
func loadTarget(
    _ path: String, library options: LibraryOptions, assume: [AssumptionOverride] = [], milestone: String? = nil,
    reported: inout Set<Diagnostic>
) throws -> Target {
    try requireExisting([path])
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        try refuseFolder(path, library: options)
    }
    let outcome = options.loader.load([path], libraryRoot: options.root)
    reportLibrarySource(outcome)
    report(outcome.diagnostics.filter { reported.insert($0).inserted })
    if outcome.diagnostics.containsErrors {
        printError("error: \(path) cannot be run until the errors above are fixed")
        throw ExitStatus.dataError
    }
    let library = outcome.library
    // Every file the loader opened (the whole library, broken or left out files included), the ones asked for,
    // and any a diagnostic names.
    let read = ReadFiles(
        [path] + outcome.requestedFiles + outcome.filesRead + outcome.diagnostics.map(\.location.file))
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
        printError(
            "error: \(path) holds no campaign or scenario; agency files cannot be simulated "
                + "(`consortium list` shows the campaigns and scenarios)")
        throw ExitStatus.usage
    }
    // The library's assumptions, changed by the campaign's <assume> entries, then by --assume.
    let resolution = ModelAssumptions.resolve(library.assumptions, overrides: campaign.assumptions + assume)
    report(resolution.diagnostics)
    guard let assumptions = resolution.assumptions else {
        printError("error: \(path) cannot be run until the errors above are fixed")
        throw ExitStatus.dataError
    }
    var plan: SimulationPlan
    do {
        plan = try SimulationPlan(
            library: library, campaign: campaign, scenario: scenario, assumptions: assumptions)
    } catch {
        printError("error: \(path): \(error)")
        throw ExitStatus.dataError
    }
    if let milestone {
        guard let found = plan.milestone(named: milestone) else {
            printError(
                "error: --milestone \(milestone) names no objective or launch of \(campaign.id)\n  hint: "
                    + Suggestion.hint(for: milestone, among: plan.milestoneCandidates, kind: "objective or launch"))
            throw ExitStatus.usage
        }
        plan.milestone = found
    }
    return Target(
        campaign: campaign, scenario: scenario, plan: plan, assumptions: assumptions, library: library, read: read)
}

/// Refuses a folder given where one file is run (exit 64), listing the runnable files in it.
func refuseFolder(_ path: String, library options: LibraryOptions) throws -> Never {
    let outcome = options.loader.load([path], libraryRoot: options.root)
    let library = outcome.library
    let requested = Set(outcome.requestedFiles)
    var runnable: [String] = []
    for campaign in library.campaigns where requested.contains(campaign.location.file) {
        runnable.append("\(campaign.location.file)  (campaign \(campaign.id))")
    }
    for scenario in library.scenarios where requested.contains(scenario.location.file) {
        runnable.append("\(scenario.location.file)  (scenario \(scenario.id) on \(scenario.campaign.id))")
    }
    runnable.sort()
    guard !runnable.isEmpty else {
        printError("error: \(path) is a folder with no campaign or scenario file in it; give one .xml file to run")
        throw ExitStatus.usage
    }
    let shown = 40
    var text = "error: \(path) is a folder; give one of the campaign or scenario files in it:"
    for line in runnable.prefix(shown) { text += "\n  \(line)" }
    if runnable.count > shown { text += "\n  ... and \(runnable.count - shown) more (`consortium list` shows all)" }
    printError(text)
    throw ExitStatus.usage
}

/// Says which library a request used when it was not the one above its files (a note on standard error).
func reportLibrarySource(_ outcome: LoadOutcome) {
    if case .currentFolder(let searched) = outcome.source, let root = outcome.root {
        printError(
            "note: no folder holding Agencies/ at or above \(searched.first ?? "the file"); using the library in "
                + "\(root), found from the current folder (--library DIR picks another)")
    }
}
