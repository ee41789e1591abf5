import ConsortiumModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file's bytes, refusing what is not a regular file or is over the size limit.
///
/// A symbolic link is followed to what it names. Anything but a regular file (a named pipe, a device, a
/// socket, a folder) is refused from `stat` before it is opened, since opening a pipe with no writer blocks
/// and reading a device such as `/dev/zero` never ends; the file is then opened with `O_NONBLOCK` and checked
/// again with `fstat`, so that one swapped in between is refused as well and nothing can make the open wait.
enum FileReader {
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(cannotOpen(path, errno: errno)) }
        if let problem = notRegular(path, mode: info.st_mode) { return .failure(problem) }
        guard Int(info.st_size) <= limit else { return .failure(tooLarge(path, size: Int(info.st_size), limit: limit)) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(cannotOpen(path, errno: errno)) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { return .failure(cannotOpen(path, errno: errno)) }
        if let problem = notRegular(path, mode: info.st_mode) { return .failure(problem) }
        guard Int(info.st_size) <= limit else { return .failure(tooLarge(path, size: Int(info.st_size), limit: limit)) }
        // Read to the end, one byte past the limit at most: the file may grow while it is read.
        var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { break }
                bytes += repeatElement(0, count: min(count, limit + 1 - count))
            }
            let got = bytes.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { return .failure(cannotOpen(path, errno: errno)) }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else {
            return .failure(
                .error(
                    at: start(path), code: "file-too-large",
                    "the file grew over the \(megabytes(limit)) limit while being read", hint: tooLargeHint))
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// The diagnostic for what `mode` says is not a regular file, naming what it is; `nil` for a regular file.
    static func notRegular(_ path: String, mode: mode_t) -> Diagnostic? {
        let what: String
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: what = "a named pipe (FIFO)"
        case S_IFCHR: what = "a character device"
        case S_IFBLK: what = "a block device"
        case S_IFSOCK: what = "a socket"
        case S_IFDIR: what = "a folder"
        default: what = "not a regular file"
        }
        return .error(
            at: start(path), code: "not-a-file", "this is \(what), not a regular file; it was not opened",
            hint: "give an .xml file or a folder holding Agencies/ and Missions/")
    }

    /// Why `path` could not be opened (`stat` or `open` set `code`), naming a link that loops or leads nowhere.
    static func cannotOpen(_ path: String, errno code: Int32) -> Diagnostic {
        if code == ELOOP {
            return .error(
                at: start(path), code: "symlink-loop", "this is a symbolic link loop: it leads back to itself",
                hint: "replace the link with the file it should point to")
        }
        var link = stat()
        if code == ENOENT, lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
            let target = linkTarget(path) ?? "a file"
            return .error(
                at: start(path), code: "broken-symlink",
                "this symbolic link points to \(target), which does not exist",
                hint: "fix or remove the link")
        }
        let reason = String(cString: strerror(code))
        return .error(
            at: start(path), code: "unreadable", "the file cannot be opened (\(reason))",
            hint: "check that the path exists and is readable")
    }

    /// What the symbolic link at `path` names, as written in it.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func start(_ path: String) -> SourceLocation {
        SourceLocation(file: path, line: 1, column: 1)
    }

    /// The diagnostic for a file of `size` bytes over the `limit`.
    static func tooLarge(_ path: String, size: Int, limit: Int) -> Diagnostic {
        .error(
            at: start(path), code: "file-too-large",
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

/// `read(2)`, named apart from `FileReader.read`.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
