import ConsortiumModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's device and inode, which two paths share when they name the same file (hard links included).
package struct FileIdentity: Hashable, Sendable {
    package let device: UInt64
    package let inode: UInt64

    /// The identity of the file at `path` (symlinks followed), or nil when there is none.
    package init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// The identity of the file open on `descriptor`, or nil when it is not open.
    package init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}

/// The files a run read (every library file the loader opened, the campaign, the scenario), by canonical
/// path and by device and inode, so that no output can land on one of them.
package struct ReadFiles: Sendable {
    /// Canonical path to the path as displayed.
    private var byPath: [String: String] = [:]
    private var byIdentity: [FileIdentity: String] = [:]

    /// A run that read nothing (`generate`).
    package static let none = ReadFiles()

    package init() {}

    package init(_ paths: [String]) {
        for path in paths { insert(path) }
    }

    /// Adds `path` (as displayed); the first display of a file is kept.
    package mutating func insert(_ path: String) {
        let canonical = OutputPath.canonical(path)
        if byPath[canonical] == nil { byPath[canonical] = path }
        if let identity = FileIdentity(path: path), byIdentity[identity] == nil { byIdentity[identity] = path }
    }

    package mutating func formUnion(_ other: ReadFiles) {
        byPath.merge(other.byPath) { mine, _ in mine }
        byIdentity.merge(other.byIdentity) { mine, _ in mine }
    }

    /// The read file (as displayed) that the canonical path `path`, or the file with `identity`, is.
    package func match(canonical path: String?, identity: FileIdentity?) -> String? {
        if let path, let read = byPath[path] { return read }
        return identity.flatMap { byIdentity[$0] }
    }
}

/// Where an output goes, once its path is resolved.
package enum OutputDestination: Equatable, Sendable {
    /// An open descriptor: `-` and `/dev/stdout` (1), `/dev/stderr` (2), `/dev/fd/N`. Written where it stands.
    case descriptor(Int32)
    /// An existing file that is not a regular file (a device such as `/dev/null`, a FIFO): written in place,
    /// never replaced.
    case inPlace(String)
    /// A regular file or a new path (its symlinks resolved): replaced atomically.
    case atomic(String)
}

/// The one check every output path goes through, and the writes that follow it.
///
/// An output never lands on a file the run read (compared by canonical path, with symlinks and `..`
/// resolved, and by device and inode, so a hard link counts), whatever `force` says; it lands inside an
/// `Agencies/` or `Missions/` folder, where the next run would read it as an input, only with `force`. A
/// symlink is followed: what it points at is written (replaced atomically when it is a regular file), and
/// the link stays a link.
package struct OutputPath: Sendable {
    /// What the run read.
    package var read: ReadFiles
    /// `--force`: allows a path inside `Agencies/` or `Missions/`, never a file the run read.
    package var force: Bool
    /// Whether `Agencies/` and `Missions/` are refused without `force` (`generate` checks its folder instead,
    /// since its files belong there).
    package var guardsLibraryFolders = true

    package init(read: ReadFiles, force: Bool, guardsLibraryFolders: Bool = true) {
        self.read = read
        self.force = force
        self.guardsLibraryFolders = guardsLibraryFolders
    }

    /// Resolves `path`, or says why the rules above forbid it (`refused`) or why it cannot be resolved
    /// (`failed`). `what` names the output in messages: "the trace", "the report", "the result".
    package func destination(for path: String, what: String) throws(OutputPathError) -> OutputDestination {
        if let fd = Self.descriptor(path) {
            if let read = read.match(canonical: nil, identity: FileIdentity(descriptor: fd)) {
                throw .refused(
                    "\(Self.display(path)) is \(Self.escapingControls(read)), which was read by this run; write \(what) somewhere else"
                )
            }
            return .descriptor(fd)
        }
        let resolved: String
        switch Self.resolve(path) {
        case .descriptor(let fd):
            return try destination(for: "/dev/fd/\(fd)", what: what)
        case .path(let found):
            resolved = found
        case .failure(let code):
            throw .failed(path: Self.display(path), errno: code)
        }
        var status = stat()
        let exists = stat(resolved, &status) == 0
        if let read = read.match(canonical: resolved, identity: exists ? FileIdentity(status) : nil) {
            let via = read == path ? "" : " (\(Self.display(path)) is that file)"
            throw .refused("\(Self.escapingControls(read)) was read by this run\(via); write \(what) somewhere else")
        }
        // The folders as written and as resolved: `lib/Agencies` may be a link to a folder of another name.
        let folders = [resolved, Self.absolute(path)].flatMap {
            URL(fileURLWithPath: $0).deletingLastPathComponent().pathComponents
        }
        if guardsLibraryFolders, !force, folders.contains("Agencies") || folders.contains("Missions") {
            throw .refused(
                "\(Self.display(path)) is inside an Agencies/ or Missions/ folder, where it would be read as an input; "
                    + "choose another folder or add --force")
        }
        guard exists else { return .atomic(resolved) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .atomic(resolved)
        case S_IFDIR: throw .refused("\(Self.display(path)) is a folder; give a file name for \(what)")
        default: return .inPlace(resolved)
        }
    }

    /// Writes `bytes` to `path` through `destination(for:what:)`: to a descriptor or a device in place, to a
    /// regular file or a new path by atomic rename.
    package func write(_ bytes: UnsafeRawBufferPointer, to path: String, what: String) throws(OutputPathError) {
        let destination = try destination(for: path, what: what)
        let failure = OutputFile.write(bytes, to: destination)
        guard failure == 0 else { throw .failed(path: Self.display(path), errno: failure) }
    }
}

