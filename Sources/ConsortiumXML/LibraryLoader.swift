public import ConsortiumModel
import Foundation

/// What loading produced: the library, every diagnostic, and which files the user asked about.
public struct LoadOutcome: Sendable {
    /// What the request uses: the files it needs and every agency file without errors (a what-if may hand
    /// work to any agency); a file with errors that the request does not need is left out.
    public let library: Library
    /// Diagnostics about the requested files and the files they need, and one warning for each file with
    /// errors that was left out; sorted.
    public let diagnostics: [Diagnostic]
    /// The library folder used (the one holding `Agencies/`), if any.
    public let root: String?
    /// How `root` was found.
    public let source: LibrarySource
    /// Paths of the files the request named (directly or through a folder), as displayed.
    public let requestedFiles: [String]
    /// Folders the request named that hold no `.xml` file.
    public let emptyFolders: [String]
    /// Every file read (the library's and the requested ones), as displayed, for telling outputs from inputs.
    public let filesRead: [String]
}

/// How the library folder of a request was found.
public enum LibrarySource: Sendable, Equatable {
    /// Given by the caller (`--library`).
    case given
    /// The nearest folder at or above the files asked for.
    case aboveFiles
    /// None at or above the files (`searched`, absolute); the one at or above the current folder instead.
    case currentFolder(searched: [String])
    /// None at or above the files (`searched`) or the current folder (when `currentFolder` is set).
    case none(searched: [String], currentFolder: String?)
    /// Files held in memory, no folder.
    case memory
}

/// Finds, reads, parses, validates, decodes and checks a library of agency, mission and scenario files.
///
/// Given files or folders, it finds the library folder (the nearest one at or above them that holds
/// `Agencies/`; else the one at or above the current folder) and reads all of `Agencies/`, `Missions/` and
/// `Assumptions/` there, since a mission refers to agencies, a scenario to a campaign, and every run uses the
/// model's assumptions (which are always in its scope). The request then uses what it
/// needs (see `LibraryScope`): the files asked for are reported in full, the files they need with all their
/// errors, and a file with errors they do not need (someone's broken copy in a shared `Missions/`) as one
/// warning, without stopping the run.
public struct LibraryLoader: Sendable {
    public let limits: LoadLimits

    public init(limits: LoadLimits = .default) {
        self.limits = limits
    }

    /// Loads the library around `paths` (files or folders). `libraryRoot` overrides the search; without it and
    /// with no library above the files, `fallbackToCurrentFolder` uses the one at or above the current folder.
    public func load(
        _ paths: [String], libraryRoot: String? = nil, fallbackToCurrentFolder: Bool = true
    )
        -> LoadOutcome
    {
        var files = FileFinder(limits: limits)
        let (root, source) = findRoot(paths, given: libraryRoot, fallback: fallbackToCurrentFolder, files: files)
        var requested: [String] = []
        var problems: [Diagnostic] = []
        var emptyFolders: [String] = []
        for path in paths {
            // A library folder means its Agencies/, Missions/ and Assumptions/, not every XML file below it.
            let parts =
                files.isLibraryRoot(path)
                ? ["Agencies", "Missions", "Assumptions"].map { files.join(path, $0) } : [path]
            var count = 0
            for part in parts {
                let found = files.xmlFiles(at: part)
                requested += found.files
                problems += found.problems
                // Warnings (a linked folder, not followed) leave a folder with nothing to check; errors do not.
                count += found.files.count + found.problems.filter { $0.severity == .error }.count
            }
            if count == 0, FileManager.default.fileExists(atPath: path) { emptyFolders.append(path) }
        }
        var agencyFiles: [String] = []
        var assumptionFiles: [String] = []
        var all: [String] = []
        var libraryProblems: [Diagnostic] = []
        if let root {
            let agencies = files.xmlFiles(at: files.join(root, "Agencies"))
            let missions = files.xmlFiles(at: files.join(root, "Missions"))
            let assumptions = files.xmlFiles(at: files.join(root, "Assumptions"))
            agencyFiles = agencies.files + agencies.problems.map(\.location.file)
            assumptionFiles = assumptions.files + assumptions.problems.map(\.location.file)
            all = agencies.files + missions.files + assumptions.files
            libraryProblems = agencies.problems + missions.problems + assumptions.problems
        }
        // One document per file (and per folder problem), each file once however it was named.
        var documents: [ParsedDocument] = []
        var indexOf: [String: Int] = [:]
        let finder = files
        func add(_ path: String, _ make: () -> ParsedDocument) -> Int {
            let key = finder.canonical(path)
            if let index = indexOf[key] { return index }
            documents.append(make())
            indexOf[key] = documents.count - 1
            return documents.count - 1
        }
        // Real files before links, so that a file and a link to it are one document named as the file.
        let linked = Set(all.filter(finder.isLink))
        for path in all.filter({ !linked.contains($0) }) + all.filter(linked.contains) { _ = add(path) { read(path) } }
        for problem in libraryProblems { _ = add(problem.location.file) { document(problem) } }
        let requestedIndices =
            requested.map { path in add(path) { read(path) } }
            + problems.map { problem in add(problem.location.file) { document(problem) } }
        let inAgencies = Set(agencyFiles.map(finder.canonical))
        let inAssumptions = Set(assumptionFiles.map(finder.canonical))
        return assemble(
            documents, requested: requestedIndices, inAgencies: { inAgencies.contains(finder.canonical($0)) },
            inAssumptions: { inAssumptions.contains(finder.canonical($0)) },
            root: root, source: source,
            requestedFiles: requestedIndices.prefix(requested.count).map { documents[$0].path },
            emptyFolders: emptyFolders, tooMany: finder.overflow)
    }

