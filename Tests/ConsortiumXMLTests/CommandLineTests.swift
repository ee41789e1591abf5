import ArgumentParser
import ConsortiumCLI
import ConsortiumXML
import Foundation
import Testing

/// Runs `consortium ARGS` in-process and returns the exit code it would exit with.
func exitCode(of arguments: [String]) -> Int32 {
    do {
        var command = try ConsortiumCommand.parseAsRoot(arguments)
        try command.run()
        return 0
    } catch {
        return ConsortiumCommand.exitCode(for: error).rawValue
    }
}

@Suite(.serialized)
struct CommandLineTests {
    @Test func validateExitsZeroOnAValidLibrary() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        #expect(exitCode(of: ["validate", library.root.path]) == 0)
        #expect(exitCode(of: ["validate", library.root.appendingPathComponent("Missions/mini.xml").path]) == 0)
    }

    @Test func validateExits65OnADataError() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        try library.write(Data("<campaign/>".utf8), at: "Missions/broken.xml")
        #expect(exitCode(of: ["validate", library.root.appendingPathComponent("Missions/broken.xml").path]) == 65)
    }

    @Test func validateExits64OnAMissingPathOrABadOption() {
        #expect(exitCode(of: ["validate", "/no/such/file.xml"]) == 64)
        #expect(exitCode(of: ["validate", "--no-such-option"]) == 64)
        #expect(exitCode(of: ["schema", "rocket"]) == 64)
    }

    @Test func warningsFailOnlyWithWerror() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let mini = library.root.appendingPathComponent("Missions/mini.xml")
        let text = try String(contentsOf: mini, encoding: .utf8)
        try library.write(
            Data(text.replacingOccurrences(of: "2027-12-01", with: "2026-03-01").utf8), at: "Missions/mini.xml")
        #expect(exitCode(of: ["validate", mini.path]) == 0)
        #expect(exitCode(of: ["validate", "--werror", mini.path]) == 65)
    }

    @Test(arguments: FileKind.allCases)
    func eachPrintedSchemaValidatesItsOwnKindOfFile(_ kind: FileKind) throws {
        // The schema text shipped in the program is what `consortium schema` prints and what the loader uses.
        #expect(kind.schemaText.hasPrefix("<?xml"))
        #expect(kind.schemaText.contains("<xs:element name=\"\(kind.rootElement)\">"))
    }
}
