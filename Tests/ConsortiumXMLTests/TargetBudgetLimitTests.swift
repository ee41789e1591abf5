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

    /// `--target-budget 0x10` was read as 16 MUSD (a hexadecimal float), and `1_000` or ` 70000` by whatever
    /// Swift's Double(String) accepts: the option takes a plain decimal number.
    @Test(arguments: ["0x10", "0x1p4", "1_000", "infinity", "+-5", ".", "1e", "seventy"])
    func aTargetBudgetThatIsNotADecimalNumberIsAUsageError(_ text: String) throws {
        #expect(throws: (any Error).self) { try RunOptions.parse(["--target-budget", text]) }
    }

    @Test(arguments: [("70000", 70000.0), ("7.5e4", 75000.0), ("0.5", 0.5), ("+12", 12.0), ("1E3", 1000.0)])
    func aDecimalTargetBudgetIsRead(_ text: String, _ value: Double) throws {
        #expect(try RunOptions.parse(["--target-budget", text]).targetBudget == value)
    }

    /// `--target-date 2201-01-01` and `1949-12-31` were accepted although files' dates stop at 1950 and 2200.
    @Test func aTargetDateOutsideTheFilesRangeIsAUsageError() throws {
        #expect(throws: (any Error).self) { try RunOptions.parse(["--target-date", "2201-01-01"]) }
        #expect(throws: (any Error).self) { try RunOptions.parse(["--target-date", "1949-12-31"]) }
        #expect(try RunOptions.parse(["--target-date", "2200-12-31"]).targetDate == "2200-12-31")
        #expect(try RunOptions.parse(["--target-date", "1950-01-01"]).targetDate == "1950-01-01")
    }
}
