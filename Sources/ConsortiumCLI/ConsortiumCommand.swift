public import ArgumentParser

/// The `consortium` command line: parses arguments and hands off to the libraries.
public struct ConsortiumCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "consortium",
        abstract: "Multi-agency mission planning simulator: agencies, contracts, cost, schedule and risk.",
        discussion: """
            Agencies, missions and what-if scenarios are XML files (folders Agencies/ and Missions/). \
            Start with `consortium list` and `consortium validate Missions/`.
            """,
        version: consortiumVersion,
        subcommands: [
            SimulateCommand.self, WhatIfCommand.self, CompareCommand.self, ValidateCommand.self, ListCommand.self,
            SchemaCommand.self, GenerateCommand.self,
        ]
    )
    public init() {}
}

/// The program version, printed by `--version` and recorded in reports.
public let consortiumVersion = "0.1.0"

/// Runs the command line with the process arguments and exits.
public func runConsortium() {
    ConsortiumCommand.main()
}
