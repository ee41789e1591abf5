import ArgumentParser
import ConsortiumModel
import ConsortiumSimulation
import ConsortiumXML
import Foundation

/// `consortium list`: one line per bundled agency, design, vehicle, campaign and scenario.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the agencies, designs, vehicles, campaigns and scenarios of a library.",
        discussion: """
            `consortium list vehicles [dir]` lists each launch vehicle with what a run uses for its reliability: \
            its flight record, its reference class and that class's fitted prior Beta(alpha, beta), its heritage \
            vehicle and weight, and the posterior's mean and P10.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "A folder in the library (default: the current folder), or `vehicles` followed by one.",
            valueName: "dir"))
    var path: String = "."

    @Argument(help: ArgumentHelp("After `vehicles`: a folder in the library.", valueName: "dir"))
    var folder: String?

    @OptionGroup var library: LibraryOptions

    func run() throws {
        if path == "vehicles" && !FileManager.default.fileExists(atPath: path) {
            try listVehicles(in: folder ?? ".")
            return
        }
        if let folder {
            printError(
                "error: unexpected argument '\(folder)'; `consortium list [dir]` or `consortium list vehicles [dir]`")
            throw ExitStatus.usage
        }
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

    /// `consortium list vehicles`: each vehicle's record, class prior, heritage and posterior mean and P10.
    private func listVehicles(in path: String) throws {
        try requireExisting([path])
        let outcome = library.loader.load([path], libraryRoot: library.root)
        guard outcome.root != nil || library.root != nil else {
            printError(
                "error: no Agencies/ folder at or above '\(path)'; run from the Consortium folder or pass --library")
            throw ExitStatus.usage
        }
        let lib = outcome.library
        let resolution = ModelAssumptions.resolve(lib.assumptions)
        guard let assumptions = resolution.assumptions else {
            report(resolution.diagnostics)
            printError("error: the library's assumptions have errors, so its priors are unknown")
            throw ExitStatus.dataError
        }
        func number(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
        var rows: [[String]] = [
            [
                "vehicle", "record", "class", "prior", "heritage", "next", "posterior", "mean", "P10", "early",
                "mature", "name",
            ]
        ]
        for vehicle in lib.agencies.flatMap(\.vehicles).sorted(by: { $0.id < $1.id }) {
            let record = "\(vehicle.successes)/\(vehicle.attempts)"
            guard let reliability = VehicleReliability(vehicle, library: lib, assumptions: assumptions) else {
                rows.append([
                    vehicle.id.rawValue, record, vehicle.referenceClass.id.rawValue, "unknown class", "", "", "", "",
                    "",
                    "", "", vehicle.name,
                ])
                continue
            }
            let prior = reliability.prior
            let next = reliability.flightsBefore + 1
            let mature = reliability.earlyFlights.map { next > $0 } ?? false
            let posterior = mature ? reliability.maturePosterior ?? reliability.posterior : reliability.posterior
            func beta(_ b: BetaPrior?) -> String {
                b.map { "Beta(\(number($0.alpha, 1)), \(number($0.beta, 1)))" } ?? "-"
            }
            let heritage =
                reliability.heritage.map {
                    "\($0) \(reliability.heritageSuccesses)/\(reliability.heritageSuccesses + reliability.heritageFailures)"
                        + " x\(number(reliability.heritageWeight, 2))"
                } ?? "-"
            rows.append([
                vehicle.id.rawValue, record, vehicle.referenceClass.id.rawValue,
                "Beta(\(number(prior.alpha, 2)), \(number(prior.beta, 2)))", heritage, "\(next)", beta(posterior),
                number(posterior.mean, 3), number(posterior.quantile(0.1), 3), beta(reliability.posterior),
                beta(reliability.maturePosterior), vehicle.name,
            ])
        }
        var text = "Vehicles (\(rows.count - 1)): each trial draws a vehicle's success probability from its posterior\n"
        text +=
            "Beta(alpha0 + s + w s_h, beta0 + f + w f_h): the class prior, its own record and its heritage's at weight w\n"
        text +=
            "(early: its class's first flights and its own; mature: later flights; `next` is the number of its next flight\n"
            + "counting its record and its heritage's at weight w, and `posterior` the one that flight flies at)\n"
        let table = rows.map { $0.map(TerminalText.escaped) }
        let widths = (0..<table[0].count).map { column in table.map { $0[column].count }.max() ?? 0 }
        for row in table {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column])
            }
            text += "  " + cells.joined(separator: "  ") + "\n"
        }
        try printOutput(text)
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