    /// Loads a library held in memory: each file's display path and bytes, every one of them in scope.
    ///
    /// The same parsing, decoding and checks as `load(_:libraryRoot:)`, without the file system; the fuzz
    /// target and tests use it. Files over `limits.maxFileBytes` are refused as when read from disk.
    public func load(contents: [(path: String, bytes: [UInt8])]) -> LoadOutcome {
        let documents = contents.map { file -> ParsedDocument in
            guard file.bytes.count <= limits.maxFileBytes else {
                return ParsedDocument(
                    path: file.path, kind: nil, root: nil,
                    diagnostics: [FileReader.tooLarge(file.path, size: file.bytes.count, limit: limits.maxFileBytes)])
            }
            return SafeParser.parse(bytes: file.bytes, path: file.path, limits: limits)
        }
        return assemble(
            documents, requested: Array(documents.indices), inAgencies: { _ in false }, inAssumptions: { _ in false },
            root: nil, source: .memory,
            requestedFiles: contents.map(\.path), emptyFolders: [], tooMany: nil)
    }

    /// The library folder: the given one, the nearest above the files, or the one above the current folder.
    private func findRoot(
        _ paths: [String], given: String?, fallback: Bool, files: FileFinder
    ) -> (
        String?, LibrarySource
    ) {
        if let given { return (given, .given) }
        var searched: [String] = []
        for path in paths {
            let (root, folders) = files.libraryRoot(around: path)
            if let root { return (root, .aboveFiles) }
            for folder in folders where !searched.contains(folder) { searched.append(folder) }
        }
        guard fallback else { return (nil, .none(searched: searched, currentFolder: nil)) }
        if let root = files.libraryRoot(around: ".").root {
            return (files.absolute(root), .currentFolder(searched: searched))
        }
        return (nil, .none(searched: searched, currentFolder: FileManager.default.currentDirectoryPath))
    }

    /// Parses one file's bytes (read already) into a document.
    private func read(_ path: String) -> ParsedDocument {
        switch FileReader.read(path, limit: limits.maxFileBytes) {
        case .success(let bytes):
            return SafeParser.parse(bytes: bytes, path: path, limits: limits)
        case .failure(let diagnostic):
            return document(diagnostic)
        }
    }

    /// A document standing for a file or folder that could not be read, with the diagnostic saying why.
    private func document(_ problem: Diagnostic) -> ParsedDocument {
        ParsedDocument(path: problem.location.file, kind: nil, root: nil, diagnostics: [problem])
    }

