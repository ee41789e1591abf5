import CLibXML2

/// The four XSDs, compiled once from the text shipped in the program and shared by all threads.
///
/// libxml2 allows one compiled schema to be used by many validation contexts at once (verified
/// on libxml2 2.9.14); each validation creates its own context.
final class CompiledSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    init(kind: FileKind) {
        precondition(LibXML2Setup.done)
        // libxml2 reads the buffer during `xmlSchemaParse`, not when the context is created, so the
        // text must stay alive (and pinned) until parsing ends.
        var text = Array(kind.schemaText.utf8)
        let (parserContext, parsed): (xmlSchemaParserCtxtPtr?, xmlSchemaPtr?) = text.withUnsafeMutableBufferPointer {
            buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count))
                return (context, context.flatMap { xmlSchemaParse($0) })
            }
        }
        guard let parserContext, let schema = parsed else {
            preconditionFailure("the built-in \(kind.rawValue) schema does not compile")
        }
        xmlSchemaFreeParserCtxt(parserContext)
        pointer = schema
    }

    static let agency = CompiledSchema(kind: .agency)
    static let mission = CompiledSchema(kind: .mission)
    static let scenario = CompiledSchema(kind: .scenario)
    static let assumptions = CompiledSchema(kind: .assumptions)

    static func of(_ kind: FileKind) -> CompiledSchema {
        switch kind {
        case .agency: agency
        case .mission: mission
        case .scenario: scenario
        case .assumptions: assumptions
        }
    }
}
