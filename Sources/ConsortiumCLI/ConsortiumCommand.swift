public import ArgumentParser
import ConsortiumModel

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
    let status = ConsortiumCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
    ConsortiumCommand.exit(withError: status == 0 ? nil : ExitCode(status))
}

extension ConsortiumCommand {
    /// Runs the command line in this process with `arguments` (without the program name), printing what the
    /// program prints, and returns the status the program exits with. The program and the tests run this.
    ///
    /// Everything is printed through `printOutput` and `printError` (write(2), never a trap): help and
    /// `--version` that cannot be written to standard output exit 74, and so does a run that would exit 0
    /// but could not write to standard error.
    public static func run(arguments: [String]) -> Int32 {
        StandardStreams.resetErrorFailure()
        let status = runReportingErrors(arguments)
        if status == 0, StandardStreams.errorFailed { return ExitStatus.ioError.rawValue }
        return status
    }

    private static func runReportingErrors(_ arguments: [String]) -> Int32 {
        if let problem = unknownCommand(arguments) {
            printError(problem)
            return ExitStatus.usage.rawValue
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            let message = fullMessage(for: error)
            let status = exitCode(for: error)
            guard !message.isEmpty else { return status.rawValue }
            guard status.isSuccess else {
                printError(message)
                return status.rawValue
            }
            do {
                try printOutput(message + "\n")
            } catch {
                return ExitStatus.ioError.rawValue
            }
            return status.rawValue
        }
    }
}

/// The message for a first argument that names no command (ArgumentParser would only say "unexpected
/// arguments"), with the closest command and the list; `nil` when the first argument is an option or a command.
func unknownCommand(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
    let names = ConsortiumCommand.configuration.subcommands.map { $0._commandName }
    guard !names.contains(first), first != "help" else { return nil }
    let suggestion = Suggestion.closest(to: first, among: names).map { " Did you mean '\($0)'?" } ?? ""
    return "error: unknown command '\(first)'.\(suggestion) Commands: \(names.joined(separator: ", "))."
}
