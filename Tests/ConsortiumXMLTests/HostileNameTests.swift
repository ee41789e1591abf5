import ConsortiumModel
import Foundation
import Testing

/// Names and file names with control and bidirectional characters reach the terminal escaped: in
/// `validate`'s diagnostics and in `list`.
@Suite(.serialized)
struct HostileNameTests {
    /// Scalars that must not reach standard output or standard error raw.
    static let dangerous: Set<UInt32> = [0x1B, 0x9B, 0x202E, 0x2066, 0x200F]

    static func raw(_ text: String) -> [String] {
        text.unicodeScalars.filter { dangerous.contains($0.value) }.map { "U+" + String($0.value, radix: 16) }
    }

    @Test func aFileNameWithEscapesIsPrintedEscapedByValidate() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let bytes = try Data(contentsOf: TestLibrary.corpus.appendingPathComponent("invalid/unknown-agency.xml"))
        let name = "Missions/evil\u{1B}[2J\u{202E}lmx.xml"
        try library.write(bytes, at: name)
        let result = try Executable.run(["validate", library.root.path])
        #expect(result.status == 65)
        #expect(Self.raw(result.standardError + result.standardOutput).isEmpty, "\(result.standardError)")
        #expect(result.standardError.contains("Missions/evil<U+001B>[2J<U+202E>lmx.xml:11:42: error: unknown agency"))
    }

    @Test func namesWithBidirectionalAndC1CharactersArePrintedEscapedByList() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let path = library.root.appendingPathComponent("Agencies/alpha.xml")
        var text = try String(contentsOf: path, encoding: .utf8)
        let range = try #require(text.range(of: #"name=""#))
        // Character references: what an attribute can carry (XML 1.0 has no ESC, but C1 CSI and bidi pass).
        text.replaceSubrange(range, with: #"name="&#x9B;2J&#x202E;&#x2066;&#x200F;&#10;forged  row  "#)
        try Data(text.utf8).write(to: path)
        let result = try Executable.run(["list", "--library", library.root.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.raw(result.standardOutput).isEmpty, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("<U+009B>2J<U+202E><U+2066><U+200F><U+000A>forged  row  "))
        #expect(!result.standardOutput.contains("\nforged"))
    }

    @Test func aPathGivenOnTheCommandLineIsPrintedEscapedInErrors() throws {
        let result = try Executable.run(["simulate", "/nonexistent/evil\u{1B}]0;owned\u{7}\u{202E}lmx.xml"])
        #expect(result.status == 64)
        #expect(Self.raw(result.standardError).isEmpty, "\(result.standardError)")
        #expect(result.standardError.contains("evil<U+001B>]0;owned<U+0007><U+202E>lmx.xml"), "\(result.standardError)")
    }
}
