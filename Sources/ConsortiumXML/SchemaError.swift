import ConsortiumModel
import Foundation

/// One XSD validation error, parsed out of libxml2's message so it can be located and explained.
///
/// libxml2 writes `Element 'design', attribute 'mass-kg': 'abc' is not a valid value of the atomic
/// type 'Amount'.` with a line but no column. We find the element (and attribute) in the tree to
/// give the exact column, and turn the type name into a hint saying what a valid value looks like.
struct SchemaError {
    let path: String
    let line: Int
    let element: String?
    let attribute: String?
    let detail: String
    var typeName: String?
    var location: SourceLocation

    init(path: String, line: Int, libxmlMessage message: String) {
        self.path = path
        self.line = line
        var element: String?
        var attribute: String?
        var detail = message
        if message.hasPrefix("Element '"), let colon = message.range(of: "': ") {
            let head = message[message.index(message.startIndex, offsetBy: 9)..<colon.lowerBound]
            detail = String(message[colon.upperBound...])
            if let attributeRange = head.range(of: "', attribute '") {
                element = String(head[..<attributeRange.lowerBound])
                attribute = String(head[attributeRange.upperBound...])
            } else {
                element = String(head)
            }
        }
        self.element = element.map(Self.withoutNamespaces)
        self.attribute = attribute
        self.detail = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
        self.typeName = Self.typeName(in: detail)
        self.location = SourceLocation(file: path, line: max(1, line), column: 0)
    }

    /// Whether this is libxml2's generic follow-up to a facet error.
    var isGenericTypeError: Bool { detail.contains("is not a valid value of the") }

    /// `{namespace}name` without the braces' content: `name`.
    static func withoutNamespaces(_ text: String) -> String {
        guard text.contains("{") else { return text }
        var result = ""
        var depth = 0
        for character in text {
            if character == "{" {
                depth += 1
            } else if character == "}" && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                result.append(character)
            }
        }
        return result
    }

    /// Whether libxml2's message is the generic follow-up to a facet error (checked before parsing it).
    ///
    /// Run on every schema error, kept or not, so with `strstr`: Foundation's `contains`, bridged through
    /// `NSString`, made 1.8 million dropped errors take 7 s (the standard library's generic search, 24 s).
    static func isGeneric(_ libxmlMessage: String) -> Bool {
        libxmlMessage.withCString { strstr($0, "is not a valid value of the") != nil }
    }

    /// The same error with the column of its element or attribute, found through `index`.
    func located(by index: ElementIndex) -> SchemaError {
        guard let element, let node = index.last(named: element, endingOnOrBefore: line) else { return self }
        var copy = self
        copy.location = attribute.flatMap { node.attribute($0)?.location } ?? node.location
        return copy
    }

    var diagnostic: Diagnostic {
        var subject = ""
        if let element { subject = attribute.map { "<\(element)> attribute '\($0)'" } ?? "<\(element)>" }
        let message = subject.isEmpty ? detail : "\(subject): \(detail)"
        return .error(at: location, code: "schema", message.showingInvisibles, hint: hint)
    }

    private var hint: String {
        // libxml2 names no type after a facet error on an attribute: a growth factor is known by its element.
        switch element == "growth" && attribute != nil ? "GrowthFactor" : typeName {
        case "Amount": "write a finite number >= 0 as a plain decimal, e.g. 120 or 0.5 (no NaN, INF or exponent)"
        case "Positive": "write a number > 0 as a plain decimal, e.g. 1.25"
        case "Days", "PositiveDays":
            "write a number of days from 0 to \(ValueLimits.maximumDays) as a plain decimal, e.g. 365 (longer than "
                + "the 1950-2200 span of the dates)"
        case "Probability": "write a probability as a decimal between 0 and 1, e.g. 0.95"
        case "Count": "write a whole number from 0 to \(ValueLimits.maximumCount)"
        case "PositiveCount": "write a whole number from 1 to \(ValueLimits.maximumCount)"
        case "GrowthFactor":
            "write a factor from \(ValueLimits.growthFactorRange.lowerBound) to \(ValueLimits.growthFactorRange.upperBound); "
                + "GAO's assessments of NASA's major projects put real growth between 1.0 and 2.0"
        case "Identifier", "IdentifierList":
            "ids use lower-case letters, digits, '.', '_' and '-', and start with a letter or digit"
        case "Date": "write an ISO 8601 date, YYYY-MM-DD, between 1950 and 2200"
        case "Year": "write a year from 1950 to 2200, e.g. 2027"
        default:
            if detail.contains("Missing child") || detail.contains("not expected") {
                "`consortium schema \(kindHint)` prints the expected structure"
            } else if detail.contains("is required but missing") {
                "add the attribute; `consortium schema \(kindHint)` lists each element's attributes"
            } else {
                "`consortium schema \(kindHint)` prints the schema this file must follow"
            }
        }
    }

    private var kindHint: String { "agency|mission|scenario" }

    private static func typeName(in detail: String) -> String? {
        guard let range = detail.range(of: "atomic type '") ?? detail.range(of: "list type '") else { return nil }
        let rest = detail[range.upperBound...]
        return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
    }
}

/// The elements of a tree by name, in order of the line their start tag ends on, built once per file so that
/// locating each schema error is a binary search rather than a walk of the tree.
struct ElementIndex {
    private var byName: [String: [XMLElement]] = [:]

    init(_ root: XMLElement) {
        var stack = [root]
        while let node = stack.popLast() {
            byName[node.name, default: []].append(node)
            stack.append(contentsOf: node.children)
        }
        for name in byName.keys { byName[name]!.sort { $0.endLine < $1.endLine } }
    }

    /// The element called `name` whose start tag ends on `line` or, failing that, the nearest line before.
    func last(named name: String, endingOnOrBefore line: Int) -> XMLElement? {
        guard let nodes = byName[name] else { return nil }
        var low = 0
        var high = nodes.count
        while low < high {
            let mid = (low + high) / 2
            if nodes[mid].endLine <= line { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? nodes[low - 1] : nil
    }
}
