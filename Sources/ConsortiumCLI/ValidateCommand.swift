import ArgumentParser
import ConsortiumModel
import ConsortiumSimulation
import ConsortiumXML
import Foundation

/// Exit codes from BSD `sysexits.h`, which scripts and CI can tell apart.
enum ExitStatus {
    /// EX_USAGE: the command was used wrongly (a missing path, a bad option).
    static let usage = ExitCode(64)
    /// EX_DATAERR: an input file has errors.
    static let dataError = ExitCode(65)
    /// EX_SOFTWARE: an internal error (a result that cannot be encoded).
    static let software = ExitCode(70)
    /// EX_IOERR: an output could not be written (a full disk, a closed pipe, a folder that does not exist).
    static let ioError = ExitCode(74)
    /// 128 + SIGINT: the user pressed Ctrl-C during a long run; nothing was written.
    static let interrupted = ExitCode(130)
}

/// Options shared by the commands that read a library.
struct LibraryOptions: ParsableArguments {
    @Option(
        name: .customLong("library"),
        help: ArgumentHelp(
            "The folder holding Agencies/ and Missions/ (default: the nearest above the given files, else the "
                + "nearest above the current folder).",
            valueName: "dir"))
    var root: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Refuse files larger than this, in MiB (default 16). Raise it only for files you trust, such as a "
                + "large generated campaign.", valueName: "mib"))
    var maxFileSize = LoadLimits.default.maxFileBytes >> 20

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Refuse files with more XML elements than this (default 100000). Raise it only for files you trust.",
            valueName: "count"))
    var maxElements = LoadLimits.default.maxElements

    func validate() throws {
        guard (1...4096).contains(maxFileSize) else {
            throw ValidationError("--max-file-size must be between 1 and 4096 MiB, not \(maxFileSize)")
        }
        guard (1...100_000_000).contains(maxElements) else {
            throw ValidationError("--max-elements must be between 1 and 100000000, not \(maxElements)")
        }
        var isFolder: ObjCBool = false
        if let root,
            !(FileManager.default.fileExists(atPath: root + "/Agencies", isDirectory: &isFolder) && isFolder.boolValue)
        {
            throw ValidationError(
                "--library \(root): no Agencies/ folder there; give the library folder, the one holding Agencies/ "
                    + "and Missions/")
        }
    }

    /// The loader's limits with the options applied.
    var limits: LoadLimits {
        var limits = LoadLimits.default
        limits.maxFileBytes = maxFileSize << 20
        limits.maxElements = maxElements
        return limits
    }

    /// A loader with these limits.
    var loader: LibraryLoader { LibraryLoader(limits: limits) }
}

/// `consortium validate FILE|DIR...`: parse, validate against the XSD and check semantics.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check agency, mission and scenario files, and print every problem found.",
        discussion: """
            Reads the whole library around the given files (the folder holding Agencies/ and Missions/), \
            checks each file against its XSD and checks references, interfaces, cycles, policies and values. \
            Every problem of the given files is printed, and those of the files they need; another library \
            file with errors gets one warning. Exit status: 0 when valid (warnings allowed), 65 when a file has \
            errors or a folder cannot be read, 64 on a usage error (a missing path, a folder with no .xml file).
            """
    )

    @Argument(help: ArgumentHelp("Files or folders to check.", valueName: "file-or-dir"))
    var paths: [String] = ["Agencies", "Missions"]

    @OptionGroup var library: LibraryOptions

    @Flag(name: .customLong("werror"), help: "Treat warnings as errors.")
    var warningsAsErrors = false

    func run() throws {
        try requireExisting(paths)
        let outcome = library.loader.load(paths, libraryRoot: library.root)
        // A folder with nothing to check is a usage error, like a path that does not exist.
        if let empty = outcome.emptyFolders.first {
            report(outcome.diagnostics.filter { $0.location.file.hasPrefix(empty) })
            printError(
                "error: \(empty) holds no .xml file, so there is nothing to check; give a file or a folder of them")
            throw ExitStatus.usage
        }
        reportLibrarySource(outcome)
        let diagnostics = (outcome.diagnostics + assumptionDiagnostics(outcome)).sorted()
        report(diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let files = outcome.requestedFiles.count
        if errors > 0 || (warningsAsErrors && warnings > 0) {
            printError(
                "\(files) file\(files == 1 ? "" : "s") checked: \(plural(errors, "error")), \(plural(warnings, "warning"))"
            )
            throw ExitStatus.dataError
        }
        try printOutput(
            "\(files) file\(files == 1 ? "" : "s") valid" + (warnings > 0 ? " (\(plural(warnings, "warning")))" : "")
                + "\n")
    }
}

/// What the model's table of parameters finds in the library's assumptions file and in the `<assume>` entries
/// of the campaigns asked about: unknown, missing or out-of-range parameters, reference classes that give no
/// prior. (The loader checks the file's own consistency; the names are the simulation's.)
func assumptionDiagnostics(_ outcome: LoadOutcome) -> [Diagnostic] {
    guard let set = outcome.library.assumptions,
        !outcome.diagnostics.contains(where: { $0.severity == .error && $0.location.file == set.location.file })
    else { return [] }
    var found = Set(ModelAssumptions.resolve(set).diagnostics)
    let requested = Set(outcome.requestedFiles)
    for campaign in outcome.library.campaigns where requested.contains(campaign.location.file) {
        let own = ModelAssumptions.resolve(set, overrides: campaign.assumptions).diagnostics
        found.formUnion(own.filter { $0.location.file == campaign.location.file })
    }
    return Array(found)
}

/// Throws a usage error naming the first path that does not exist. A symbolic link exists even when it loops
/// or leads nowhere: the loader then says what is wrong with it.
func requireExisting(_ paths: [String]) throws {
    for path in paths where !FileManager.default.fileExists(atPath: path) {
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil { continue }
        var message = "error: no such file or folder: \(path)"
        // A near miss in the same folder ("artemsi.xml" for "artemis.xml") gets a suggestion.
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if let best = Suggestion.closest(to: url.lastPathComponent, among: names) {
            let prefix = path.contains("/") ? String(path[..<path.index(after: path.lastIndex(of: "/")!)]) : ""
            message += "; did you mean \(prefix)\(best)?"
        } else {
            message += "; `consortium list` shows the bundled campaigns and scenarios"
        }
        printError(message)
        throw ExitStatus.usage
    }
}

/// Prints diagnostics compiler-style to standard error, in file and line order.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { printError(diagnostic.description) }
}

func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
