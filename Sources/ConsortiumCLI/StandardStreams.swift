import ArgumentParser
import ConsortiumModel
import ConsortiumOutput
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output and standard error over write(2), which never trap and never lose output silently.
///
/// `FileHandle.write` traps on EPIPE and ENOSPC (a backtrace and exit 132), and `print` buffers in stdio,
/// whose failures nobody checks (exit 0 with the output lost). Everything the program prints goes through
/// here instead: a failed write of standard output is reported on standard error and ends the run with 74
/// (EX_IOERR); a failed write of standard error cannot be reported, so it only makes the run's exit status
/// non-zero.
enum StandardStreams {
    private static let errorWriteFailed = Atomic<Bool>(false)

    /// Whether a write to standard error failed since the last `resetErrorFailure()`: the run then exits 74
    /// if it would exit 0.
    static var errorFailed: Bool { errorWriteFailed.load(ordering: .relaxed) }

    /// Forgets earlier failures of standard error (at the start of a run).
    static func resetErrorFailure() {
        errorWriteFailed.store(false, ordering: .relaxed)
    }

    /// Records that a write to standard error failed.
    fileprivate static func recordErrorFailure() {
        errorWriteFailed.store(true, ordering: .relaxed)
    }
}

/// Writes all of `bytes` to the descriptor `fd`, looping on partial writes, EINTR and EAGAIN; returns 0, or
/// the `errno` of the write that failed.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    OutputFile.writeAll(fd, bytes)
}

/// Writes all of `text` to the descriptor `fd`; returns 0 or the `errno` of the write that failed.
func writeAll(_ fd: Int32, _ text: String) -> Int32 {
    var text = text
    return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
}

/// The message for an `errno`, as `strerror` gives it ("No space left on device").
func describe(errno code: Int32) -> String {
    String(cString: strerror(code))
}

/// Prints `text` to standard output as it is (add the newline yourself). When the write fails, says so on
/// standard error and throws exit 74.
func printOutput(_ text: String) throws {
    let failure = writeAll(STDOUT_FILENO, text)
    guard failure == 0 else {
        printError("error: cannot write standard output: \(describe(errno: failure))")
        throw ExitStatus.ioError
    }
}

/// Prints `text` and a newline to standard error; a failed write is recorded in `StandardStreams.errorFailed`.
///
/// Messages quote paths and values the user or a file gave: control and bidirectional characters in them are
/// written as `<U+XXXX>` (`TerminalText`), line breaks kept.
func printError(_ text: String) {
    writeError(TerminalText.escapedKeepingLines(text) + "\n")
}

/// Writes `text` to standard error as it is; a failed write is recorded in `StandardStreams.errorFailed`.
func writeError(_ text: String) {
    if writeAll(STDERR_FILENO, text) != 0 {
        StandardStreams.recordErrorFailure()
    }
}
