import ConsortiumModel
import ConsortiumXML
import Foundation
import Testing

/// Start tags of hostile shapes (thousands of attributes, huge names and values, namespace declarations) are
/// refused by a scan of the bytes before libxml2 sees them; libxml2 2.9 compares each attribute of a start
/// tag with every earlier one, so 100,000 attributes took 20 s.
struct ShapeLimitTests {
    static let head = #"<?xml version="1.0"?>"# + "\n"

    func parse(_ text: String, limits: LoadLimits = .default) -> (ParsedDocument, Duration) {
        var document: ParsedDocument?
        let elapsed = threadCPUTime {
            document = SafeParser.parse(bytes: Array(text.utf8), path: "Missions/x.xml", limits: limits)
        }
        return (document!, elapsed)
    }

    func first(_ code: String, in document: ParsedDocument) -> Diagnostic? {
        document.diagnostics.first { $0.code == code }
    }

    /// `count` attributes ` a0="" a1="" ...`.
    func attributes(_ count: Int, prefix: String = "a") -> String {
        (0..<count).map { " \(prefix)\($0)=\"\"" }.joined()
    }

    @Test func twentyThousandAttributesAreRefusedInUnderASecond() {
        let (document, elapsed) = parse(Self.head + "\n<campaign" + attributes(20_000) + ">\n</campaign>\n")
        let diagnostic = first("too-many-attributes", in: document)
        #expect(diagnostic?.location == SourceLocation(file: "Missions/x.xml", line: 3, column: 1))
        #expect(diagnostic?.message == "the <campaign> start tag has more than 64 attributes, the limit")
        #expect(diagnostic?.hint != nil)
        #expect(document.diagnostics.count == 1, "\(document.diagnostics.prefix(3))")
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test func prefixedAttributesAndNamespaceDeclarationsCountAsAttributes() {
        let prefixed = #"<campaign xmlns:p="urn:p""# + attributes(10_000, prefix: "p:a") + "/>"
        #expect(first("too-many-attributes", in: parse(Self.head + prefixed).0) != nil)
        let declarations = "<campaign" + (0..<65).map { #" xmlns:p\#($0)="urn:\#($0)""# }.joined() + "/>"
        #expect(first("too-many-attributes", in: parse(Self.head + declarations).0) != nil)
    }

    @Test func sixtyFourAttributesAreWithinTheLimit() {
        let element = #"<element id="e" design="capsule" agency="alpha" start="2026-01-01""#
        let (document, _) = parse(Self.head + "<campaign>\n  " + element + attributes(60) + "/>\n</campaign>\n")
        #expect(first("too-many-attributes", in: document) == nil)
        #expect(first("schema", in: document) != nil, "the extra attributes are still schema errors")
        let (over, _) = parse(Self.head + "<campaign>\n  " + element + attributes(61) + "/>\n</campaign>\n")
        // The 65th attribute makes the <element> tag, at line 3, column 3, go over.
        #expect(
            first("too-many-attributes", in: over)?.location
                == SourceLocation(file: "Missions/x.xml", line: 3, column: 3))
    }

    /// What only looks like attributes (in comments, CDATA, processing instructions, text and attribute values,
    /// with `>` inside quotes) is not counted.
    @Test func markupInsideCommentsTextAndValuesIsNotCounted() {
        let many = "<x" + attributes(100) + ">"
        let text =
            Self.head + "<?pi \(many) ?>\n<!-- \(many) -->\n"
            + "<campaign id='a > b\(attributes(100).replacingOccurrences(of: "\"", with: "&quot;"))' name=\"'>'\">"
            + "<source id=\"s\"><![CDATA[\(many)]]> text > \(attributes(100)) </source></campaign>\n"
        let (document, _) = parse(text)
        let codes = Set(document.diagnostics.map(\.code))
        #expect(codes.isDisjoint(with: ["too-many-attributes", "malformed-xml"]), "\(document.diagnostics)")
    }

    @Test func aLongAttributeValueIsRefused() {
        let value = String(repeating: "x", count: 70_000)
        let (document, elapsed) = parse(Self.head + "<campaign\n   id=\"h\" name=\"\(value)\"/>\n")
        let diagnostic = first("value-too-long", in: document)
        #expect(diagnostic?.location == SourceLocation(file: "Missions/x.xml", line: 3, column: 11))
        #expect(diagnostic?.message == "the value of attribute 'name' is 70000 bytes long; the limit is 65536")
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        let (atLimit, _) = parse(Self.head + "<campaign id=\"\(String(repeating: "x", count: 65_536))\"/>\n")
        #expect(first("value-too-long", in: atLimit) == nil)
    }

    @Test func longNamesAreRefused() {
        let long = String(repeating: "e", count: 300)
        let element = first("name-too-long", in: parse(Self.head + "<campaign><\(long)/></campaign>").0)
        #expect(element?.location == SourceLocation(file: "Missions/x.xml", line: 2, column: 11))
        #expect(
            element?.message
                == "the element name 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee...' is 300 bytes long; the limit is 256")
        let attribute = first("name-too-long", in: parse(Self.head + "<campaign id=\"h\" \(long)=\"1\"/>").0)
        #expect(attribute?.location == SourceLocation(file: "Missions/x.xml", line: 2, column: 18))
        #expect(attribute?.message.hasPrefix("the attribute name 'eeee") == true)
        let (atLimit, _) = parse(Self.head + "<campaign \(String(repeating: "a", count: 256))=\"1\"/>")
        #expect(first("name-too-long", in: atLimit) == nil)
    }

    /// A valid file declares no namespace; each declaration in scope makes every prefixed name a longer search.
    @Test func namespaceDeclarationsAreLimitedPerFile() {
        var text = Self.head
        for level in 0..<22 {
            text += "<d\(level)" + (0..<3).map { #" xmlns:p\#(level)x\#($0)="urn:\#(level):\#($0)""# }.joined() + ">\n"
        }
        let (document, _) = parse(text + "<p0x0:x/>")
        // The 65th declaration is the second one of level 21, on line 23: `<d21 xmlns:p21x0="urn:21:0" xmlns:p21x1`.
        let diagnostic = first("too-many-namespaces", in: document)
        #expect(diagnostic?.location == SourceLocation(file: "Missions/x.xml", line: 23, column: 29))
        #expect(diagnostic?.message == "the file declares more than 64 namespaces, the limit")
    }

    /// libxml2 failed with "Huge input lookup" near the end of any file over 10,000,000 bytes read from one
    /// memory block, whatever `--max-file-size` allowed. (One text node over 10,000,000 bytes stays refused.)
    @Test func aFileOverTenMegabytesIsRead() throws {
        let mini = try Data(contentsOf: TestLibrary.corpus.appendingPathComponent("valid/Missions/mini.xml"))
        let padding = String(repeating: String(repeating: " ", count: 5_500_000) + "<x/>", count: 2) + "\n</campaign>"
        let text = String(decoding: mini, as: UTF8.self).replacingOccurrences(of: "</campaign>", with: padding)
        let (document, elapsed) = parse(text)
        #expect(!document.diagnostics.contains { $0.code == "malformed-xml" }, "\(document.diagnostics)")
        #expect(document.diagnostics.map(\.code) == ["schema"], "the two <x/> are one schema error")
        #expect(document.root?.children.count == 10)
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    /// Start tags within the per-tag limit, but so many that their attributes would cost a file's size 38 times
    /// over in memory (and seconds to check against the schema): eight per element allowed, counted in the file.
    @Test func attributesAreLimitedPerFile() {
        let tag = "<x" + attributes(50) + "/>\n"
        let limits = LoadLimits(maxElements: 100)
        let (document, elapsed) = parse(Self.head + "<campaign>\n" + String(repeating: tag, count: 17), limits: limits)
        let diagnostic = first("too-many-attributes", in: document)
        // The 801st attribute is the first of the 17th <x>, on line 19, at column 4.
        #expect(diagnostic?.location == SourceLocation(file: "Missions/x.xml", line: 19, column: 4))
        #expect(diagnostic?.message == "the file has more than 800 attributes, the limit")
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        let (within, _) = parse(Self.head + "<campaign>\n" + String(repeating: tag, count: 16), limits: limits)
        #expect(first("too-many-attributes", in: within) == nil)
    }
}
