import Foundation
import Testing

/// `--coalition-trials 9223372036854775807` overflowed the cooperation game's block arithmetic (exit 132, a
/// backtrace) and a count of 10^11 ran without end; it is bounded like `--trials` (exit 64).
@Suite(.serialized)
struct CountLimitTests {
    @Test(arguments: ["9223372036854775807", "100000000000"])
    func aCoalitionTrialCountOutOfRangeIsAUsageError(_ count: String) throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let mini = library.root.appendingPathComponent("Missions/mini.xml").path
        for command in [
            ["simulate", mini, "--trials", "20"], ["compare", mini, mini, "--trials", "20"],
        ] {
            let result = try Executable.run(command + ["--coalition-trials", count])
            #expect(result.status == 64, "\(command[0]): \(result.standardError)")
            #expect(result.standardError.contains("--coalition-trials must be between 0 and 100,000,000"))
        }
    }
}
