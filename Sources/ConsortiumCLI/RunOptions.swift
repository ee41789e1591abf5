import ArgumentParser
import ConsortiumModel
import ConsortiumOutput
import ConsortiumReport
import ConsortiumSimulation
import Foundation

/// How results are printed or written.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// The options every Monte Carlo command shares: threads, the JCL targets, and where results go.
struct RunOptions: ParsableArguments {
    @Option(
        parsing: .unconditional, help: "Worker threads (default: the processor count). Results do not depend on it.")
    var threads: Int?

    @Option(help: ArgumentHelp("Target date for the JCL, YYYY-MM-DD (default: the scenario's).", valueName: "date"))
    var targetDate: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Target budget for the JCL, MUSD (default: the scenario's).", valueName: "musd"),
        transform: RunOptions.decimal)
    var targetBudget: Double?

    /// A plain decimal number (digits, an optional point and exponent), as the files write figures; Swift's
    /// `Double(String)` alone also reads hexadecimal (`0x10` is 16) and words such as `infinity`.
    private static func isDigit(_ character: Character) -> Bool { ("0"..."9").contains(character) }

    static func decimal(_ text: String) throws -> Double {
        let digits = text.hasPrefix("+") || text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false) }
        func isNumber(_ part: Substring) -> Bool {
            let pieces = part.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            return pieces.allSatisfy { $0.allSatisfy(Self.isDigit) } && pieces.contains { !$0.isEmpty }
        }
        func isExponent(_ part: Substring) -> Bool {
            let body = part.hasPrefix("+") || part.hasPrefix("-") ? part.dropFirst() : part
            return !body.isEmpty && body.allSatisfy(Self.isDigit)
        }
        guard parts.count <= 2, let mantissa = parts.first, isNumber(mantissa),
            parts.count == 1 || isExponent(parts[1]), let value = Double(text)
        else {
            throw ValidationError(
                "--target-budget takes a decimal number of MUSD, such as 70000 or 7.5e4, not '\(text)'")
        }
        return value
    }

    @Option(
        help: ArgumentHelp(
            "The milestone of the joint cost and schedule confidence (an objective or a launch id; default: the "
                + "campaign's key-milestone). Its cost is the spending up to it.", valueName: "id"))
    var milestone: String?

    @Option(help: "Output format: table (for people), json or csv (for tools).")
    var format: OutputFormat = .table

    @Option(
        help: ArgumentHelp(
            "Write the result to this file (atomically; a device or FIFO in place; - is standard output).",
            valueName: "path"))
    var out: String?

    @Flag(
        help: "Allow outputs inside an Agencies/ or Missions/ folder (never over a file the run read).")
    var force = false

    @Option(
        help: ArgumentHelp(
            "Change one of the model's assumptions (Assumptions/model.xml) for this run; repeatable. It replaces "
                + "the library's and the campaign's value, e.g. --assume rework-probability-bespoke=0.1.",
            valueName: "name=value"))
    var assume: [String] = []

    func validate() throws {
        if let threads, !(1...512).contains(threads) {
            throw ValidationError("--threads must be between 1 and 512, not \(threads)")
        }
        if let targetDate, CivilDate(iso: targetDate) == nil {
            throw ValidationError("--target-date must be a date like 2030-12-31, not '\(targetDate)'")
        }
        // The range the files' dates have (the schemas' Date type).
        if let targetDate, let date = CivilDate(iso: targetDate), !(1950...2200).contains(date.year) {
            throw ValidationError(
                "--target-date must be between 1950-01-01 and 2200-12-31, like dates in files, not \(targetDate)")
        }
        for text in assume {
            if case .failure(let problem) = ModelAssumptions.commandLineOverride(text) {
                throw ValidationError(problem.message)
            }
        }
        if let targetBudget, !(targetBudget.isFinite && targetBudget > 0) {
            throw ValidationError("--target-budget must be a positive number of MUSD, not \(targetBudget)")
        }
        if let targetBudget, targetBudget > ValueLimits.maximumTargetBudgetMUSD {
            throw ValidationError(
                "--target-budget must be at most \(Format.musd(ValueLimits.maximumTargetBudgetMUSD)) MUSD "
                    + "(a quadrillion dollars, the files' largest figure), not \(targetBudget)")
        }
    }

    /// The `--assume` overrides, in the order given (validated already).
    var assumptionOverrides: [AssumptionOverride] {
        assume.compactMap { try? ModelAssumptions.commandLineOverride($0).get() }
    }

    /// Worker threads to use.
    var workers: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The target day of `target`'s plan: the option's date, else its scenario's.
    func targetDay(_ target: Target) -> Double? {
        let date = targetDate.flatMap { CivilDate(iso: $0) } ?? target.scenario?.monteCarlo?.targetDate
        return date.map { target.plan.day(of: $0) }
    }

    /// The target budget: the option's, else the scenario's.
    func targetBudget(_ target: Target) -> Double? {
        targetBudget ?? target.scenario?.monteCarlo?.targetBudgetMUSD
    }
}

extension RunOptions {
    /// The output check for a run that read `read`, with this `--force`.
    func outputs(reading read: ReadFiles) -> OutputPath {
        OutputPath(read: read, force: force)
    }

    /// Prints the result in the chosen format to standard output, or writes it to `--out`, through `rules`.
    func emit(table: () -> String, document: () -> any MachineReadable, rules: OutputPath) throws {
        let data: Data
        switch format {
        case .table:
            data = Data(table().utf8)
        case .json, .csv:
            do {
                data = try format == .json ? document().json() : document().csv()
            } catch {
                printError("error: cannot encode the result as \(format.rawValue): \(error)")
                throw ExitStatus.software
            }
        }
        try rules.write(data, to: out ?? "-", what: "the result")
    }
}