    private func assemble(
        _ documents: [ParsedDocument], requested: [Int], inAgencies: (String) -> Bool,
        inAssumptions: (String) -> Bool, root: String?,
        source: LibrarySource, requestedFiles: [String], emptyFolders: [String], tooMany: Diagnostic?
    ) -> LoadOutcome {
        let decoder = ModelDecoder()
        var documents = documents
        var contents: [Contents] = []
        for (index, document) in documents.enumerated() {
            guard let tree = document.root else {
                contents.append(Contents())
                continue
            }
            let reported = decoder.problems.diagnostics.count
            switch document.kind {
            case .agency: contents.append(Contents(agency: decoder.agency(tree)))
            case .mission: contents.append(Contents(campaign: decoder.campaign(tree)))
            case .scenario: contents.append(Contents(scenario: decoder.scenario(tree)))
            case .assumptions: contents.append(Contents(assumptions: decoder.assumptions(tree)))
            case nil: contents.append(Contents())
            }
            // A value the schema passed but the decoder could not hold is the file's error, never a dropped
            // entity. (Where the schema failed, its own error already names the value.)
            let problems = decoder.problems.diagnostics[reported...]
            if !problems.isEmpty, !document.diagnostics.containsErrors {
                documents[index] = ParsedDocument(
                    path: document.path, kind: document.kind, root: document.root,
                    diagnostics: document.diagnostics + problems)
            }
        }
        let scope = LibraryScope(
            facts: zip(documents, contents).map { document, content in
                LibraryScope.Facts(
                    document, inAgencies: inAgencies(document.path), agency: content.agency,
                    campaign: content.campaign, scenario: content.scenario)
            })
        var (needed, unresolved) = scope.needed(by: requested)
        // The model's assumptions are part of every run, so their files (and their errors) always are.
        needed.formUnion(
            documents.indices.filter { documents[$0].kind == .assumptions || inAssumptions(documents[$0].path) })
        let noLibrary: Bool
        if case .none = source { noLibrary = true } else { noLibrary = false }

        // The whole library checked, to know which files have errors; then what the request uses.
        let everything = Set(documents.indices)
        let full = check(documents, contents, everything, trustAll: noLibrary)
        var errors: [String: [Diagnostic]] = [:]
        for diagnostic in documents.flatMap(\.diagnostics) + full.diagnostics where diagnostic.severity == .error {
            errors[diagnostic.location.file, default: []].append(diagnostic)
        }
        let broken = Set(documents.indices.filter { errors[documents[$0].path] != nil })
        let used = needed.union(documents.indices.filter { documents[$0].kind == .agency && !broken.contains($0) })
        var run = full
        if used != everything {
            // Hints ("did you mean") come from the whole library, which knows more ids.
            let hints = Dictionary(full.diagnostics.map { (Key($0), $0) }, uniquingKeysWith: { first, _ in first })
            let checked = check(documents, contents, used, trustAll: noLibrary)
            run = (checked.library, checked.diagnostics.map { hints[Key($0)] ?? $0 }, checked.dropped)
        }

        let requestedSet = Set(requested)
        let neededPaths = Set(needed.map { documents[$0].path })
        var diagnostics: [Diagnostic] = tooMany.map { [$0] } ?? []
        for index in needed.sorted() {
            let document = documents[index]
            // The assumptions file defines no id, so its own errors say more than "it may define ...".
            if requestedSet.contains(index) || document.root != nil || !document.diagnostics.containsErrors
                || inAssumptions(document.path) || document.kind == .assumptions
            {
                diagnostics += document.diagnostics
            } else if let first = document.diagnostics.first(where: { $0.severity == .error }) {
                diagnostics.append(unreadable(document, first: first, unresolved: unresolved))
            }
        }
        diagnostics += run.diagnostics.filter { neededPaths.contains($0.location.file) }
        for index in broken.subtracting(needed).sorted() {
            let path = documents[index].path
            diagnostics.append(leftOut(documents[index], errors: errors[path] ?? [], notShown: full.dropped[path] ?? 0))
        }
        diagnostics += ambiguousCampaigns(documents, contents, scope: scope, needed: needed)
        if case .none(let searched, let current) = source, !unresolved.isEmpty,
            let first = requested.first.map({ documents[$0].path })
        {
            diagnostics.append(Self.noLibrary(first, searched: searched, currentFolder: current))
        }
        return LoadOutcome(
            library: run.library, diagnostics: Array(Set(diagnostics)).sorted(), root: root, source: source,
            requestedFiles: requestedFiles, emptyFolders: emptyFolders, filesRead: documents.map(\.path))
    }

    /// What one document decodes to.
    private struct Contents {
        var agency: Agency?
        var campaign: Campaign?
        var scenario: Scenario?
        var assumptions: AssumptionSet?
    }

    /// A diagnostic's identity without its hint.
    private struct Key: Hashable {
        let location: SourceLocation
        let code: String
        let message: String

        init(_ diagnostic: Diagnostic) {
            (location, code, message) = (diagnostic.location, diagnostic.code, diagnostic.message)
        }
    }

