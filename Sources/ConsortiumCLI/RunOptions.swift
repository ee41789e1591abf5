import ArgumentParser
import ConsortiumModel
import ConsortiumSimulation
import Foundation

/// The options every Monte Carlo command shares: threads and the JCL targets.
struct RunOptions: ParsableArguments {
    @Option(help: "Worker threads (default: the processor count). Results do not depend on it.")
    var threads: Int?

    @Option(help: ArgumentHelp("Target date for the JCL, YYYY-MM-DD (default: the scenario's).", valueName: "date"))
    var targetDate: String?

    @Option(help: ArgumentHelp("Target budget for the JCL, MUSD (default: the scenario's).", valueName: "musd"))
    var targetBudget: Double?

    func validate() throws {
        if let threads, !(1...512).contains(threads) {
            throw ValidationError("--threads must be between 1 and 512, not \(threads)")
        }
        if let targetDate, CivilDate(iso: targetDate) == nil {
            throw ValidationError("--target-date must be a date like 2030-12-31, not '\(targetDate)'")
        }
        if let targetBudget, !(targetBudget.isFinite && targetBudget > 0) {
            throw ValidationError("--target-budget must be a positive number of MUSD, not \(targetBudget)")
        }
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
