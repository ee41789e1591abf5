import CLibXML2

/// One-time, process-wide libxml2 set-up, done before any parse and before threads use it.
///
/// Initialises the parser and the schema types, and installs an external entity loader that
/// refuses everything, so that no input can make libxml2 open a local file or a URL, whatever
/// options a future change might pass.
enum LibXML2Setup {
    static let done: Bool = {
        xmlInitParser()
        xmlSchemaInitTypes()
        xmlSetExternalEntityLoader(denyExternalEntities)
        return true
    }()
}

/// The external entity loader: loads nothing.
private let denyExternalEntities: xmlExternalEntityLoader = { _, _, _ in nil }
