import CLibXML2
public import ConsortiumModel
import Foundation

/// The result of reading one file: its element tree (when it parsed) and what went wrong.
public struct ParsedDocument: Sendable {
    public let path: String
    public let kind: FileKind?
    public let root: XMLElement?
    public let diagnostics: [Diagnostic]
}

/// Parses untrusted bytes with libxml2 and validates them against the file kind's XSD.
///
/// Safety, in order: bytes are read by us and parsed from memory; the network is off
/// (`XML_PARSE_NONET`); any DOCTYPE stops the parser at once (so no entity is ever declared,
/// expanded or loaded); external entities have a deny-all loader; entity substitution,
/// DTD loading, XInclude, recovery and "huge" mode are never enabled. The tree is converted to
/// Swift values and freed before returning.
public enum SafeParser {
    /// Parses and validates `bytes`, which came from `path`.
    public static func parse(bytes: [UInt8], path: String, limits: LoadLimits = .default) -> ParsedDocument {
        precondition(LibXML2Setup.done)
        let sink = ErrorSink(path: path)
        guard !bytes.isEmpty else {
            sink.error(
                line: 1, column: 1, code: "empty-file", "the file is empty",
                hint: "an agency file starts with <agency ...>, a mission file with <campaign ...>")
            return ParsedDocument(path: path, kind: nil, root: nil, diagnostics: sink.diagnostics)
        }
        if let encoding = foreignEncoding(of: bytes) {
            sink.error(
                line: 1, column: 1, code: "malformed-xml",
                "the file is \(encoding); Consortium files are UTF-8", hint: "save the file as UTF-8")
            return ParsedDocument(path: path, kind: nil, root: nil, diagnostics: sink.diagnostics)
        }
        // XML reads a lone CR as a line end (XML 1.0 section 2.11) but libxml2 counts lines by LF only: a lone
        // CR becomes an LF, which changes neither the document nor any offset, and every line number agrees.
        let bytes = withLoneCarriageReturnsAsLineFeeds(bytes)
        let source = SourceText(path: path, bytes: bytes)
        if let shape = bytes.withUnsafeBufferPointer({ MarkupScan.firstViolation(in: $0, limits: limits) }) {
            sink.diagnostics.append(
                .error(at: source.location(ofOffset: shape.offset), code: shape.code, shape.message, hint: shape.hint))
            return ParsedDocument(path: path, kind: nil, root: nil, diagnostics: sink.diagnostics)
        }
        guard let context = xmlNewParserCtxt() else {
            sink.error(line: 1, column: 0, code: "out-of-memory", "libxml2 could not create a parser")
            return ParsedDocument(path: path, kind: nil, root: nil, diagnostics: sink.diagnostics)
        }
        defer { xmlFreeParserCtxt(context) }
        let unmanagedSink = Unmanaged.passUnretained(sink)
        context.pointee._private = unmanagedSink.toOpaque()
        context.pointee.sax.pointee.internalSubset = refuseDoctype
        context.pointee.sax.pointee.externalSubset = nil
        context.pointee.sax.pointee.serror = parserErrorHandler
        context.pointee.sax.pointee.startElementNs = limitedStartElement
        // Comments and processing instructions are never read: without these callbacks they cost no tree node.
        context.pointee.sax.pointee.comment = nil
        context.pointee.sax.pointee.processingInstruction = nil
        sink.limits = limits

        // Files are UTF-8 (a declared encoding is ignored: no conversion code runs on untrusted bytes, and
        // a file in another encoding gets the "not valid UTF-8" diagnostic with its bytes).
        // `XML_PARSE_COMPACT` keeps texts of up to 15 bytes (most attribute values) inside their node.
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_IGNORE_ENC.rawValue
                | XML_PARSE_COMPACT.rawValue)
        consortium_silenceGenericErrors()
        // Read through a callback, not from one memory block: libxml2 then holds only a window of the text (it
        // copies a memory block whole, and fails with "Huge input lookup" near the end of one over 10 MB).
        let document = bytes.withUnsafeBufferPointer { buffer in
            let reader = ByteReader(buffer)
            return withExtendedLifetime(reader) {
                xmlCtxtReadIO(
                    context, readBytes, nil, Unmanaged.passUnretained(reader).toOpaque(), path, "UTF-8", options)
            }
        }
        if let hit = sink.limitHit {
            // Stopped while parsing, before the whole tree was built: locate the start tag for the message.
            let location = source.location(ofOffset: source.lastStartTag(named: hit.name, before: hit.offset) ?? 0)
            sink.diagnostics.append(.error(at: location, code: hit.code, hit.message, hint: hit.hint))
        }
        defer { if let document { xmlFreeDoc(document) } }
        if let nul = source.firstNul {
            // libxml2 takes a NUL for the end of the text, so it read no further: what it found before the NUL
            // stands, the rest (an unclosed element, say) is a consequence of stopping there.
            let at = source.location(ofOffset: nul)
            sink.diagnostics.removeAll { ($0.location.line, $0.location.column) >= (at.line, at.column) }
            sink.diagnostics.append(
                .error(
                    at: at, code: "nul-byte", "the file holds a NUL byte (0x00) here; XML text cannot contain one",
                    hint: "the file may be binary, UTF-16 or cut short by a crash; save it as UTF-8 text"))
            return ParsedDocument(path: path, kind: nil, root: nil, diagnostics: sink.diagnostics.sorted())
        }
        guard let document else {
            return ParsedDocument(path: path, kind: nil, root: nil, diagnostics: sink.finished())
        }
        if sink.stopped || sink.diagnostics.containsErrors {
            return ParsedDocument(path: path, kind: nil, root: nil, diagnostics: sink.finished())
        }
        guard let rootNode = xmlDocGetRootElement(document) else {
            sink.error(line: 1, column: 1, code: "no-root", "the file has no root element")
            return ParsedDocument(path: path, kind: nil, root: nil, diagnostics: sink.finished())
        }
        let rootName = String(cString: rootNode.pointee.name)
        guard let kind = FileKind(rootElement: rootName) else {
            let names = FileKind.allCases.map { "<\($0.rootElement)>" }.joined(separator: ", ")
            sink.error(
                line: Int(xmlGetLineNo(rootNode)), column: 1, code: "unknown-root",
                "the root element <\(rootName)> is not a Consortium file", hint: "the root must be one of \(names)")
            return ParsedDocument(path: path, kind: nil, root: nil, diagnostics: sink.finished())
        }

