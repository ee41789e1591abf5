import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `consortium` program run with its standard streams where a test puts them (a file, `/dev/full`, a pipe
/// nobody reads), in a chosen folder, optionally with SIGPIPE ignored as under many supervisors.
///
/// `CONSORTIUM_EXECUTABLE` names another binary to run (a build of an older commit, to see a test fail there).
struct ChildProcess {
    /// Where a standard stream of the child goes.
    enum Stream {
        /// A temporary file, read back into the result.
        case captured
        /// A path opened for writing (`/dev/full`).
        case path(String)
        /// The write end of a pipe whose read end is closed before the child starts.
        case closedPipe
    }

    struct Result {
        /// The exit status, or nil when a signal ended the process.
        let status: Int32?
        let signal: Int32?
        let standardOutput: String
        let standardError: String

        var summary: String {
            "status \(status.map(String.init) ?? "-"), signal \(signal.map(String.init) ?? "-"), "
                + "stderr: \(standardError)"
        }
    }

    static var binary: String { ProcessInfo.processInfo.environment["CONSORTIUM_EXECUTABLE"] ?? Executable.path }

    /// Whether the binary is another build than this one's (see `CONSORTIUM_EXECUTABLE`).
    static var isOtherBuild: Bool { ProcessInfo.processInfo.environment["CONSORTIUM_EXECUTABLE"] != nil }

    let pid: pid_t
    let captures: [URL]
    let outputs: (Stream, Stream)

    /// Starts `program arguments` (by default `consortium arguments`) in `folder`.
    init(
        _ arguments: [String], in folder: URL, program: String = ChildProcess.binary,
        standardOutput: Stream = .captured, standardError: Stream = .captured, ignoringSIGPIPE: Bool = false
    ) throws {
        let temporary = FileManager.default.temporaryDirectory
        let captures = [0, 1].map { temporary.appendingPathComponent("consortium-child-\($0)-\(UUID().uuidString)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = []
        for (fd, stream) in [(Int32(1), standardOutput), (Int32(2), standardError)] {
            switch stream {
            case .captured:
                posix_spawn_file_actions_addopen(
                    &actions, fd, captures[Int(fd) - 1].path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .path(let path):
                posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY, 0)
            case .closedPipe:
                var ends: [Int32] = [0, 0]
                guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
                close(ends[0])
                posix_spawn_file_actions_adddup2(&actions, ends[1], fd)
                posix_spawn_file_actions_addclose(&actions, ends[1])
                pipeEnds.append(ends[1])
            }
        }
        defer { for end in pipeEnds { close(end) } }
        let trap = ignoringSIGPIPE ? "trap '' PIPE; " : ""
        let script = "cd \"$1\" || exit 99; shift; \(trap)exec \"$@\""
        let argv: [UnsafeMutablePointer<CChar>?] =
            (["/bin/sh", "-c", script, "sh", folder.path, program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child = pid_t()
        let status = posix_spawn(&child, "/bin/sh", &actions, nil, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        pid = child
        self.captures = captures
        outputs = (standardOutput, standardError)
    }

    /// Runs `consortium arguments` in `folder` to its end.
    static func run(
        _ arguments: [String], in folder: URL, standardOutput: Stream = .captured, standardError: Stream = .captured,
        ignoringSIGPIPE: Bool = false
    ) throws -> Result {
        try ChildProcess(
            arguments, in: folder, standardOutput: standardOutput, standardError: standardError,
            ignoringSIGPIPE: ignoringSIGPIPE
        ).wait()
    }

    /// Waits for the child to end (killing it after `seconds`, when given) and collects what it printed.
    func wait(killingAfter seconds: Double? = nil) -> Result {
        var status: Int32 = 0
        let deadline = seconds.map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) }
        while true {
            let done = waitpid(pid, &status, deadline == nil ? 0 : WNOHANG)
            if done == pid || (done < 0 && errno != EINTR) { break }
            if let deadline, ContinuousClock.now > deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                break
            }
            if done == 0 { usleep(10_000) }
        }
        defer { for capture in captures { try? FileManager.default.removeItem(at: capture) } }
        let signal = status & 0x7F
        func read(_ index: Int) -> String {
            (try? String(contentsOf: captures[index], encoding: .utf8)) ?? ""
        }
        return Result(
            status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
            standardOutput: read(0), standardError: read(1))
    }
}
