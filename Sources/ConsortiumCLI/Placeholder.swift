public import ArgumentParser

/// The `consortium` command line.
public struct ConsortiumCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "consortium",
        abstract: "Multi-agency mission planning simulator."
    )
    public init() {}
}

/// Runs the command line with the process arguments and exits.
public func runConsortium() {
    ConsortiumCommand.main()
}
