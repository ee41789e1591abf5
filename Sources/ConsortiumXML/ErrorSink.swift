import CLibXML2
import ConsortiumModel
import Foundation

/// Collects what libxml2 reports during one parse and validation, as diagnostics.
///
/// Called back synchronously from C on the parsing thread; one sink per file.
final class ErrorSink {
    let path: String
    var diagnostics: [Diagnostic] = []
    var schemaErrors: [SchemaError] = []
    /// Set when the parse was stopped on purpose (a DOCTYPE, a limit); later parser errors are consequences.
    var stopped = false
    /// The limits checked while parsing, element by element.
    var limits = LoadLimits.default
    /// Elements started so far.
    var elementCount = 0
    /// The element that went over a limit while parsing: its qualified name, the byte offset just after its
    /// start tag, and the diagnostic's code, message and hint.
    var limitHit: (name: String, offset: Int, code: String, message: String, hint: String)?

    init(path: String) { self.path = path }

    func error(line: Int, column: Int, code: String, _ message: String, hint: String? = nil) {
        diagnostics.append(
            .error(
                at: SourceLocation(file: path, line: max(1, line), column: column), code: code,
                message, hint: hint))
    }

    /// All diagnostics, schema errors included, in file order.
    func finished() -> [Diagnostic] {
        var all = diagnostics + schemaErrors.map(\.diagnostic)
        if droppedSchemaErrors > 0 {
            all.append(
                .error(
                    at: SourceLocation(file: path, line: max(1, firstDroppedLine), column: 1), code: "too-many-errors",
                    "\(droppedSchemaErrors) more schema errors from here on are not shown (the first "
                        + "\(Self.maxSchemaErrors) are)",
                    hint: "fix the errors above first; many errors are often one mistake repeated"))
        }
        return all.sorted()
    }

    func recordParserError(_ error: xmlError) {
        guard !stopped else { return }
        let message = error.message.map { String(cString: $0) } ?? "unknown XML error"
        let (text, hint) = Self.explainParserMessage(message.trimmingWhitespace)
        let location = SourceLocation(file: path, line: max(1, Int(error.line)), column: Int(error.int2))
        if error.level == XML_ERR_WARNING {
            diagnostics.append(.warning(at: location, code: "xml-warning", text, hint: hint))
        } else if !diagnostics.containsErrors {
            // libxml2 stops at the first fatal error; what follows is noise.
            diagnostics.append(.error(at: location, code: "malformed-xml", text, hint: hint))
        }
    }

    /// Most schema errors kept per file. Each is located by a walk of the element tree, so a file of tens of
    /// thousands of invalid elements would otherwise take minutes; the first ones are what the author needs.
    static let maxSchemaErrors = 100
    /// Schema errors past `maxSchemaErrors`, counted but not kept, and the line of the first of them.
    var droppedSchemaErrors = 0
    var firstDroppedLine = 0

    func recordSchemaError(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) } ?? "schema validation failed"
        let line = Int(error.line)
        if schemaErrors.count >= Self.maxSchemaErrors {
            // A generic follow-up of the last kept error is merged below; anything else is dropped unparsed.
            if !(SchemaError.isGeneric(message) && schemaErrors.last?.line == line) {
                if droppedSchemaErrors == 0 { firstDroppedLine = line }
                droppedSchemaErrors += 1
                return
            }
        }
        schemaErrors.append(SchemaError(path: path, line: line, libxmlMessage: message.trimmingWhitespace))
        // A facet error is followed by a generic "not a valid value of the atomic type" one; keep the first.
        let count = schemaErrors.count
        if count >= 2, schemaErrors[count - 1].isGenericTypeError,
            schemaErrors[count - 2].line == schemaErrors[count - 1].line,
            schemaErrors[count - 2].attribute == schemaErrors[count - 1].attribute
        {
            let generic = schemaErrors.removeLast()
            schemaErrors[count - 2].typeName = generic.typeName
        }
    }

    /// Rewrites libxml2's well-formedness messages for people, with a hint.
    static func explainParserMessage(_ message: String) -> (String, String) {
        if message.contains("not proper UTF-8") || message.contains("Invalid bytes in character encoding") {
            let bytes = message.components(after: "Bytes:")
            return (
                "the file is not valid UTF-8" + (bytes.isEmpty ? "" : " (bytes \(bytes))"),
                "save the file as UTF-8 (without a byte-order mark in the middle of the text)"
            )
        }
        if message.contains("Document is empty") || message.contains("Start tag expected") {
            return ("the file holds no XML element", "the first element must be <agency>, <campaign> or <scenario>")
        }
        if message.contains("Excessive depth") {
            return ("elements are nested too deeply (more than 256 levels)", "Consortium files nest at most 6 levels")
        }
        if message.contains("Premature end of data") || message.contains("EndTag: '</' not found")
            || message.contains("Extra content at the end") && message.isEmpty
        {
            return ("the file ends before its elements are closed: \(message)", "is the file truncated?")
        }
        if message.hasPrefix("Entity '") {
            return (message, "only &amp; &lt; &gt; &quot; &apos; and numeric character references are allowed")
        }
        return (message, "the file is not well-formed XML; check the markup at this place")
    }
}

extension String {
    var trimmingWhitespace: String {
        // The common cases without Character properties: an id or a number (no space at either end), and
        // an element's indentation only.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        // The common case in a parsed tree, an element's indentation only, without Character properties.
        if utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return "" }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// The text with the characters that print as nothing (a byte-order mark, zero-width spaces, control
    /// characters) written as `<U+FEFF>`, so that a message quoting a value with one of them can be read.
    var showingInvisibles: String {
        var out = ""
        for scalar in unicodeScalars {
            let invisible =
                (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
                || scalar.properties.generalCategory == .format
            if invisible {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text after `marker`, trimmed; empty when the marker is absent.
    func components(after marker: String) -> String {
        guard let range = range(of: marker) else { return "" }
        return String(self[range.upperBound...]).trimmingWhitespace
    }
}
