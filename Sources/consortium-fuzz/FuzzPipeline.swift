import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import ConsortiumXML
import Foundation

/// What the commands do with a campaign or scenario that loaded without errors, in miniature: the plan
/// compiler, one trial with its story and trace (`simulate --trials 1 --trace`), a small Monte Carlo run with
/// the cooperation game and every renderer of it (`simulate --trials N`, `--format json|csv`, `--report`), a
/// what-if with overrides of every kind (`whatif`) and an architecture comparison (`compare`).
///
/// The same library calls as `SimulateCommand`, `WhatIfCommand` and `CompareCommand`, with few trials, one
/// thread and a tight event limit so that one input stays fast. Errors the commands report (an event-limit
/// breach, a plan error) end the input normally; a crash, a sanitizer report, a renderer that throws, or
/// JSON that does not parse is a finding.
enum FuzzPipeline {
    static let trials = 4
    static let pairedTrials = 3
    static let coalitionTrials = 2
    /// The cooperation game and the comparison's stress runs grow with the paying agencies (2^n coalitions,
    /// five stress runs per partner): only small plans get them.
    static let maxPlayers = 4
    static let version = "fuzz"
    static let location = SourceLocation(file: "<fuzz>", line: 0, column: 0)

    /// The bundled assumptions (`Assumptions/model.xml` of this source tree), with a smaller event limit: a
    /// trial of a bundled campaign handles a few thousand events; this keeps a hostile one short.
    static let assumptions: ModelAssumptions = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let outcome = LibraryLoader().load([root.appendingPathComponent("Assumptions/model.xml").path])
        guard var assumptions = ModelAssumptions.resolve(outcome.library.assumptions).assumptions else {
            fatalError("the bundled Assumptions/model.xml does not resolve: \(outcome.diagnostics)")
        }
        assumptions.eventLimit = 50_000
        return assumptions
    }()

    /// Bytes rendered by each renderer (so that no rendering can be optimized away, and the replay tool can
    /// say which renderers an input reached).
    nonisolated(unsafe) static var rendered: [String: Int] = [:]

    static func run(library: Library, campaign: Campaign, scenario: Scenario?, files: LibraryFiles) {
        guard
            let plan = try? SimulationPlan(
                library: library, campaign: campaign, scenario: scenario, assumptions: assumptions)
        else { return }
        let seed = scenario?.monteCarlo?.seed ?? 1
        singleTrial(plan, seed: seed)
        let options = MonteCarloOptions(
            trials: trials, seed: seed, threads: 1,
            targetDay: scenario?.monteCarlo?.targetDate.map { plan.day(of: $0) },
            targetBudgetMUSD: scenario?.monteCarlo?.targetBudgetMUSD)
        monteCarlo(plan, options, files: files)
        whatIf(plan, library: library, campaign: campaign, scenario: scenario, options)
        compare(plan, library: library, campaign: campaign, options)
        // TODO(output paths): once ConsortiumCLI's single output-path check and its writer are importable
        // (a library call taking the output path, the paths the run read and --force), call them here with a
        // path made from the input (see FUZZING.md, "Not fuzzed yet").
    }

    /// `simulate --trials 1 --trace PATH`: the trial's story and its trace as CSV and JSON lines.
    static func singleTrial(_ plan: SimulationPlan, seed: UInt64) {
        var runner = TrialRunner(plan: plan, seed: seed, recordsTrace: true)
        guard let outcome = try? runner.run(trial: 0) else { return }
        emit("TrialReport", TrialReport(plan: plan, outcome: outcome, trace: runner.trace, seed: seed).render())
        let csv = TraceFormat.csv(runner.trace, plan: plan)
        Oracle.checkCSV(csv, what: "the trace CSV")
        emit("trace CSV", csv)
        let lines = TraceFormat.jsonLines(runner.trace, plan: plan)
        for line in lines.split(separator: "\n") { Oracle.checkJSON(Data(line.utf8), what: "a trace JSON line") }
        emit("trace JSONL", lines)
    }

    /// `simulate --trials N` in every format, with the cooperation game and the HTML report.
    static func monteCarlo(_ plan: SimulationPlan, _ options: MonteCarloOptions, files: LibraryFiles) {
        guard let result = try? MonteCarlo.run(plan, options) else { return }
        var cooperation: CooperationAnalysis?
        if plan.payingAgencies.count <= maxPlayers {
            cooperation =
                (try? Cooperation.analyze(plan, trials: coalitionTrials, seed: options.seed, threads: 1)) ?? nil
        }
        emit(
            cooperation == nil ? "MonteCarloReport" : "MonteCarloReport+cooperation",
            MonteCarloReport(result, cooperation: cooperation).render())
        let document = ResultDocument(result, version: version)
        emit("ResultDocument.json", Oracle.encoded({ try document.json() }, what: "ResultDocument.json()", json: true))
        emit("ResultDocument.csv", Oracle.encoded({ try document.csv() }, what: "ResultDocument.csv()", json: false))
        var story: TrialOutcome?
        if let trial = result.representativeTrial {
            var runner = TrialRunner(plan: result.plan, seed: result.settings.seed)
            story = try? runner.run(trial: UInt64(trial))
        }
        let inputs = files.map { HTMLReport.Provenance(path: $0.path, fingerprint: fingerprint($0.bytes)) }
        emit("HTMLReport", HTMLReport(result, story: story, inputs: inputs, version: version).render())
    }

    /// `whatif` with one override of each kind the command line offers, on things the plan has.
    static func whatIf(
        _ base: SimulationPlan, library: Library, campaign: Campaign, scenario: Scenario?, _ options: MonteCarloOptions
    ) {
        var variant =
            scenario
            ?? Scenario(
                id: ScenarioID("\(campaign.id)-whatif"), name: "\(campaign.name) (what-if)",
                campaign: Reference(campaign.id, at: location), location: location)
        var changes: [String] = []
        for (text, change) in overrides(base, campaign: campaign) {
            // As the command: overrides that fail the scenario checks are refused (here: left out).
            var candidate = variant
            candidate.overrides.append(Override(change, location: location))
            guard !SemanticCheck.diagnostics(of: candidate, in: library).containsErrors else { continue }
            variant = candidate
            changes.append(text)
        }
        guard !changes.isEmpty,
            let plan = try? SimulationPlan(
                library: library, campaign: campaign, scenario: variant, assumptions: assumptions)
        else { return }
        var paired = options
        paired.trials = pairedTrials
        guard let result = try? MonteCarlo.runPaired(base: base, variant: plan, paired) else { return }
        emit("WhatIfReport", WhatIfReport(result, changes: changes).render())
        let document = WhatIfDocument(result, changes: changes)
        emit("WhatIfDocument.json", Oracle.encoded({ try document.json() }, what: "WhatIfDocument.json()", json: true))
        emit("WhatIfDocument.csv", Oracle.encoded({ try document.csv() }, what: "WhatIfDocument.csv()", json: false))
    }

    /// One override of each kind, as `whatif --delay/--fail/--budget/--withdraw/--ground/--reassign` would
    /// build it, on the plan's first element, launch, agency, partner, vehicle and contract.
    static func overrides(_ plan: SimulationPlan, campaign: Campaign) -> [(String, Override.Change)] {
        var result: [(String, Override.Change)] = []
        let start = campaign.start
        let lead = Reference<AgencyTag>(campaign.lead.id, at: location)
        if let element = plan.elements.first {
            result.append(
                ("--delay \(element.id)=180d", .delay(element: Reference(element.id, at: location), days: 180)))
        }
        if let launch = plan.launches.first {
            result.append(
                ("--fail \(launch.id)", .launchFailure(launch: Reference(launch.id, at: location), attempt: 1)))
        }
        if let agency = plan.agencies.first {
            result.append(
                (
                    "--budget \(agency.id)=0.8@\(start.adding(days: 365))",
                    .budgetChange(
                        agency: Reference(agency.id, at: location), factor: 0.8, from: start.adding(days: 365))
                ))
        }
        if let partner = plan.agencies.first(where: { $0.id != campaign.lead.id }) {
            result.append(
                (
                    "--withdraw \(partner.id)@\(start.adding(days: 730)):\(campaign.lead.id)",
                    .withdraw(
                        agency: Reference(partner.id, at: location), date: start.adding(days: 730),
                        replacement: lead, transferDays: 365)
                ))
        }
        if let vehicle = plan.vehicles.first {
            result.append(
                (
                    "--ground \(vehicle.id)=365d@\(start.adding(days: 365))",
                    .ground(
                        vehicle: Reference(vehicle.id, at: location), days: 365, from: start.adding(days: 365),
                        standDownDays: nil)
                ))
        }
        if let contract = plan.contracts.first {
            result.append(
                (
                    "--reassign \(contract.id)=\(campaign.lead.id)",
                    .reassign(contract: Reference(contract.id, at: location), provider: lead)
                ))
        }
        return result
    }

    /// `compare` of this campaign with the test campaign: text, HTML, JSON and CSV.
    static func compare(_ plan: SimulationPlan, library: Library, campaign: Campaign, _ options: MonteCarloOptions) {
        guard plan.payingAgencies.count <= maxPlayers, let reference = TestCampaign.architecture,
            var architecture = architecture(plan, library: library, campaign: campaign, options)
        else { return }
        architecture.architecture = campaign.architecture.rawValue
        let report = CompareReport([architecture, reference])
        emit("CompareReport", report.render())
        emit("CompareReport.html", report.html(version: version))
        let document = CompareDocument([architecture, reference], version: version)
        emit(
            "CompareDocument.json", Oracle.encoded({ try document.json() }, what: "CompareDocument.json()", json: true))
        emit("CompareDocument.csv", Oracle.encoded({ try document.csv() }, what: "CompareDocument.csv()", json: false))
    }

    static func architecture(
        _ plan: SimulationPlan, library: Library, campaign: Campaign, _ options: MonteCarloOptions
    ) -> ArchitectureResult? {
        try? ArchitectureComparison.evaluate(
            plan, lead: plan.agencies.firstIndex { $0.id == campaign.lead.id },
            complexity: Complexity(campaign: campaign, library: library, plan: plan), options: options,
            coalitionTrials: coalitionTrials)
    }

    /// The comparison's other side: the test campaign `mini`, evaluated once.
    enum TestCampaign {
        static let architecture: ArchitectureResult? = {
            let library = LibraryLoader().load(contents: FuzzInputs.testLibrary).library
            guard let campaign = library.campaigns.first,
                let plan = try? SimulationPlan(library: library, campaign: campaign, assumptions: assumptions)
            else { return nil }
            var result = FuzzPipeline.architecture(
                plan, library: library, campaign: campaign, MonteCarloOptions(trials: trials, seed: 1))
            result?.architecture = campaign.architecture.rawValue
            return result
        }()
    }

    static func emit(_ renderer: String, _ text: String) { rendered[renderer, default: 0] &+= text.utf8.count }
    static func emit(_ renderer: String, _ data: Data) { rendered[renderer, default: 0] &+= data.count }
}