        // Validated first, then copied into Swift values node by node, each libxml2 node freed once copied:
        // the two trees are never held whole at the same time.
        validate(document, kind: kind, sink: sink)
        var builder = TreeBuilder(source: source, limits: limits)
        let root = builder.element(rootNode, depth: 1)
        if let problem = builder.limitProblem {
            sink.diagnostics.append(problem)
            return ParsedDocument(path: path, kind: kind, root: nil, diagnostics: sink.finished())
        }
        if !sink.schemaErrors.isEmpty {
            let index = ElementIndex(root)
            sink.schemaErrors = sink.schemaErrors.map { $0.located(by: index) }
        }
        return ParsedDocument(path: path, kind: kind, root: root, diagnostics: sink.finished())
    }

    /// The encoding named by a UTF-32 or UTF-16 byte-order mark, or suggested by a first `<` of 2 or 4 bytes;
    /// `nil` for anything else (UTF-8 or not, the parser says).
    static func foreignEncoding(of bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4))
        switch head {
        case [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF]:
            return "UTF-32 (it starts with a UTF-32 byte-order mark)"
        case [0x3C, 0x00, 0x00, 0x00], [0x00, 0x00, 0x00, 0x3C]:
            return "UTF-32 (its first character, '<', takes four bytes)"
        default:
            break
        }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return "UTF-16 (it starts with a UTF-16 byte-order mark)"
        }
        if head.starts(with: [0x3C, 0x00]) || head.starts(with: [0x00, 0x3C]) {
            return "UTF-16 (its first character, '<', takes two bytes)"
        }
        return nil
    }

    /// `bytes` with each CR that is not followed by an LF replaced by an LF (the same length).
    static func withLoneCarriageReturnsAsLineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        var copy: [UInt8]?
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0D, buffer.count - offset) {
                let cr = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if cr + 1 == buffer.count || buffer[cr + 1] != 0x0A {
                    if copy == nil { copy = bytes }
                    copy![cr] = 0x0A
                }
                offset = cr + 1
            }
        }
        return copy ?? bytes
    }

    private static func validate(_ document: xmlDocPtr, kind: FileKind, sink: ErrorSink) {
        guard let validation = xmlSchemaNewValidCtxt(CompiledSchema.of(kind).pointer) else { return }
        defer { xmlSchemaFreeValidCtxt(validation) }
        let unmanagedSink = Unmanaged.passUnretained(sink)
        xmlSchemaSetValidStructuredErrors(validation, schemaErrorHandler, unmanagedSink.toOpaque())
        // With a file name given, libxml2 does not derive one from the error's node, a search that walks back
        // over every earlier sibling (for XInclude markers) on each error: minutes for thousands of errors in
        // a long file. The line is then read from the error's node in `schemaErrorHandler`.
        sink.path.withCString { xmlSchemaValidateSetFilename(validation, $0) }
        xmlSchemaValidateDoc(validation, document)
    }
}

