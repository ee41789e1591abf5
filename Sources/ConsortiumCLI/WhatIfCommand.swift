import ArgumentParser
import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import ConsortiumXML
import Foundation

/// `consortium whatif FILE [overrides...]`: the scenario against itself with overrides, with common random
/// numbers, reported as differences with confidence intervals.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Compare a campaign or scenario with the same plus overrides, without editing files.",
        discussion: """
            Both runs use the same seed and trial numbers, so every uncertain quantity takes the same value in \
            trial k of both (common random numbers): the differences measure the change, not the noise. \
            Each difference comes with its 95 % confidence interval. Examples:
              consortium whatif Missions/exomars.xml --withdraw roscosmos@2022-03-17
              consortium whatif Missions/artemis.xml --budget nasa=0.8@2027-10-01 --delay art3-hls=180d
              consortium whatif Missions/artemis.xml --ground sls-block1=365d@2027-01-01
            """
    )

    @Argument(help: ArgumentHelp("The campaign or scenario file.", valueName: "file"))
    var file: String

    @Option(
        help: ArgumentHelp(
            "An agency withdraws on a date, optionally handing its work to another: AGENCY@DATE[:REPLACEMENT].",
            valueName: "spec"))
    var withdraw: [String] = []

    @Option(
        help: ArgumentHelp(
            "An agency's funding line in this campaign is multiplied from a date (from the start without one): AGENCY=FACTOR[@DATE], FACTOR from 0 to 2 (0.8 is a 20 % cut).",
            valueName: "spec"))
    var budget: [String] = []

    @Option(help: ArgumentHelp("An element's development takes longer: ELEMENT=DAYSd.", valueName: "spec"))
    var delay: [String] = []

    @Option(help: ArgumentHelp("A vehicle is grounded from a date: VEHICLE=DAYSd@DATE.", valueName: "spec"))
    var ground: [String] = []

    @Option(help: ArgumentHelp("A launch's attempt fails: LAUNCH[#ATTEMPT] (default: the first).", valueName: "spec"))
    var fail: [String] = []

    @Option(help: ArgumentHelp("A contract moves to another provider: CONTRACT=AGENCY.", valueName: "spec"))
    var reassign: [String] = []

    @Option(
        help: ArgumentHelp(
            "From a date a launch flies on another vehicle: LAUNCH=VEHICLE@DATE.", valueName: "spec"))
    var substitute: [String] = []

    @Option(
        help: ArgumentHelp(
            "The campaign's programmatic hazards: 'off', or a factor on their yearly rates, e.g. x2 or 0.5.",
            valueName: "off|xFACTOR"))
    var hazards: String?

    @Option(
        help: ArgumentHelp(
            "One kind of hazard scaled: KIND=xFACTOR (partner-exit, cancellation, vehicle-retirement; x0 is off).",
            valueName: "spec"))
    var hazard: [String] = []

    @Option(parsing: .unconditional, help: "Number of paired trials (default: the scenario's, else 2000).")
    var trials: Int?

    @Option(help: "The random seed (default: the scenario's, else 1).")
    var seed: UInt64?

    @OptionGroup var runOptions: RunOptions

    @OptionGroup var library: LibraryOptions

    func validate() throws {
        if let trials, !(2...100_000_000).contains(trials) {
            throw ValidationError("--trials must be between 2 and 100,000,000, not \(trials)")
        }
        if withdraw.isEmpty && budget.isEmpty && delay.isEmpty && ground.isEmpty && fail.isEmpty && reassign.isEmpty
            && substitute.isEmpty && hazards == nil && hazard.isEmpty
        {
            throw ValidationError(
                "give at least one override (--withdraw, --budget, --delay, --ground, --fail, --reassign, --substitute, --hazards or --hazard)"
            )
        }
    }

    func run() throws {
        let target = try loadTarget(
            file, library: library, assume: runOptions.assumptionOverrides, milestone: runOptions.milestone)
        let overrides: [Override]
        do {
            overrides = try OverrideParser(target: target).parse(self)
        } catch let error as OverrideError {
            printError("error: \(error.message)")
            throw ExitStatus.usage
        }
        let location = SourceLocation(file: "<command line>", line: 0, column: 0)
        var scenario =
            target.scenario
            ?? Scenario(
                id: ScenarioID("\(target.campaign.id)-whatif"), name: "\(target.campaign.name) (what-if)",
                campaign: Reference(target.campaign.id, at: location), location: location)
        scenario.overrides += overrides
        // The same checks as a scenario file's: an agency replacing itself, a reassignment against a policy.
        let problems = SemanticCheck.diagnostics(of: scenario, in: target.library).filter { $0.severity == .error }
        if !problems.isEmpty {
            for problem in problems {
                printError("error: \(problem.message)" + (problem.hint.map { "; \($0)" } ?? ""))
            }
            printError("error: the overrides cannot be applied (see above)")
            throw ExitStatus.usage
        }
        var variant: SimulationPlan
        do {
            variant = try SimulationPlan(
                library: target.library, campaign: target.campaign, scenario: scenario, assumptions: target.assumptions)
            variant.milestone = target.plan.milestone.flatMap { variant.milestone(named: $0.id) }
        } catch {
            printError("error: the overrides cannot be applied: \(error)")
            throw ExitStatus.dataError
        }
        let settings = target.scenario?.monteCarlo
        let rules = runOptions.outputs(reading: target.read)
        try rules.check(runOptions.out, what: "the result")
        Interruption.install()
        let options = MonteCarloOptions(
            trials: trials ?? settings?.trials ?? 2000, seed: seed ?? settings?.seed ?? 1, threads: runOptions.workers,
            targetDay: runOptions.targetDay(target), targetBudgetMUSD: runOptions.targetBudget(target),
            stop: Interruption.flag)
        let bar = ProgressBar(total: options.trials)
        let result: PairedResult
        do {
            result = try MonteCarlo.runPaired(base: target.plan, variant: variant, options) { bar.update($0) }
        } catch {
            bar.finish()
            throw Interruption.failure(error, plan: variant)
        }
        bar.finish()
        try Interruption.check()
        let changes = commandLineOverrides()
        try runOptions.emit(
            table: { WhatIfReport(result, changes: changes).render() },
            document: { WhatIfDocument(result, changes: changes) }, rules: rules)
    }

    /// The overrides as the user typed them, for the report's header.
    func commandLineOverrides() -> [String] {
        withdraw.map { "--withdraw \($0)" } + budget.map { "--budget \($0)" } + delay.map { "--delay \($0)" }
            + ground.map { "--ground \($0)" } + fail.map { "--fail \($0)" } + reassign.map { "--reassign \($0)" }
            + substitute.map { "--substitute \($0)" } + (hazards.map { ["--hazards \($0)"] } ?? [])
            + hazard.map { "--hazard \($0)" }
    }
}

