import ConsortiumModel
import Foundation

/// The fuzz targets: where an input goes in the test library, and which campaigns and scenarios are then
/// played out. `CONSORTIUM_FUZZ_TARGET` (or `consortium-fuzz --target NAME FILE...`) picks one.
enum FuzzTargetKind: String, CaseIterable, Sendable {
    /// The input is one more mission file, `Missions/fuzz.xml`; the campaigns and scenarios it defines run.
    case mission
    /// The input replaces the lead agency of the test library (`Agencies/alpha.xml`); the test campaign and
    /// its scenario run on it.
    case agency
    /// The input is a scenario file, `Missions/fuzz.xml`, against the test campaign (seeded with scenarios
    /// of `mini`); what it defines runs.
    case scenario
    /// The input is a whole library, cut into files at lines `%% PATH` (see `LibraryBundle`); every file is
    /// in scope and up to `FuzzInputs.maxRuns` of its campaigns and scenarios run.
    case library
    /// As `mission`, with inputs up to 2 MiB (scripts/fuzz.sh) and seeds of worst-case shapes: many
    /// attributes, long values and names, namespace declarations, many elements.
    case shape
    /// The input is an output path and the files around it (`PathSpec`: links, FIFOs, `..`, `--force`), in a
    /// temporary copy of the test library; the output-path check and writer run on it (`FuzzPath`).
    case path

    /// The target a file name asks for in replay: a regression named `agency-...` replays through the
    /// agency target, and so on; any other name through `mission`.
    static func inferred(fromFileName name: String) -> FuzzTargetKind {
        allCases.first { name.hasPrefix("\($0.rawValue)-") } ?? .mission
    }
}

/// A library in memory: display paths and bytes.
typealias LibraryFiles = [(path: String, bytes: [UInt8])]

enum FuzzInputs {
    /// Where a single-file input is placed.
    static let inputPath = "Missions/fuzz.xml"

    /// Where the agency target's input is placed (in place of `Agencies/alpha.xml`).
    static let agencyPath = "Agencies/fuzz.xml"

    /// The most campaigns and scenarios of one input that are played out (a library can define many).
    static let maxRuns = 3

    /// The test library, `Tests/ConsortiumXMLTests/Corpus/valid`, read once: three agencies (alpha leads), one
    /// campaign (`mini`), one scenario (`mini-cut`).
    static let testLibrary: LibraryFiles = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/ConsortiumXMLTests/Corpus/valid")
        let names = [
            "Agencies/alpha.xml", "Agencies/beta.xml", "Agencies/gamma.xml", "Missions/mini.xml",
            "Missions/mini-cut.xml",
        ]
        return names.map { name in
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(name).path) else {
                fatalError("consortium-fuzz: cannot read the seed library file \(root.path)/\(name)")
            }
            return (path: name, bytes: [UInt8](data))
        }
    }()

    /// The files `target` loads for `bytes`, and which of them define what is played out (`nil`: every file).
    static func placement(_ bytes: [UInt8], for target: FuzzTargetKind) -> (files: LibraryFiles, runs: Set<String>?) {
        switch target {
        case .mission, .scenario, .shape:
            return (testLibrary + [(path: inputPath, bytes: bytes)], [inputPath])
        case .agency:
            let others = testLibrary.filter { $0.path != "Agencies/alpha.xml" }
            return ([(path: agencyPath, bytes: bytes)] + others, nil)
        case .library:
            return (LibraryBundle.split(bytes), nil)
        case .path:
            return ([], [])
        }
    }
}

/// One input holding several files: each file starts at a line `%% PATH` (the first file, before any such
/// line, is `Missions/fuzz.xml`).
///
/// A path is kept to the characters `A-Z a-z 0-9 . _ -` and `/`, at most 64, and put under `Missions/` unless
/// it starts with `Agencies/` or `Missions/`; a repeated path gets a `~N` suffix. At most `maxFiles` files:
/// the bytes after the last allowed separator stay in the last file. So references between the fuzzed files
/// resolve as they would in a library on disk (the loader tells kinds apart by root element, not by folder).
enum LibraryBundle {
    static let maxFiles = 32
    static let separator: [UInt8] = Array("%% ".utf8)

    static func split(_ bytes: [UInt8]) -> LibraryFiles {
        var files: LibraryFiles = []
        var used = Set<String>()
        var path = FuzzInputs.inputPath
        var start = 0
        var i = 0
        func add(_ end: Int) {
            var name = path
            var n = 1
            while used.contains(name) {
                n += 1
                name = "\(path)~\(n)"
            }
            used.insert(name)
            files.append((path: name, bytes: Array(bytes[start..<end])))
        }
        while i < bytes.count, files.count < maxFiles - 1 {
            let atLineStart = i == 0 || bytes[i - 1] == UInt8(ascii: "\n")
            guard atLineStart, bytes[i...].starts(with: separator) else {
                i += 1
                continue
            }
            let nameStart = i + separator.count
            let lineEnd = bytes[nameStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if i > 0 { add(max(start, i - 1)) }  // the line break before the separator is not content
            path = sanitized(bytes[nameStart..<lineEnd], index: files.count)
            start = min(lineEnd + 1, bytes.count)
            i = start
        }
        add(bytes.count)
        return files
    }

    static func sanitized(_ raw: ArraySlice<UInt8>, index: Int) -> String {
        let allowed = raw.prefix(64).filter { byte in
            let c = Character(UnicodeScalar(byte))
            return (c.isASCII && (c.isLetter || c.isNumber)) || c == "." || c == "_" || c == "-" || c == "/"
        }
        let name = String(decoding: allowed, as: UTF8.self)
        if name.hasPrefix("Agencies/") || name.hasPrefix("Missions/") { return name }
        return name.isEmpty ? "Missions/file\(index).xml" : "Missions/\(name)"
    }
}