/// The bytes of a file handed to libxml2 a chunk at a time, by `readBytes`.
private final class ByteReader {
    let buffer: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }
}

/// libxml2's input callback: copies the next `length` bytes at most into `destination`; 0 at the end.
private let readBytes: xmlInputReadCallback = { context, destination, length in
    guard let context, let destination else { return -1 }
    let reader = Unmanaged<ByteReader>.fromOpaque(context).takeUnretainedValue()
    let count = min(Int(length), reader.buffer.count - reader.position)
    guard count > 0, let base = reader.buffer.baseAddress else { return 0 }
    memcpy(destination, base + reader.position, count)
    reader.position += count
    return Int32(count)
}

/// SAX `internalSubset`: a DOCTYPE was met. Record it and stop the parser before any declaration.
private let refuseDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    guard let context else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    if let raw = parser.pointee._private {
        let sink = Unmanaged<ErrorSink>.fromOpaque(raw).takeUnretainedValue()
        let line = parser.pointee.input.map { Int($0.pointee.line) } ?? 1
        sink.error(
            line: line, column: 1, code: "doctype-forbidden",
            "a DOCTYPE declaration is not allowed in a Consortium file",
            hint: "delete the <!DOCTYPE ...> line: files may not declare entities or load external content")
        sink.stopped = true
    }
    xmlStopParser(parser)
}

/// SAX `startElementNs`: counts elements and checks their depth as they are parsed, stopping the parser at
/// the first one over a limit (so that an oversized tree is never built), then builds the element as
/// libxml2's own handler does.
private let limitedStartElement: startElementNsSAX2Func = {
    context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes in
    guard let context else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    if let raw = parser.pointee._private {
        let sink = Unmanaged<ErrorSink>.fromOpaque(raw).takeUnretainedValue()
        sink.elementCount += 1
        // The element's ancestors are on the parser's name stack; it is pushed after this call.
        let depth = Int(parser.pointee.nameNr) + 1
        if let problem = sink.limits.violation(depth: depth, elements: sink.elementCount) {
            var name = localName.map { String(cString: $0) } ?? "?"
            if let prefix { name = String(cString: prefix) + ":" + name }
            // The offset just after the start tag: the input is the file's bytes (UTF-8, not converted).
            var offset = 0
            if let input = parser.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base {
                offset = Int(input.pointee.consumed) + base.distance(to: cur)
            }
            sink.limitHit = (name, offset, problem.code, problem.message, problem.hint)
            sink.stopped = true
            xmlStopParser(parser)
            return
        }
    }
    xmlSAX2StartElementNs(
        context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes)
}

/// Structured errors from the parser; `userData` is the parser context.
private let parserErrorHandler: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let parser = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = parser.pointee._private else { return }
    let sink = Unmanaged<ErrorSink>.fromOpaque(raw).takeUnretainedValue()
    sink.recordParserError(error.pointee)
}

/// Structured errors from schema validation; `userData` is the sink.
private let schemaErrorHandler: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let sink = Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue()
    var copy = error.pointee
    if copy.line == 0, var node = copy.node?.assumingMemoryBound(to: xmlNode.self) {
        // An attribute's line is its element's.
        if node.pointee.type == XML_ATTRIBUTE_NODE, let parent = node.pointee.parent { node = parent }
        copy.line = Int32(clamping: xmlGetLineNo(node))
    }
    sink.recordSchemaError(copy)
}
