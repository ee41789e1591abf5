import ArgumentParser
import ConsortiumModel
import ConsortiumXML

/// `consortium list`: one line per bundled agency, design, vehicle, campaign and scenario.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the agencies, designs, vehicles, campaigns and scenarios of a library."
    )

    @Argument(help: ArgumentHelp("A folder in the library (default: the current folder).", valueName: "dir"))
    var path: String = "."

    @OptionGroup var library: LibraryOptions

    func run() throws {
        try requireExisting([path])
        let outcome = library.loader.load([path], libraryRoot: library.root)
        let lib = outcome.library
        guard outcome.root != nil || library.root != nil else {
            printError(
                "error: no Agencies/ folder at or above '\(path)'; run from the Consortium folder or pass --library")
            throw ExitStatus.usage
        }
        var text = ""
        section(
            "Agencies",
            lib.agencies.sorted { $0.id < $1.id }.map {
                [
                    $0.id.rawValue, $0.kind.rawValue, $0.name, plural($0.designs.count, "design"),
                    plural($0.vehicles.count, "vehicle"),
                ]
            }, to: &text)
        let designs = lib.agencies.flatMap(\.designs).sorted { $0.id < $1.id }
        section("Designs", designs.map { [$0.id.rawValue, $0.kind.rawValue, $0.owner.rawValue, $0.name] }, to: &text)
        let vehicles = lib.agencies.flatMap(\.vehicles).sorted { $0.id < $1.id }
        section(
            "Vehicles",
            vehicles.map {
                [$0.id.rawValue, $0.owner.rawValue, "\($0.successes)/\($0.attempts) flights", $0.name]
            }, to: &text)
        section(
            "Campaigns",
            lib.campaigns.sorted { $0.id < $1.id }.map {
                [$0.id.rawValue, $0.architecture.rawValue, plural($0.missions.count, "mission"), $0.location.file]
            }, to: &text)
        section(
            "Scenarios",
            lib.scenarios.sorted { $0.id < $1.id }.map {
                [$0.id.rawValue, "on \($0.campaign.id)", $0.name, $0.location.file]
            }, to: &text)
        try printOutput(text)
        if outcome.diagnostics.containsErrors {
            printError("note: the library has errors; `consortium validate` lists them")
        }
    }

    /// Appends a titled section of aligned rows (the last column unpadded) to `text`.
    private func section(_ title: String, _ rows: [[String]], to text: inout String) {
        text += "\(title) (\(rows.count))\n"
        // Names and file names come from files: escaped for the terminal before the columns are measured.
        let rows = rows.map { $0.map(TerminalText.escaped) }
        guard let columns = rows.first?.count else { return }
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                column == columns - 1 ? cell : cell.padding(toLength: widths[column])
            }
            text += "  " + cells.joined(separator: "  ") + "\n"
        }
        text += "\n"
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
