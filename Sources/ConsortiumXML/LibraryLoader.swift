public import ConsortiumModel
import Foundation

/// What loading produced: the library, every diagnostic, and which files the user asked about.
public struct LoadOutcome: Sendable {
    public let library: Library
    /// Diagnostics about the requested files and the agency files they depend on, sorted.
    public let diagnostics: [Diagnostic]
    /// The library folder found (the one holding `Agencies/`), if any.
    public let root: String?
    /// Paths of the files the request named (directly or through a folder), as displayed.
    public let requestedFiles: [String]
}

/// Finds, reads, parses, validates, decodes and checks a library of agency, mission and scenario files.
///
/// Given files or folders, it finds the library folder (the nearest one at or above them that holds
/// `Agencies/`) and reads all of `Agencies/` and `Missions/` there, since a mission refers to
/// agencies and a scenario to a campaign. Diagnostics are reported for the files asked about and
/// for the agency files (every mission depends on them).
public struct LibraryLoader: Sendable {
    public let limits: LoadLimits

    public init(limits: LoadLimits = .default) {
        self.limits = limits
    }

    /// Loads the library around `paths` (files or folders). `libraryRoot` overrides the search.
    public func load(_ paths: [String], libraryRoot: String? = nil) -> LoadOutcome {
        var files = FileFinder(limits: limits)
        let root = libraryRoot ?? paths.lazy.compactMap(files.libraryRoot(around:)).first
        var requested: [String] = []
        for path in paths {
            if files.isLibraryRoot(path) {
                // A library folder means its Agencies/ and Missions/, not every XML file below it.
                requested += files.xmlFiles(at: files.join(path, "Agencies"))
                requested += files.xmlFiles(at: files.join(path, "Missions"))
            } else {
                requested += files.xmlFiles(at: path)
            }
        }
        var all: [String] = []
        if let root {
            all += files.xmlFiles(at: files.join(root, "Agencies"))
            all += files.xmlFiles(at: files.join(root, "Missions"))
        }
        var seen = Set<String>()
        var ordered: [String] = []
        for path in all + requested where seen.insert(files.canonical(path)).inserted {
            ordered.append(path)
        }
        let finder = files
        let requestedCanonical = Set(requested.map(finder.canonical))
        return assemble(
            ordered.map(read), root: root, requested: requested,
            inScope: { file, kind in
                requestedCanonical.contains(finder.canonical(file)) || kind == .agency
            }, tooMany: finder.overflow)
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
            documents, root: nil, requested: contents.map(\.path), inScope: { _, _ in true }, tooMany: nil)
    }

    /// Parses one file's bytes (read already) into a document.
    private func read(_ path: String) -> ParsedDocument {
        switch FileReader.read(path, limit: limits.maxFileBytes) {
        case .success(let bytes):
            return SafeParser.parse(bytes: bytes, path: path, limits: limits)
        case .failure(let diagnostic):
            return ParsedDocument(path: path, kind: nil, root: nil, diagnostics: [diagnostic])
        }
    }

    private func assemble(
        _ documents: [ParsedDocument], root: String?, requested: [String],
        inScope: (String, FileKind?) -> Bool, tooMany: Diagnostic?
    ) -> LoadOutcome {
        let decoder = ModelDecoder()
        var agencies: [Agency] = []
        var campaigns: [Campaign] = []
        var scenarios: [Scenario] = []
        var files: [Library.File] = []
        var diagnostics: [Diagnostic] = tooMany.map { [$0] } ?? []
        var failedKinds = Set<FileKind?>()
        for document in documents {
            if inScope(document.path, document.kind) {
                diagnostics += document.diagnostics
            } else if let first = document.diagnostics.first(where: { $0.severity == .error }) {
                // A broken file elsewhere in the library: what it defines is unknown, so references to it
                // cannot be checked. Say so, rather than report the requested files valid.
                diagnostics.append(
                    .error(
                        at: SourceLocation(
                            file: document.path, line: first.location.line, column: first.location.column),
                        code: "library-file-unreadable",
                        "this library file cannot be read (\(first.message)), so the references of the files you "
                            + "asked for cannot all be checked",
                        hint: "fix it, move it out of the library, or run `consortium validate \(document.path)` "
                            + "to see all its errors"))
            }
            if document.diagnostics.containsErrors { failedKinds.insert(document.kind) }
            guard let tree = document.root, let kind = document.kind else { continue }
            files.append(Library.File(path: document.path, root: kind.rootElement, byteCount: 0))
            let reported = decoder.problems.diagnostics.count
            switch kind {
            case .agency: decoder.agency(tree).map { agencies.append($0) }
            case .mission: decoder.campaign(tree).map { campaigns.append($0) }
            case .scenario: decoder.scenario(tree).map { scenarios.append($0) }
            }
            // A value the schema passed but the decoder could not hold: an error, never a dropped entity.
            // (Where the schema failed, its own error already names the value.)
            let problems = decoder.problems.diagnostics[reported...]
            if !problems.isEmpty, !document.diagnostics.containsErrors {
                failedKinds.insert(kind)
                if inScope(document.path, kind) { diagnostics += problems }
            }
        }
        let library = Library(agencies: agencies, campaigns: campaigns, scenarios: scenarios, files: files)
        var checker = SemanticChecker(library: library)
        // A file that failed to parse may define what others refer to: don't report those as unknown.
        checker.trustUnknownAgencyItems = failedKinds.contains(.agency) || failedKinds.contains(nil)
        checker.trustUnknownCampaigns = failedKinds.contains(.mission) || failedKinds.contains(nil)
        checker.run()
        diagnostics += checker.diagnostics.filter { inScope($0.location.file, kindOf($0.location.file, in: files)) }
        return LoadOutcome(
            library: library, diagnostics: Array(Set(diagnostics)).sorted(), root: root,
            requestedFiles: requested)
    }

    private func kindOf(_ path: String, in files: [Library.File]) -> FileKind? {
        files.first { $0.path == path }.flatMap { FileKind(rootElement: $0.root) }
    }
}
