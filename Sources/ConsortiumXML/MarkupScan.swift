import Foundation

/// A linear scan of a file's start tags, run before libxml2 sees the bytes, that finds the first shape
/// over a limit: too many attributes in one start tag, an over-long name or attribute value, too many
/// namespace declarations.
///
/// libxml2 2.9 compares each attribute of a start tag with every earlier one (`xmlParseStartTag2`) before
/// any SAX callback runs, so one start tag of 100,000 attributes took 20 s; no callback can stop that in
/// time, so the bytes are checked first. The scan skips what cannot hold a start tag (text, comments,
/// CDATA sections, processing instructions, end tags and quoted values) with `memchr` and `memmem`, and reads
/// each start tag once: O(bytes) in all. It stops, finding nothing, at the first `<!` that is neither a comment
/// nor a CDATA section (a DOCTYPE, which libxml2 then refuses, or an error at which libxml2 stops), so it
/// never reads beyond what libxml2 will. It is lenient where libxml2 is strict (an unquoted value counts as
/// an attribute name): it may only count more than libxml2 would, never less.
struct MarkupScan {
    /// A limit passed: where, and the diagnostic's code, message and hint.
    struct Violation: Equatable {
        let offset: Int
        let code: String
        let message: String
        let hint: String
    }

    /// The first limit that the start tags in `bytes` pass, or `nil`.
    ///
    /// - Complexity: O(`bytes.count`).
    static func firstViolation(in bytes: UnsafeBufferPointer<UInt8>, limits: LoadLimits) -> Violation? {
        var scan = MarkupScan(bytes: bytes, limits: limits)
        return scan.run()
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: LoadLimits
    private var namespaces = 0
    private var attributesInFile = 0
    private var elements = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, limits: LoadLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    private mutating func run() -> Violation? {
        var i = 0
        let count = bytes.count
        while let open = find(UInt8(ascii: "<"), from: i) {
            guard open + 1 < count else { return nil }
            switch bytes[open + 1] {
            case UInt8(ascii: "/"):
                i = open + 2
            case UInt8(ascii: "?"):
                guard let end = find("?>", from: open + 2) else { return nil }
                i = end + 2
            case UInt8(ascii: "!"):
                if starts(with: "<!--", at: open) {
                    guard let end = find("-->", from: open + 4) else { return nil }
                    i = end + 3
                } else if starts(with: "<![CDATA[", at: open) {
                    guard let end = find("]]>", from: open + 9) else { return nil }
                    i = end + 3
                } else {
                    return nil
                }
            default:
                // Past the element limit, the parser stops at this element with its own diagnostic.
                elements += 1
                if elements > limits.maxElements { return nil }
                switch startTag(at: open) {
                case .next(let offset): i = offset
                case .violation(let violation): return violation
                case .end: return nil
                }
            }
        }
        return nil
    }

    private enum Step {
        case next(Int)
        case violation(Violation)
        case end
    }

    /// Reads the start tag whose `<` is at `open`, checking its names, values and attribute count.
    private mutating func startTag(at open: Int) -> Step {
        let count = bytes.count
        var i = open + 1
        let nameEnd = self.nameEnd(from: i)
        if nameEnd - i > limits.maxNameBytes { return .violation(longName("element", at: open, from: i, to: nameEnd)) }
        let elementName = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<nameEnd]), as: UTF8.self)
        i = nameEnd
        var attributes = 0
        while i < count {
            let byte = bytes[i]
            if isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") {
                i += 1
            } else if byte == UInt8(ascii: ">") {
                return .next(i + 1)
            } else if byte == UInt8(ascii: "<") {
                return .next(i)  // an error for libxml2; read on as markup
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let close = find(byte, from: i + 1) else { return .end }
                i = close + 1  // a value without a name, an error for libxml2
            } else {
                let nameStart = i
                i = self.nameEnd(from: i)
                if i - nameStart > limits.maxNameBytes {
                    return .violation(longName("attribute", at: nameStart, from: nameStart, to: i))
                }
                attributes += 1
                if attributes > limits.maxAttributesPerTag {
                    return .violation(
                        Violation(
                            offset: open, code: "too-many-attributes",
                            message:
                                "the <\(elementName)> start tag has more than \(limits.maxAttributesPerTag) attributes, "
                                + "the limit",
                            hint: "Consortium elements have a dozen attributes at most; is this the right file?"))
                }
                attributesInFile += 1
                if attributesInFile > limits.maxAttributes {
                    return .violation(
                        Violation(
                            offset: nameStart, code: "too-many-attributes",
                            message: "the file has more than \(limits.maxAttributes) attributes, the limit",
                            hint:
                                "is this the right file? The limit is 8 per element allowed; if you trust the file, "
                                + "raise it with --max-elements <count>"))
                }
                if isNamespaceDeclaration(from: nameStart, to: i) {
                    namespaces += 1
                    if namespaces > limits.maxNamespaceDeclarations {
                        return .violation(
                            Violation(
                                offset: nameStart, code: "too-many-namespaces",
                                message:
                                    "the file declares more than \(limits.maxNamespaceDeclarations) namespaces, the limit",
                                hint: "Consortium files need no namespace declaration (xmlns); delete them"))
                    }
                }
                var j = i
                while j < count, isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "=") { j += 1 }
                guard j < count else { return .end }
                let quote = bytes[j]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
                guard let close = find(quote, from: j + 1) else { return .end }
                let length = close - j - 1
                if length > limits.maxValueBytes {
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
                    return .violation(
                        Violation(
                            offset: nameStart, code: "value-too-long",
                            message:
                                "the value of attribute '\(name)' is \(length) bytes long; the limit is "
                                + "\(limits.maxValueBytes)",
                            hint: "Consortium texts are at most 4,000 characters; is this the right file?"))
                }
                i = close + 1
            }
        }
        return .end
    }

    private func longName(_ kind: String, at offset: Int, from start: Int, to end: Int) -> Violation {
        let shown = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + 32]), as: UTF8.self)
        return Violation(
            offset: offset, code: "name-too-long",
            message: "the \(kind) name '\(shown)...' is \(end - start) bytes long; the limit is \(limits.maxNameBytes)",
            hint: "Consortium names are a few words long; is this the right file?")
    }

    /// The end of the name starting at `start`: the first space, `=`, `/`, `>`, `<` or quote.
    private func nameEnd(from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "="), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"),
                UInt8(ascii: "\""), UInt8(ascii: "'"):
                return i
            default:
                i += 1
            }
        }
        return i
    }

    /// Whether the name from `start` to `end` is `xmlns` or `xmlns:prefix`.
    private func isNamespaceDeclaration(from start: Int, to end: Int) -> Bool {
        let length = end - start
        guard length == 5 || (length > 6 && bytes[start + 5] == UInt8(ascii: ":")) else { return false }
        return starts(with: "xmlns", at: start)
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func starts(with text: StaticString, at offset: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        guard offset + length <= bytes.count, let base = bytes.baseAddress else { return false }
        return memcmp(base + offset, text.utf8Start, length) == 0
    }

    /// The offset of the first `byte` at or after `start`.
    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the first `text` at or after `start`: its first byte found by `memchr`, the rest compared.
    private func find(_ text: StaticString, from start: Int) -> Int? {
        let first = text.utf8Start.pointee
        var i = start
        while let candidate = find(first, from: i) {
            if starts(with: text, at: candidate) { return candidate }
            i = candidate + 1
        }
        return nil
    }
}
