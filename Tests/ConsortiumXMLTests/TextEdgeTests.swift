import ConsortiumModel
import ConsortiumXML
import Testing

/// Bytes that text editors and other systems leave in files: NUL bytes, old Mac line ends (CR only), UTF-32.
struct TextEdgeTests {
    func parse(_ bytes: [UInt8]) -> ParsedDocument {
        SafeParser.parse(bytes: bytes, path: "Missions/x.xml")
    }

    func parse(_ text: String) -> ParsedDocument { parse(Array(text.utf8)) }

    static let campaign =
        #"<campaign id="h" name="H" lead="alpha" architecture="lead-agency" start="2026-01-01">"#

    /// libxml2 takes a NUL byte for the end of the text: whatever followed it was never read.
    @Test func bytesAfterANulAreNotIgnored() {
        let document = parse(#"<?xml version="1.0"?>"# + "\n<campaign id=\"h\"/>\n\u{0}<garbage")
        let diagnostic = document.diagnostics.first { $0.code == "nul-byte" }
        #expect(diagnostic?.location == SourceLocation(file: "Missions/x.xml", line: 3, column: 1))
        #expect(diagnostic?.message == "the file holds a NUL byte (0x00) here; XML text cannot contain one")
        #expect(document.root == nil)
    }

    @Test func aNulInsideAValueIsLocated() {
        let document = parse("<campaign\n  id=\"ab\u{0}cd\"/>\n")
        #expect(document.diagnostics.map(\.code) == ["nul-byte"])
        #expect(document.diagnostics.first?.location == SourceLocation(file: "Missions/x.xml", line: 2, column: 9))
    }

    /// Old Mac files end lines with CR alone. XML reads a lone CR as a line end; libxml2 counts only LF.
    @Test func crOnlyLineEndsGiveTheRightLines() {
        let text = [
            #"<?xml version="1.0"?>"#, "<!-- one -->", "<!-- two -->",
            #"<campaign id="h" name="H" lead="alpha" architecture="lead-agency" start="2026-13-01">"#,
            "</campaign>",
        ].joined(separator: "\r")
        let document = parse(text)
        // The invalid date is on line 4; its attribute starts at column 67.
        let schema = document.diagnostics.first { $0.code == "schema" && $0.message.contains("'start'") }
        #expect(
            schema?.location == SourceLocation(file: "Missions/x.xml", line: 4, column: 67), "\(document.diagnostics)")

        let malformed = parse(
            ["<?xml version=\"1.0\"?>", "", "", TextEdgeTests.campaign, "</campaing>"].joined(separator: "\r"))
        let error = malformed.diagnostics.first { $0.code == "malformed-xml" }
        #expect(error?.location.line == 5, "\(malformed.diagnostics)")
    }

    @Test func crOnlyLineEndsLocateLimitErrors() {
        let text = "<campaign>\r\r" + String(repeating: "<description>", count: 40) + "\r"
        let diagnostic = parse(text).diagnostics.first { $0.code == "too-deep" }
        // Level 33 is the 32nd <description>, on line 3 at column 31 * 13 + 1.
        #expect(diagnostic?.location == SourceLocation(file: "Missions/x.xml", line: 3, column: 404))
    }

    @Test(arguments: [[0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF]] as [[UInt8]])
    func aUTF32ByteOrderMarkIsNamed(_ mark: [UInt8]) {
        let little = mark[0] == 0xFF
        var bytes = mark
        for scalar in "<campaign/>".unicodeScalars {
            let value = [UInt8(scalar.value), 0, 0, 0]
            bytes += little ? value : value.reversed()
        }
        let document = parse(bytes)
        #expect(document.diagnostics.count == 1)
        let message = document.diagnostics.first?.message ?? ""
        #expect(message.hasPrefix("the file is UTF-32"), "\(message)")
        #expect(document.diagnostics.first?.location == SourceLocation(file: "Missions/x.xml", line: 1, column: 1))
    }

    @Test func aUTF16ByteOrderMarkIsStillNamed() {
        let document = parse([0xFF, 0xFE] + "<campaign/>".utf8.flatMap { [$0, 0] })
        #expect(document.diagnostics.first?.message.hasPrefix("the file is UTF-16") == true)
    }
}
