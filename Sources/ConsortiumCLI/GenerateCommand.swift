import ArgumentParser
import ConsortiumGenerate
import ConsortiumOutput
import ConsortiumXML
import Foundation

/// `consortium generate`: write a synthetic library of any size, for scale tests and benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic library (agencies and one campaign) of a chosen size.",
        discussion: """
            Writes DIR/Agencies/*.xml (one file per agency, launch providers included) and one campaign in \
            DIR/Missions/ with the given number of elements and missions: contracts between agencies on \
            shared standards, lunar and Mars missions with launch windows, objectives and a risk register. \
            Every file is marked synthetic and records the command that regenerates it; the same arguments \
            give the same bytes. The output validates (`consortium validate DIR`) and simulates.
            """
    )

    @Option(parsing: .unconditional, help: "Number of agencies, launch providers included (2 or more).")
    var agencies = 8

    @Option(parsing: .unconditional, help: "Number of element instances in the campaign.")
    var elements = 100

    @Option(parsing: .unconditional, help: "Number of missions (each holds at most 500 elements).")
    var missions = 4

    @Option(help: "The random seed; the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The folder to write (created if missing).", valueName: "dir"))
    var out: String

    @Flag(help: "Write into an existing non-empty folder, or inside an Agencies/ or Missions/ folder.")
    var force = false

    var settings: GeneratorSettings {
        GeneratorSettings(agencies: agencies, elements: elements, missions: missions, seed: seed)
    }

    func validate() throws {
        if let problem = settings.problem { throw ValidationError(problem) }
    }

    func run() throws {
        try checkOutputFolder(out, force: force)
        let plan = SyntheticPlan(settings)
        let files = plan.files(version: consortiumVersion)
        let manager = FileManager.default
        for folder in ["Agencies", "Missions"] {
            let path = (out as NSString).appendingPathComponent(folder)
            do {
                try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                printError("error: cannot create \(path): \(error.localizedDescription)")
                throw ExitStatus.ioError
            }
        }
        // Generating reads nothing, and its files belong in Agencies/ and Missions/ (the folder was checked).
        let rules = OutputPath(read: .none, force: force, guardsLibraryFolders: false)
        let paths = files.map { (out as NSString).appendingPathComponent($0.path) }
        // --force replaces regular files of the folder, nothing else: a link there could lead into another
        // library (whose file would then be replaced) and a FIFO would block the run. All checked before writing.
        for path in paths {
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG else { continue }
            let what = status.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "not a regular file"
            printError(
                "error: \(path) is \(what); generate replaces only regular files in its folder (remove it, or "
                    + "choose a new folder)")
            throw ExitStatus.usage
        }
        for (file, path) in zip(files, paths) {
            try rules.write(file.text, to: path, what: "the library")
        }
        try copyAssumptions(rules)
        try printOutput(
            "wrote \(plan.agencies.count) agency files and campaign '\(plan.campaignID)' (\(plan.elements.count) "
                + "elements, \(plan.contracts.count) contracts, \(plan.missions.count) missions, "
                + "\(plan.risks.count) risks) to \(out)\n")
        try noteLimits(files)
    }

    /// Copies the model's assumptions (`Assumptions/model.xml` of the library at or above the current folder)
    /// into the new library, which cannot run without them; says so when there are none to copy.
    func copyAssumptions(_ rules: OutputPath) throws {
        var folder = FileManager.default.currentDirectoryPath
        for _ in 0..<256 {
            let candidate = (folder as NSString).appendingPathComponent("Assumptions/model.xml")
            if let text = try? String(contentsOfFile: candidate, encoding: .utf8) {
                let folder = (out as NSString).appendingPathComponent("Assumptions")
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try rules.write(
                    text, to: (folder as NSString).appendingPathComponent("model.xml"), what: "the library")
                return
            }
            if folder == "/" || folder.isEmpty { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
        printError(
            "note: no Assumptions/model.xml at or above the current folder to copy; copy the bundled one into "
                + "\(out)/Assumptions/ before running the generated campaign")
    }

    /// Says how to load the library when a file is over the loader's default limits.
    func noteLimits(_ files: [GeneratedFile]) throws {
        let defaults = LoadLimits.default
        var largest = (bytes: 0, elements: 0)
        for file in files {
            var elements = 0
            var previous: UInt8 = 0
            for byte in file.text.utf8 {
                if previous == UInt8(ascii: "<"), (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) {
                    elements += 1
                }
                previous = byte
            }
            largest = (max(largest.bytes, file.text.utf8.count), max(largest.elements, elements))
        }
        guard largest.bytes > defaults.maxFileBytes || largest.elements > defaults.maxElements else { return }
        let mebibytes = (largest.bytes >> 20) + 1
        try printOutput(
            "note: the largest file (\(mebibytes) MiB, \(largest.elements) XML elements) is over the default limits "
                + "that protect against hostile files (\(defaults.maxFileBytes >> 20) MiB, \(defaults.maxElements) "
                + "elements); load it with --max-file-size \(max(mebibytes, defaults.maxFileBytes >> 20)) "
                + "--max-elements \(max(largest.elements, defaults.maxElements))\n")
    }
}

/// Refuses to write into an existing non-empty folder, or into a library's `Agencies/` or `Missions/`,
/// unless `force`; refuses a path that is a file.
func checkOutputFolder(_ path: String, force: Bool) throws {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else {
            printError("error: \(path) is a file; --out needs a folder")
            throw ExitStatus.usage
        }
        let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        if !force, !contents.isEmpty {
            printError(
                "error: \(path) is not empty; choose a new folder, or add --force to write into it "
                    + "(files of the same name are replaced, others are left)")
            throw ExitStatus.usage
        }
    }
    // As written and with symlinks resolved: a link to a folder in a library's Agencies/ is inside it.
    let components = [OutputPath.canonical(path), OutputPath.absolute(path)].flatMap {
        URL(fileURLWithPath: $0).pathComponents
    }
    if !force, components.contains("Agencies") || components.contains("Missions") {
        printError(
            "error: \(path) is inside an Agencies/ or Missions/ folder, where the files would mix with a library's "
                + "own; choose another folder or add --force")
        throw ExitStatus.usage
    }
}