    /// The library made of the documents at `indices` (in document order), and its semantic diagnostics.
    private func check(
        _ documents: [ParsedDocument], _ contents: [Contents], _ indices: Set<Int>, trustAll: Bool
    )
        -> (library: Library, diagnostics: [Diagnostic], dropped: [String: Int])
    {
        var agencies: [Agency] = []
        var campaigns: [Campaign] = []
        var scenarios: [Scenario] = []
        var assumptionSets: [AssumptionSet] = []
        var files: [Library.File] = []
        var failedKinds = Set<FileKind?>()
        for index in indices.sorted() {
            let document = documents[index]
            if document.diagnostics.containsErrors { failedKinds.insert(document.kind) }
            guard document.root != nil, let kind = document.kind else { continue }
            files.append(Library.File(path: document.path, root: kind.rootElement, byteCount: 0))
            let content = contents[index]
            if let agency = content.agency { agencies.append(agency) }
            if let campaign = content.campaign { campaigns.append(campaign) }
            if let scenario = content.scenario { scenarios.append(scenario) }
            if let set = content.assumptions { assumptionSets.append(set) }
        }
        let library = Library(
            agencies: agencies, campaigns: campaigns, scenarios: scenarios, assumptions: assumptionSets.first,
            files: files)
        var checker = SemanticChecker(library: library)
        checker.extraAssumptionFiles = assumptionSets.dropFirst().map(\.location)
        // A file that failed to parse may define what others refer to: don't report those as unknown. With no
        // library at all, one `no-library` error says why nothing resolves.
        checker.trustUnknownAgencyItems = trustAll || failedKinds.contains(.agency) || failedKinds.contains(nil)
        checker.trustUnknownCampaigns = trustAll || failedKinds.contains(.mission) || failedKinds.contains(nil)
        checker.run()
        return (library, checker.diagnostics, checker.droppedErrors)
    }

    /// An error for each needed scenario whose campaign id more than one file defines (a copy that kept the
    /// id, even a broken one): which campaign it runs on is unclear.
    private func ambiguousCampaigns(
        _ documents: [ParsedDocument], _ contents: [Contents], scope: LibraryScope, needed: Set<Int>
    ) -> [Diagnostic] {
        var definers: [String: [String]] = [:]
        for (index, fact) in scope.facts.enumerated() {
            if let id = fact.campaign { definers[id, default: []].append(documents[index].path) }
        }
        var diagnostics: [Diagnostic] = []
        for index in needed.sorted() {
            guard let scenario = contents[index].scenario else { continue }
            let id = scenario.campaign.id.rawValue
            guard let files = definers[id], files.count > 1 else { continue }
            diagnostics.append(
                .error(
                    at: scenario.campaign.location, code: "duplicate-id",
                    "campaign '\(id)' is defined in \(files.count) files (\(files.joined(separator: ", "))), so "
                        + "which one this scenario runs on is unclear",
                    hint: "give each copy its own campaign id (<campaign id=\"...\">), or remove the copy"))
        }
        return diagnostics
    }

    /// A needed file that cannot be read: it may define what the request refers to.
    private func unreadable(_ document: ParsedDocument, first: Diagnostic, unresolved: [String]) -> Diagnostic {
        let what =
            unresolved.isEmpty
            ? "the agencies, designs, vehicles or standards the files you asked for use"
            : unresolved.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (unresolved.count > 5 ? ", ..." : "")
                + ", which the files you asked for refer to and no other file defines"
        return .error(
            at: first.location, code: "library-file-unreadable",
            "this library file cannot be read (\(first.message)), and it may define \(what)",
            hint: "fix it, move it out of the library, or run `consortium validate \(document.path)` to see all "
                + "its errors")
    }

    /// A file with errors that the request does not need: one line naming it and how to see its errors
    /// (`notShown` more semantic errors than `errors` holds, counted in its `[too-many-errors]` line).
    private func leftOut(_ document: ParsedDocument, errors: [Diagnostic], notShown: Int) -> Diagnostic {
        let first = errors.min() ?? .error(at: SourceLocation(file: document.path, line: 1, column: 1), code: "", "")
        let count = errors.count + (notShown > 0 ? notShown - 1 : 0)
        let what =
            document.root == nil && count == 1
            ? first.message : "this file has \(count) error\(count == 1 ? "" : "s")"
        return .warning(
            at: first.location, code: "library-file-skipped",
            "\(what); nothing asked for needs it, so it was left out (`consortium validate \(document.path)` "
                + "shows \(count == 1 ? "it" : "them"))")
    }

    /// The error for references that cannot resolve because no library folder was found.
    static func noLibrary(_ file: String, searched: [String], currentFolder: String?) -> Diagnostic {
        var places = searched.joined(separator: ", ")
        if let currentFolder, !searched.contains(currentFolder) {
            places += ", nor at or above the current folder \(currentFolder)"
        }
        return .error(
            at: SourceLocation(file: file, line: 0, column: 0), code: "no-library",
            "no library found, so the agencies and campaigns this file refers to cannot be resolved: no folder "
                + "holding Agencies/ in \(places)",
            hint: "point at a library with --library DIR (the folder holding Agencies/ and Missions/), or run "
                + "from inside one, or copy the file into a library's Missions/ folder")
    }
}
