import ArgumentParser
import ConsortiumXML
import Foundation
import Testing

@testable import ConsortiumCLI

@Suite(.serialized)
struct CommandLineTests {
    @Test func validateExitsZeroOnAValidLibrary() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        #expect(ConsortiumCommand.run(arguments: ["validate", library.root.path]) == 0)
        #expect(
            ConsortiumCommand.run(arguments: [
                "validate", library.root.appendingPathComponent("Missions/mini.xml").path,
            ]) == 0)
    }

    @Test func validateExits65OnADataError() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        try library.write(Data("<campaign/>".utf8), at: "Missions/broken.xml")
        #expect(
            ConsortiumCommand.run(arguments: [
                "validate", library.root.appendingPathComponent("Missions/broken.xml").path,
            ]) == 65)
    }

    @Test func validateExits64OnAMissingPathOrABadOption() {
        #expect(ConsortiumCommand.run(arguments: ["validate", "/no/such/file.xml"]) == 64)
        #expect(ConsortiumCommand.run(arguments: ["validate", "--no-such-option"]) == 64)
        #expect(ConsortiumCommand.run(arguments: ["schema", "rocket"]) == 64)
    }

    /// The loader's limits are options of every command that reads files: lowered, a valid library is refused
    /// (exit 65); out of range, the option is a usage error (exit 64).
    @Test func loadLimitsAreOptions() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let mini = library.root.appendingPathComponent("Missions/mini.xml").path
        #expect(ConsortiumCommand.run(arguments: ["validate", mini]) == 0)
        #expect(ConsortiumCommand.run(arguments: ["validate", "--max-elements", "10", mini]) == 65)
        #expect(ConsortiumCommand.run(arguments: ["simulate", "--max-elements", "10", mini]) == 65)
        #expect(ConsortiumCommand.run(arguments: ["validate", "--max-elements", "0", mini]) == 64)
        #expect(ConsortiumCommand.run(arguments: ["validate", "--max-file-size", "0", mini]) == 64)
        let limits = try LibraryOptions.parse(["--max-file-size", "38", "--max-elements", "462067"]).limits
        #expect(limits.maxFileBytes == 38 << 20 && limits.maxElements == 462_067)
        #expect(limits.maxDepth == LoadLimits.default.maxDepth)
        #expect(try LibraryOptions.parse([]).limits == LoadLimits.default)
    }

    /// A misspelled command gets the closest one and the list; commands, options and `help` pass through.
    @Test func unknownCommandsAreNamedWithASuggestion() {
        #expect(unknownCommand(["simulat", "Missions/artemis.xml"])?.contains("Did you mean 'simulate'?") == true)
        #expect(unknownCommand(["frobnicate"])?.contains("Commands: simulate, whatif") == true)
        #expect(unknownCommand(["simulate", "x.xml"]) == nil)
        #expect(unknownCommand(["help", "simulate"]) == nil)
        #expect(unknownCommand(["--version"]) == nil)
        #expect(unknownCommand([]) == nil)
    }

    /// A negative number is read as the option's value and refused by its range check, not taken for an
    /// option ("Missing value for '--trials'").
    @Test func negativeNumbersReachTheRangeChecks() throws {
        for (arguments, expected) in [
            (["simulate", "m.xml", "--trials", "-5"], "--trials must be at least 1, not -5"),
            (["simulate", "m.xml", "--target-budget", "-3"], "--target-budget must be a positive number"),
            (
                ["generate", "--agencies", "-1", "--elements", "5", "--missions", "1", "--out", "/tmp/x"],
                "--agencies must be between 2 and 10000, not -1"
            ),
        ] {
            do {
                _ = try ConsortiumCommand.parseAsRoot(arguments)
                Issue.record("\(arguments) parsed")
            } catch {
                let message = ConsortiumCommand.message(for: error)
                #expect(message.contains(expected), "\(arguments): \(message)")
                #expect(ConsortiumCommand.exitCode(for: error).rawValue == 64)
            }
        }
    }

    @Test func warningsFailOnlyWithWerror() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let mini = library.root.appendingPathComponent("Missions/mini.xml")
        let text = try String(contentsOf: mini, encoding: .utf8)
        try library.write(
            Data(text.replacingOccurrences(of: "2027-12-01", with: "2026-03-01").utf8), at: "Missions/mini.xml")
        #expect(ConsortiumCommand.run(arguments: ["validate", mini.path]) == 0)
        #expect(ConsortiumCommand.run(arguments: ["validate", "--werror", mini.path]) == 65)
    }

    @Test(arguments: FileKind.allCases)
    func eachPrintedSchemaValidatesItsOwnKindOfFile(_ kind: FileKind) throws {
        // The schema text shipped in the program is what `consortium schema` prints and what the loader uses.
        #expect(kind.schemaText.hasPrefix("<?xml"))
        #expect(kind.schemaText.contains("<xs:element name=\"\(kind.rootElement)\">"))
    }

    /// Bad override syntax, names and values are usage errors (exit 64), checked before anything runs.
    @Test func whatIfRejectsBadOverridesWithExit64() {
        let partner = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Missions/workshop/2-partner.xml").path
        for bad in [
            ["--withdraw", "esa"], ["--withdraw", "esb@2029-01-01"], ["--withdraw", "esa@2029-13-01"],
            ["--budget", "nasa=80@2028-01-01"], ["--budget", "nasa=much@2028-01-01"], ["--delay", "ws-habitat=soon"],
            ["--delay", "no-such-element=10d"], ["--ground", "starship=30d"], ["--fail", "ws-cargo#0"],
            ["--reassign", "ws-habitat-power=nobody"], [],
        ] {
            #expect(ConsortiumCommand.run(arguments: ["whatif", partner] + bad) == 64, "\(bad)")
        }
    }
}

extension CommandLineTests {
    /// Overrides get the checks a scenario file gets: an agency cannot replace itself, and a reassignment
    /// cannot break a cooperation policy (alpha may not work with gamma). Usage errors, exit 64.
    @Test func whatIfRefusesOverridesThatAScenarioFileCouldNotHave() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let mini = library.root.appendingPathComponent("Missions/mini.xml").path
        #expect(
            ConsortiumCommand.run(arguments: ["whatif", mini, "--withdraw", "beta@2027-01-01:beta", "--trials", "10"])
                == 64)
        #expect(
            ConsortiumCommand.run(arguments: [
                "whatif", mini, "--reassign", "module-1-capsule-1=gamma", "--trials", "10",
            ]) == 64)
        #expect(
            ConsortiumCommand.run(arguments: ["whatif", mini, "--withdraw", "beta@2027-01-01:alpha", "--trials", "10"])
                == 0)
    }
}
