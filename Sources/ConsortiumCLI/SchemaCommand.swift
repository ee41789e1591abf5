public import ArgumentParser
public import ConsortiumXML

extension FileKind: ExpressibleByArgument {}

/// `consortium schema KIND`: prints the XSD that files of that kind are validated against.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the XSD for agency, mission or scenario files."
    )

    @Argument(help: "The file kind: \(FileKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: FileKind

    func run() throws {
        try printOutput(kind.schemaText)
    }
}
