import ConsortiumModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds library folders and XML files on disk, in a stable order.
struct FileFinder {
    let limits: LoadLimits
    /// Set when a folder held more files than `limits.maxFiles`.
    private(set) var overflow: Diagnostic?

    /// The nearest folder at or above `path` that holds an `Agencies/` folder, and every folder looked in.
    ///
    /// The walk up is by name (`a/b/c.xml` looks in `a/b`, `a`, then the absolute parents), not through
    /// the file system's `..`: a file reached through a linked folder belongs to the library it is linked in.
    func libraryRoot(around path: String) -> (root: String?, searched: [String]) {
        var directory = isDirectory(path) ? path : Self.folder(of: path)
        if directory.isEmpty { directory = "." }
        var searched: [String] = []
        for _ in 0..<256 {
            searched.append(absolute(directory))
            if isLibraryRoot(directory) { return (normalized(directory), searched) }
            if absolute(directory) == "/" { break }
            directory = parent(of: directory)
        }
        return (nil, searched)
    }

    /// Whether `path` is a folder holding `Agencies/`, and is not itself a library's `Agencies/` or `Missions/`
    /// (an `Agencies/` copied or generated into `Missions/` would otherwise take the library over and hide
    /// every mission from `validate Missions`).
    func isLibraryRoot(_ path: String) -> Bool {
        let name = absolute(path).split(separator: "/").last.map(String.init) ?? ""
        return name != "Agencies" && name != "Missions" && name != "Assumptions" && isDirectory(path)
            && isDirectory(join(path, "Agencies"))
    }

    /// The `.xml` files at `path` (the file itself, or every one below the folder, sorted), and the problems
    /// met on the way: a folder that cannot be read (an error) and a link to a folder (a warning).
    ///
    /// Names starting with `.` are skipped. A symbolic link to a file is listed like the file; a symbolic
    /// link to a folder below `path` is not followed, since it could lead anywhere (back up the tree, or into
    /// `/proc`), and is reported instead. `path` itself is followed when it is a link.
    mutating func xmlFiles(at path: String) -> (files: [String], problems: [Diagnostic]) {
        guard isDirectory(path) else {
            return (FileManager.default.fileExists(atPath: path) || isLink(path) ? [path] : [], [])
        }
        var found: [String] = []
        var problems: [Diagnostic] = []
        var folders = [path]
        var more = false
        while let folder = folders.popLast() {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)
            } catch {
                problems.append(unreadableFolder(folder))
                continue
            }
            for name in names.sorted().reversed() where !name.hasPrefix(".") {
                let entry = join(folder, name)
                var link = stat()
                guard lstat(entry, &link) == 0 else { continue }
                let linked = link.st_mode & S_IFMT == S_IFLNK
                var target = link
                let resolves = !linked || stat(entry, &target) == 0
                if resolves && target.st_mode & S_IFMT == S_IFDIR {
                    if linked {
                        problems.append(linkedFolder(entry))
                    } else {
                        folders.append(entry)
                    }
                } else if name.hasSuffix(".xml") {
                    if found.count >= limits.maxFiles {
                        more = true
                        break
                    }
                    found.append(entry)
                }
            }
            if more { break }
        }
        if more {
            overflow = .error(
                at: SourceLocation(file: path, line: 1, column: 0), code: "too-many-files",
                "the folder holds more than \(limits.maxFiles) files; only the first \(limits.maxFiles) were read",
                hint: "point Consortium at the library folder (the one holding Agencies/ and Missions/)")
        }
        return (found.sorted(), problems.sorted())
    }

    private func unreadableFolder(_ folder: String) -> Diagnostic {
        let reason = String(cString: strerror(errno))
        return .error(
            at: SourceLocation(file: folder, line: 0, column: 0), code: "unreadable-folder",
            "this folder cannot be read (\(reason)), so the files in it were not checked",
            hint: "check its permissions (it needs r and x), or move it out of the library")
    }

    private func linkedFolder(_ entry: String) -> Diagnostic {
        .warning(
            at: SourceLocation(file: entry, line: 0, column: 0), code: "linked-folder",
            "this is a symbolic link to a folder; linked folders are not read",
            hint: "link the files themselves, or give the linked folder's path to read it")
    }

    /// `path` with `.` and `name/..` components removed, lexically (`Missions/..` is `.`).
    func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == ".." && path.hasPrefix("/") {
                continue  // `/..` is `/`
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

    /// The folder part of `path`, lexically: `a/b` gives `a`, `a` gives `.`, `/a` gives `/`. (The Foundation of
    /// Swift 6.3.1 traps in `NSString.deletingLastPathComponent` on a one-character name such as `a`.)
    static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The folder above `directory`, by name: `a/b` gives `a`, `a` gives `.`, `.` gives `..`.
    private func parent(of directory: String) -> String {
        let clean = normalized(directory)
        if clean == "." || clean.hasSuffix("..") { return join(clean, "..") }
        return Self.folder(of: clean)
    }

    /// `path` made absolute against the current folder, lexically.
    func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return normalized(path) }
        return normalized(join(FileManager.default.currentDirectoryPath, path))
    }

    /// An absolute path with every link resolved, for telling whether two paths name one file; the lexical
    /// absolute path when that fails (a link loop, a missing file).
    func canonical(_ path: String) -> String {
        guard let resolved = realpath(path.isEmpty ? "." : path, nil) else { return absolute(path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path.isEmpty ? "." : path, isDirectory: &flag) && flag.boolValue
    }

    /// Whether `path` is a symbolic link.
    func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }
}
