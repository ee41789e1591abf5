#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The writes behind `OutputPath`, over POSIX calls so that every failure is an `errno` with a plain message.
package enum OutputFile {
    /// Writes `bytes` to `destination`; returns 0, or the `errno` of the step that failed.
    package static func write(_ bytes: UnsafeRawBufferPointer, to destination: OutputDestination) -> Int32 {
        switch destination {
        case .descriptor(let fd): writeAll(fd, bytes)
        case .inPlace(let path): writeInPlace(bytes, to: path)
        case .atomic(let path): replace(path, with: bytes)
        }
    }

    /// Writes into an existing device or FIFO, opened without `O_CREAT` or `O_TRUNC`, so it is never replaced
    /// (a FIFO blocks until a reader opens it, as with a shell's `>`).
    package static func writeInPlace(_ bytes: UnsafeRawBufferPointer, to path: String) -> Int32 {
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return errno }
        var status = stat()
        if fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
            // Replaced by a regular file since it was checked: replace that one atomically instead.
            close(fd)
            return replace(path, with: bytes)
        }
        let failure = writeAll(fd, bytes)
        let closed = close(fd) == 0 ? 0 : errno
        return failure != 0 ? failure : closed
    }

    /// Replaces the regular file `path` (or creates it) atomically: the bytes go to a temporary file in the
    /// same folder, which is flushed to disk and renamed over `path`, so a reader sees the old file or the
    /// new one, never a part. A replaced file keeps its permissions; a new one gets 0666 less the umask.
    package static func replace(_ path: String, with bytes: UnsafeRawBufferPointer) -> Int32 {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var existing = stat()
        let mode: mode_t? = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : nil
        // A file the user may not write is not replaced behind their back (a shell's `>` would fail too).
        if mode != nil, access(path, W_OK) != 0 { return errno }
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<100 {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            temporary = (folder == "/" ? "" : folder) + "/.\(name).\(suffix).tmp"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { return errno }
        var failure: Int32 = 0
        if let mode, fchmod(fd, mode) != 0 { failure = errno }
        if failure == 0 { failure = writeAll(fd, bytes) }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            return failure
        }
        // The rename itself reaches the disk with the folder's entry; a folder that cannot be synced is not an
        // error (the file is written).
        let folderFD = open(folder, O_RDONLY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
        return 0
    }

    /// Writes all of `bytes` to the descriptor `fd`, looping on partial writes, EINTR and EAGAIN; returns 0, or
    /// the `errno` of the write that failed.
    package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard var next = bytes.baseAddress else { return 0 }
        var left = bytes.count
        while left > 0 {
            let written = systemWrite(fd, next, left)
            if written > 0 {
                next += written
                left -= written
                continue
            }
            if written == 0 { return EIO }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                // A descriptor left non-blocking by whoever opened it: wait until it can take more.
                var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            case let failure:
                return failure
            }
        }
        return 0
    }
}

/// write(2) (the name `write` inside `OutputFile` is its own method).
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
