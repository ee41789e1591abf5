import ArgumentParser
import ConsortiumModel
import Foundation
import Testing

@testable import ConsortiumCLI

/// `--target-budget 1e19` crashed `simulate`, `--report` and `compare` in the money formatter; the option now
/// has the files' maximum, 10^9 MUSD, and a larger value is a usage error (exit 64).
@Suite(.serialized)
struct TargetBudgetLimitTests {
    @Test func aTargetBudgetAboveTheMaximumIsAUsageError() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let mini = library.root.appendingPathComponent("Missions/mini.xml").path
        let report = library.root.appendingPathComponent("report.html").path
        let simulate = ["simulate", mini, "--trials", "20", "--coalition-trials", "0", "--target-budget"]
        #expect(ConsortiumCommand.run(arguments: simulate + ["1e19"]) == 64)
        #expect(ConsortiumCommand.run(arguments: simulate + ["1e19", "--report", report]) == 64)
        #expect(
            ConsortiumCommand.run(arguments: ["compare", mini, mini, "--trials", "20", "--target-budget", "1e19"]) == 64
        )
        #expect(throws: (any Error).self) { try RunOptions.parse(["--target-budget", "1000000001"]) }
        let atMaximum = "\(ValueLimits.maximumAmount)"
        #expect(try RunOptions.parse(["--target-budget", atMaximum]).targetBudget == 1e9)
        #expect(ConsortiumCommand.run(arguments: simulate + [atMaximum, "--report", report]) == 0)
    }
}
