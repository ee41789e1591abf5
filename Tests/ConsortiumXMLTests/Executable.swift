import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `consortium` program run as a child process, for what only a process shows: its exit status,
/// its peak memory, what it prints, and how it answers a signal.
struct Executable {
    /// How a run ended.
    struct Result {
        /// The exit status, or nil when a signal killed the process.
        let status: Int32?
        /// The signal that killed it, if one did.
        let signal: Int32?
        let standardOutput: String
        let standardError: String
        /// Peak resident memory of the child, in KiB: the highest `VmHWM` of `/proc/PID/status` seen while it ran.
        let peakMemoryKiB: Int
        let seconds: Double
        /// Processor time of the child (user + system), which load from other work barely changes.
        let cpuSeconds: Double
    }

    /// The `consortium` binary next to the test bundle (`swift build --build-tests` builds both into one folder).
    static let path: String = {
        // Other suites change the working directory, so only an absolute path to the test bundle is used.
        let bundle = CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0] : "/nonexistent/bundle"
        let products = URL(fileURLWithPath: bundle).deletingLastPathComponent()
        let candidates = [
            products.appendingPathComponent("consortium").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "../../.build/debug/consortium"
            )
            .standardizedFileURL.path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    let pid: pid_t
    let output: URL
    let error: URL
    let started: ContinuousClock.Instant

    /// Starts `consortium arguments` with its output and errors going to temporary files; with a `launcher`
    /// (`["/usr/bin/env", "-C", dir]`, `["/usr/bin/unshare", "-U"]`), that program starts it.
    init(_ arguments: [String], launcher: [String] = []) throws {
        let folder = FileManager.default.temporaryDirectory
        output = folder.appendingPathComponent("consortium-out-\(UUID().uuidString)")
        error = folder.appendingPathComponent("consortium-err-\(UUID().uuidString)")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, error.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = (launcher + [Self.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child = pid_t()
        started = ContinuousClock.now
        let status = posix_spawn(&child, launcher.first ?? Self.path, &actions, nil, argv, environ)
        guard status == 0 else {
            throw NSError(
                domain: "Executable", code: Int(status),
                userInfo: [NSLocalizedDescriptionKey: "cannot start \(Self.path)"])
        }
        pid = child
    }

    /// Runs `consortium arguments` to its end.
    static func run(_ arguments: [String], launcher: [String] = []) throws -> Result {
        try Executable(arguments, launcher: launcher).wait()
    }

    /// Waits for the process to end and collects what it printed.
    func wait() -> Result {
        // `ru_maxrss` from wait4 cannot be used: a spawned child inherits the test process's own peak (taken
        // at exec from the address space it shared with us), and the test process holds far more than the
        // program does. The child's own high-water mark is read from /proc while it runs, every millisecond
        // (it only grows, so the last reading before exit is at most a millisecond short of the peak).
        var status: Int32 = 0
        var peak = 0
        var usage = rusage()
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid || (done < 0 && errno != EINTR) { break }
            peak = max(peak, Self.highWaterMarkKiB(of: pid))
            usleep(1_000)
        }
        let elapsed = ContinuousClock.now - started
        let signal = status & 0x7F
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: error)
        }
        return Result(
            status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
            standardOutput: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOf: error, encoding: .utf8)) ?? "",
            peakMemoryKiB: peak,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            cpuSeconds: Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6)
    }

    /// `VmHWM` of a running process, in KiB (0 when it cannot be read).
    static func highWaterMarkKiB(of pid: pid_t) -> Int {
        guard let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/status"),
            let status = String(data: handle.readDataToEndOfFile(), encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.dropFirst(6).filter(\.isNumber)) ?? 0
    }

    /// Whether the process has taken over SIGINT (Linux: the `SigIgn` or `SigCgt` mask of `/proc/PID/status`;
    /// a dispatch signal source catches it), which is how a test knows that a long run can be interrupted.
    var handlesInterrupt: Bool {
        // Read to the end: /proc files report a size of 0, so a whole-file read by size would see nothing.
        guard let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/status"),
            let status = String(data: handle.readDataToEndOfFile(), encoding: .utf8)
        else { return false }
        let bit = UInt64(1) << (UInt64(SIGINT) - 1)
        return status.split(separator: "\n").contains { line in
            guard line.hasPrefix("SigIgn:") || line.hasPrefix("SigCgt:") else { return false }
            let mask = UInt64(line.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16) ?? 0
            return mask & bit != 0
        }
    }
}
