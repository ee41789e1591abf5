import CLibXML2

/// The three XSDs, compiled once from the text shipped in the program and shared by all threads.
///
/// libxml2 allows one compiled schema to be used by many validation contexts at once (verified
/// on libxml2 2.9.14); each validation creates its own context.
final class CompiledSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    init(kind: FileKind) {
        precondition(LibXML2Setup.done)
        let text = Array(kind.schemaText.utf8)
        let parserContext = text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlSchemaNewMemParserCtxt($0.baseAddress, Int32($0.count)) }
        }
        guard let parserContext, let schema = xmlSchemaParse(parserContext) else {
            preconditionFailure("the built-in \(kind.rawValue) schema does not compile")
        }
        xmlSchemaFreeParserCtxt(parserContext)
        pointer = schema
    }

    static let agency = CompiledSchema(kind: .agency)
    static let mission = CompiledSchema(kind: .mission)
    static let scenario = CompiledSchema(kind: .scenario)

    static func of(_ kind: FileKind) -> CompiledSchema {
        switch kind {
        case .agency: agency
        case .mission: mission
        case .scenario: scenario
        }
    }
}