struct OverrideError: Error {
    let message: String
}

/// Turns `--withdraw roscosmos@2022-03-17` and friends into overrides, checking every name and value.
struct OverrideParser {
    let target: Target
    let location = SourceLocation(file: "<command line>", line: 0, column: 0)
    /// Days before a replacement resumes a withdrawn partner's work: the scenario format's default.
    static let transferDays = 365.0

    func parse(_ command: WhatIfCommand) throws -> [Override] {
        var overrides: [Override] = []
        for spec in command.withdraw { overrides.append(Override(try withdraw(spec), location: location)) }
        for spec in command.budget { overrides.append(Override(try budget(spec), location: location)) }
        for spec in command.delay { overrides.append(Override(try delay(spec), location: location)) }
        for spec in command.ground { overrides.append(Override(try ground(spec), location: location)) }
        for spec in command.fail { overrides.append(Override(try fail(spec), location: location)) }
        for spec in command.reassign { overrides.append(Override(try reassign(spec), location: location)) }
        for spec in command.substitute { overrides.append(Override(try substitute(spec), location: location)) }
        if let spec = command.hazards {
            let factor = spec == "off" ? 0 : try self.factor(spec, option: "--hazards")
            overrides.append(Override(.scaleHazards(kind: nil, factor: factor), location: location))
        }
        for spec in command.hazard { overrides.append(Override(try hazard(spec), location: location)) }
        return overrides
    }