/// Why an output path was not written: the rules forbid it (the command asked for something it must not do:
/// exit 64), or the system refused (exit 74).
package enum OutputPathError: Error, Equatable, Sendable {
    /// The message, without `error: `.
    case refused(String)
    /// `path` (as messages name it) could not be resolved or written; `errno` says why.
    case failed(path: String, errno: Int32)
}

extension OutputPath {
    /// The descriptor that `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` names (as a
    /// shell means them: the open descriptor, not a file to replace), or nil.
    package static func descriptor(_ path: String) -> Int32? {
        switch path {
        case "-", "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        case "/dev/stdin": return STDIN_FILENO
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
            if let fd = Int32(path.dropFirst(prefix.count)), fd >= 0 { return fd }
        }
        return nil
    }

    /// How messages name `path`: `-` is standard output.
    package static func display(_ path: String) -> String {
        switch descriptor(path) {
        case STDOUT_FILENO: "standard output"
        case STDERR_FILENO: "standard error"
        default: escapingControls(path)
        }
    }

    /// `path` as messages name it: its control, bidirectional and format characters (a newline above all)
    /// written as `<U+XXXX>` (`TerminalText`), so a message naming it stays one line and reads as it is.
    static func escapingControls(_ path: String) -> String { TerminalText.escaped(path) }

    package enum Resolution {
        case path(String)
        case descriptor(Int32)
        case failure(Int32)
    }

    /// `path` made absolute with `.`, `..` and every symlink resolved component by component (as the kernel
    /// does, so `link/..` is the folder above the link's target), even when the file itself does not exist
    /// yet; a symlink to a descriptor path such as `/dev/stdout` leads to that descriptor.
    package static func resolve(_ path: String) -> Resolution {
        if let fd = descriptor(path) ?? descriptor(absolute(path)) { return .descriptor(fd) }
        // Components still to walk, the next one last; `prefix` is resolved already ("" is the root).
        var pending = Array(path.split(separator: "/").map(String.init).reversed())
        var prefix = path.hasPrefix("/") ? "" : currentFolder()
        var hops = 0
        while let part = pending.popLast() {
            if part == "." { continue }
            if part == ".." {
                prefix = prefix.lastIndex(of: "/").map { String(prefix[..<$0]) } ?? ""
                continue
            }
            let candidate = prefix + "/" + part
            if pending.isEmpty, let fd = descriptor(candidate) { return .descriptor(fd) }
            var status = stat()
            guard lstat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else {
                prefix = candidate
                continue
            }
            hops += 1
            guard hops <= 40 else { return .failure(ELOOP) }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(candidate, &buffer, buffer.count - 1)
            guard length >= 0 else { return .failure(errno) }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") { prefix = "" }
            pending += target.split(separator: "/").map(String.init).reversed()
        }
        return .path(prefix.isEmpty ? "/" : prefix)
    }

    /// The canonical form of `path` for comparisons (see `resolve`); the absolute path when it cannot be resolved.
    package static func canonical(_ path: String) -> String {
        if case .path(let resolved) = resolve(path) { return resolved }
        return absolute(path)
    }

    /// `path` made absolute against the working folder, with `.`, `..` and repeated slashes removed.
    package static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The working folder, with its symlinks resolved (as `getcwd` gives it).
    private static func currentFolder() -> String {
        guard let buffer = getcwd(nil, 0) else { return FileManager.default.currentDirectoryPath }
        defer { free(buffer) }
        let folder = String(cString: buffer)
        return folder == "/" ? "" : folder
    }
}
