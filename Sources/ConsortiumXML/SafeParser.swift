import CLibXML2
public import ConsortiumModel

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
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            sink.error(
                line: 1, column: 1, code: "malformed-xml",
                "the file is UTF-16 (it starts with a UTF-16 byte-order mark); Consortium files are UTF-8",
                hint: "save the file as UTF-8")
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
        sink.limits = limits

        // Files are UTF-8 (a declared encoding is ignored: no conversion code runs on untrusted bytes, and
        // a file in another encoding gets the "not valid UTF-8" diagnostic with its bytes).
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        consortium_silenceGenericErrors()
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32(clamping: $0.count), path, "UTF-8", options)
            }
        }
        if let hit = sink.limitHit {
            // Stopped while parsing, before the whole tree was built: locate the start tag for the message.
            let source = SourceText(path: path, bytes: bytes)
            let location = source.location(ofOffset: source.lastStartTag(named: hit.name, before: hit.offset) ?? 0)
            sink.diagnostics.append(.error(at: location, code: hit.code, hit.message, hint: hit.hint))
        }
        guard let document else {
            return ParsedDocument(path: path, kind: nil, root: nil, diagnostics: sink.finished())
        }
        defer { xmlFreeDoc(document) }
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

        var builder = TreeBuilder(source: SourceText(path: path, bytes: bytes), limits: limits)
        let root = builder.element(rootNode, depth: 1)
        if let problem = builder.limitProblem {
            sink.diagnostics.append(problem)
            return ParsedDocument(path: path, kind: kind, root: nil, diagnostics: sink.finished())
        }

        validate(document, kind: kind, sink: sink)
        if !sink.schemaErrors.isEmpty {
            let index = ElementIndex(root)
            sink.schemaErrors = sink.schemaErrors.map { $0.located(by: index) }
        }
        return ParsedDocument(path: path, kind: kind, root: root, diagnostics: sink.finished())
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