    func substitute(_ spec: String) throws -> Override.Change {
        let (launchText, rest) = try split(spec, "=", option: "--substitute", form: "LAUNCH=VEHICLE@DATE")
        let (vehicleText, dateText) = try split(rest, "@", option: "--substitute", form: "LAUNCH=VEHICLE@DATE")
        let launches = target.plan.launches.map(\.id.rawValue)
        guard launches.contains(launchText) else {
            throw unknown(launchText, launches, kind: "launch", option: "--substitute")
        }
        let vehicles = target.library.agencies.flatMap { $0.vehicles.map(\.id.rawValue) }
        guard vehicles.contains(vehicleText) else {
            throw unknown(vehicleText, vehicles, kind: "vehicle", option: "--substitute")
        }
        return .substitute(
            launch: Reference(LaunchID(launchText), at: location),
            vehicle: Reference(VehicleID(vehicleText), at: location), from: try date(dateText, option: "--substitute"))
    }

    func hazard(_ spec: String) throws -> Override.Change {
        let (kindText, factorText) = try split(spec, "=", option: "--hazard", form: "KIND=xFACTOR")
        guard let kind = Hazard.Kind(rawValue: kindText) else {
            throw unknown(kindText, Hazard.Kind.allCases.map(\.rawValue), kind: "hazard kind", option: "--hazard")
        }
        return .scaleHazards(kind: kind, factor: try factor(factorText, option: "--hazard \(spec)"))
    }

    /// A factor on hazard rates: `x2`, `2`, `0.5`, `x0` (from 0 to 100).
    func factor(_ text: String, option: String) throws -> Double {
        let digits = text.hasPrefix("x") ? String(text.dropFirst()) : text
        guard let factor = Double(digits), factor.isFinite, factor >= 0, factor <= 100 else {
            throw OverrideError(
                message: "\(option): '\(text)' must be 'off' or a factor from 0 to 100, e.g. x2 (double) or x0 (off)")
        }
        return factor
    }

    func withdraw(_ spec: String) throws -> Override.Change {
        let (agencyText, rest) = try split(spec, "@", option: "--withdraw", form: "AGENCY@DATE[:REPLACEMENT]")
        let parts = rest.split(separator: ":", maxSplits: 1).map(String.init)
        let replacement = try parts.count > 1 ? agency(parts[1], option: "--withdraw", anyInLibrary: true) : nil
        return .withdraw(
            agency: try agency(agencyText, option: "--withdraw"),
            date: try date(parts.first ?? "", option: "--withdraw"), replacement: replacement,
            transferDays: Self.transferDays)
    }

    func budget(_ spec: String) throws -> Override.Change {
        let (agencyText, rest) = try split(spec, "=", option: "--budget", form: "AGENCY=FACTOR[@DATE]")
        // Without a date the change holds from the start (in effect from the status date).
        let (factorText, dateText) =
            rest.contains("@") ? try split(rest, "@", option: "--budget", form: "AGENCY=FACTOR[@DATE]") : (rest, nil)
        guard let factor = Double(factorText), factor.isFinite else {
            throw OverrideError(
                message: "--budget \(spec): the factor '\(factorText)' must be a number from 0 to 2 (0.8 is a 20 % cut)"
            )
        }
        if let problem = Override.budgetFactorProblem(factor) {
            throw OverrideError(message: "--budget \(spec): \(problem)")
        }
        let from = try dateText.map { try date($0, option: "--budget") } ?? target.plan.start
        return .budgetChange(agency: try agency(agencyText, option: "--budget"), factor: factor, from: from)
    }

    func delay(_ spec: String) throws -> Override.Change {
        let (elementText, daysText) = try split(spec, "=", option: "--delay", form: "ELEMENT=DAYSd")
        return .delay(element: try element(elementText), days: try days(daysText, option: "--delay \(spec)"))
    }

