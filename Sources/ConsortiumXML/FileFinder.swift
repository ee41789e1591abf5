import ConsortiumModel
import Foundation

/// Finds library folders and XML files on disk, in a stable order.
struct FileFinder {
    let limits: LoadLimits
    /// Set when a folder held more files than `limits.maxFiles`.
    private(set) var overflow: Diagnostic?

    /// The nearest folder at or above `path` that holds an `Agencies/` folder.
    func libraryRoot(around path: String) -> String? {
        var directory = isDirectory(path) ? path : (path as NSString).deletingLastPathComponent
        for _ in 0..<64 {
            if isDirectory(join(directory, "Agencies")) { return normalized(directory) }
            let absolute = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL.path
            if absolute == "/" { return nil }
            directory = directory.isEmpty || directory == "." ? ".." : join(directory, "..")
        }
        return nil
    }

    /// Whether `path` is a folder holding `Agencies/`.
    func isLibraryRoot(_ path: String) -> Bool {
        isDirectory(path) && isDirectory(join(path, "Agencies"))
    }

    /// The `.xml` files at `path`: the file itself, or every one below the folder, sorted.
    mutating func xmlFiles(at path: String) -> [String] {
        guard isDirectory(path) else {
            return FileManager.default.fileExists(atPath: path) ? [path] : []
        }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String, found.count < limits.maxFiles {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if relative.hasSuffix(".xml") { found.append(join(path, relative)) }
        }
        if found.count >= limits.maxFiles, enumerator.nextObject() != nil {
            overflow = .error(
                at: SourceLocation(file: path, line: 1, column: 0), code: "too-many-files",
                "the folder holds more than \(limits.maxFiles) files; only the first \(limits.maxFiles) were read",
                hint: "point Consortium at the library folder (the one holding Agencies/ and Missions/)")
        }
        return found.sorted()
    }

    /// `path` with `.` and `name/..` components removed, lexically (`Missions/..` is `.`).
    func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `a/b` without doubled separators or a leading `./`.
    func join(_ a: String, _ b: String) -> String {
        if a.isEmpty || a == "." { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }

    /// An absolute, standardized form of `path`, for telling whether two paths name one file.
    func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path.isEmpty ? "." : path, isDirectory: &flag) && flag.boolValue
    }
}

/// Reads a file's bytes, refusing what is not a regular file or is over the size limit.
enum FileReader {
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            return .failure(
                .error(
                    at: start, code: "unreadable", "the file cannot be opened",
                    hint: "check that the path exists and is readable"))
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            return .failure(
                .error(
                    at: start, code: "not-a-file", "this is not a regular file",
                    hint: "give an .xml file or a folder holding Agencies/ and Missions/"))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else { return .failure(tooLarge(path, size: size, limit: limit)) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(
                .error(
                    at: start, code: "unreadable", "the file cannot be opened",
                    hint: "check that the path exists and is readable"))
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else {
            return .failure(
                .error(
                    at: start, code: "file-too-large",
                    "the file grew over the \(megabytes(limit)) limit while being read",
                    hint: tooLargeHint))
        }
        return .success([UInt8](data))
    }

    /// The diagnostic for a file of `size` bytes over the `limit`.
    static func tooLarge(_ path: String, size: Int, limit: Int) -> Diagnostic {
        .error(
            at: SourceLocation(file: path, line: 1, column: 1), code: "file-too-large",
            "the file is \(megabytes(size)), over the \(megabytes(limit)) limit",
            hint: tooLargeHint)
    }

    /// What to do about a file over the size limit.
    static let tooLargeHint =
        "Consortium files are small (the Artemis campaign is under 100 KB); is this the right file? If you trust "
        + "it (a large generated campaign, say), raise the limit with --max-file-size <MiB>"

    /// `100.0 MiB`, or `900 bytes` under a mebibyte.
    private static func megabytes(_ bytes: Int) -> String {
        guard bytes >= 1 << 20 else { return "\(bytes) bytes" }
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MiB"
    }
}