    func ground(_ spec: String) throws -> Override.Change {
        let (vehicleText, rest) = try split(spec, "=", option: "--ground", form: "VEHICLE=DAYSd@DATE")
        let (daysText, dateText) = try split(rest, "@", option: "--ground", form: "VEHICLE=DAYSd@DATE")
        let ids = target.plan.vehicles.map(\.id.rawValue)
        guard ids.contains(vehicleText) else { throw unknown(vehicleText, ids, kind: "vehicle", option: "--ground") }
        return .ground(
            vehicle: Reference(VehicleID(vehicleText), at: location),
            days: try days(daysText, option: "--ground \(spec)"),
            from: try date(dateText, option: "--ground"), standDownDays: nil)
    }

    func fail(_ spec: String) throws -> Override.Change {
        let parts = spec.split(separator: "#", maxSplits: 1).map(String.init)
        let launchText = parts.first ?? ""
        let ids = target.plan.launches.map(\.id.rawValue)
        guard ids.contains(launchText) else { throw unknown(launchText, ids, kind: "launch", option: "--fail") }
        var attempt = 1
        if parts.count > 1 {
            guard let n = Int(parts[1]), (1...100).contains(n) else {
                throw OverrideError(message: "--fail \(spec): the attempt '\(parts[1])' must be a number from 1 to 100")
            }
            attempt = n
        }
        return .launchFailure(launch: Reference(LaunchID(launchText), at: location), attempt: attempt)
    }

    func reassign(_ spec: String) throws -> Override.Change {
        let (contractText, agencyText) = try split(spec, "=", option: "--reassign", form: "CONTRACT=AGENCY")
        let ids = target.plan.contracts.map(\.id.rawValue)
        guard ids.contains(contractText) else {
            throw unknown(contractText, ids, kind: "contract", option: "--reassign")
        }
        return .reassign(
            contract: Reference(ContractID(contractText), at: location),
            provider: try agency(agencyText, option: "--reassign", anyInLibrary: true))
    }

    // MARK: Pieces

    func split(_ spec: String, _ separator: Character, option: String, form: String) throws -> (String, String) {
        guard let i = spec.firstIndex(of: separator) else {
            throw OverrideError(message: "\(option) \(spec): expected \(form)")
        }
        return (String(spec[..<i]), String(spec[spec.index(after: i)...]))
    }

    func agency(_ text: String, option: String, anyInLibrary: Bool = false) throws -> Reference<AgencyTag> {
        let ids =
            anyInLibrary ? target.library.agencies.map(\.id.rawValue) : target.plan.agencies.map(\.id.rawValue)
        guard ids.contains(text) else {
            throw unknown(text, ids, kind: anyInLibrary ? "agency" : "agency of this campaign", option: option)
        }
        return Reference(AgencyID(text), at: location)
    }

    func element(_ text: String) throws -> Reference<ElementTag> {
        let ids = target.plan.elements.map(\.id.rawValue)
        guard ids.contains(text) else { throw unknown(text, ids, kind: "element", option: "--delay") }
        return Reference(ElementID(text), at: location)
    }

    func date(_ text: String, option: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else {
            throw OverrideError(message: "\(option): '\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2027-10-01")
        }
        return date
    }

    func days(_ text: String, option: String) throws -> Double {
        let digits = text.hasSuffix("d") ? String(text.dropLast()) : text
        guard let days = Double(digits), days.isFinite, days >= 0, days <= 36_525 else {
            throw OverrideError(message: "\(option): '\(text)' must be a number of days from 0 to 36525, e.g. 180d")
        }
        return days
    }

    func unknown(_ text: String, _ ids: [String], kind: String, option: String) -> OverrideError {
        var message = "\(option): unknown \(kind) '\(text)'; "
        if let best = Suggestion.closest(to: text, among: ids) { message += "did you mean '\(best)'? " }
        let sorted = ids.sorted()
        message +=
            sorted.count <= 12
            ? "valid: \(sorted.joined(separator: ", "))"
            : "\(sorted.count) are valid, e.g. \(sorted.prefix(8).joined(separator: ", ")), ..."
        return OverrideError(message: message)
    }
}
