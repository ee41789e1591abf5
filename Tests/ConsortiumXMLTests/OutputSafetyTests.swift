import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every write the program makes: outputs never replace a file the run read or a device, `-` is standard
/// output, and a write that fails (a full device, a closed pipe, a missing folder) ends with a plain message
/// and exit 74, never a trap and never exit 0 with the output lost.
///
/// Each test runs the built program in a throw-away folder holding a copy of the test library.
@Suite(.serialized)
struct OutputSafetyTests {
    /// A temporary folder with the test library in `lib/` (`lib/Agencies/alpha.xml`, `lib/Missions/mini.xml`,
    /// and the scenario `lib/Missions/mini-cut.xml` on `mini`).
    struct Workspace {
        let root: URL
        var library: URL { root.appendingPathComponent("lib") }
        var campaign: String { "lib/Missions/mini.xml" }
        var scenario: String { "lib/Missions/mini-cut.xml" }
        var agency: String { "lib/Agencies/alpha.xml" }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("consortium-outputs-\(UUID())")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: TestLibrary.corpus.appendingPathComponent("valid"), to: library)
        }

        func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

        func bytes(_ relative: String) -> Data? { FileManager.default.contents(atPath: path(relative)) }

        func run(
            _ arguments: [String], standardOutput: ChildProcess.Stream = .captured,
            standardError: ChildProcess.Stream = .captured, ignoringSIGPIPE: Bool = false
        ) throws -> ChildProcess.Result {
            try ChildProcess.run(
                arguments, in: root, standardOutput: standardOutput, standardError: standardError,
                ignoringSIGPIPE: ignoringSIGPIPE)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// The file type bits of `path` (`lstat`: a symlink is a symlink), or nil when there is nothing there.
    static func type(_ path: String) -> mode_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    /// A run that ended by itself (no trap, no signal) with a non-zero status.
    static func endedCleanlyWithFailure(_ result: ChildProcess.Result) -> Bool {
        result.signal == nil && result.status != nil && result.status != 0
    }

    // MARK: Never a file the run read

    /// `simulate FILE --trace FILE` replaced the campaign with a CSV trace and exited 0.
    @Test func aTraceOntoTheCampaignIsRefusedAndTheCampaignKept() throws {
        let space = try Workspace()
        defer { space.remove() }
        let before = space.bytes(space.campaign)
        let result = try space.run(["simulate", space.campaign, "--trace", space.campaign])
        #expect(result.status == 64, "\(result.summary)")
        #expect(
            result.standardError.contains(
                "error: \(space.campaign) was read by this run; write the trace somewhere else"), "\(result.summary)")
        #expect(space.bytes(space.campaign) == before)
    }

    /// `--trace lib/Agencies/alpha.xml` destroyed an agency; `--force` allows a folder, never a file the run read.
    @Test(arguments: [false, true])
    func aTraceOntoAnAgencyIsRefusedEvenWithForce(_ force: Bool) throws {
        let space = try Workspace()
        defer { space.remove() }
        let before = space.bytes(space.agency)
        let result = try space.run(["simulate", space.campaign, "--trace", space.agency] + (force ? ["--force"] : []))
        #expect(result.status == 64, "\(result.summary)")
        #expect(result.standardError.contains("\(space.agency) was read by this run"), "\(result.summary)")
        #expect(space.bytes(space.agency) == before)
    }

    /// A scenario's campaign is read although only the scenario is named: `--report` onto it is refused too.
    @Test func aReportOntoTheCampaignOfARunScenarioIsRefused() throws {
        let space = try Workspace()
        defer { space.remove() }
        let before = space.bytes(space.campaign)
        let result = try space.run([
            "simulate", space.scenario, "--trials", "20", "--coalition-trials", "0", "--report", space.campaign,
            "--force",
        ])
        #expect(result.status == 64, "\(result.summary)")
        #expect(result.standardError.contains("\(space.campaign) was read by this run"), "\(result.summary)")
        #expect(space.bytes(space.campaign) == before)
    }

    /// A library file the run does not use (another person's broken copy, left out with a warning) was still
    /// read: `--force` does not let a trace replace it.
    @Test func aBrokenLibraryFileTheRunLeavesOutIsNotReplacedEvenWithForce() throws {
        let space = try Workspace()
        defer { space.remove() }
        let other = "lib/Missions/6-typo.xml"
        let typo = Data("<campaign id=\"typo\" name=\"A typo\"><oops></campaign>\n".utf8)
        try typo.write(to: URL(fileURLWithPath: space.path(other)))
        let result = try space.run(["simulate", space.campaign, "--trace", other, "--force"])
        #expect(result.status == 64, "\(result.summary)")
        #expect(result.standardError.contains("\(other) was read by this run"), "\(result.summary)")
        #expect(space.bytes(other) == typo)
    }

    /// A valid library file the run does not need (a scenario on the campaign being run) was read too.
    @Test func aLibraryFileTheRunDoesNotNeedIsNotReplacedEvenWithForce() throws {
        let space = try Workspace()
        defer { space.remove() }
        let before = space.bytes(space.scenario)
        let result = try space.run(["simulate", space.campaign, "--trace", space.scenario, "--force"])
        #expect(result.status == 64, "\(result.summary)")
        #expect(result.standardError.contains("\(space.scenario) was read by this run"), "\(result.summary)")
        #expect(space.bytes(space.scenario) == before)
    }

    /// A trace written inside `Missions/` would be read by every later run: refused without `--force`,
    /// written with it.
    @Test func aTraceInsideMissionsNeedsForce() throws {
        let space = try Workspace()
        defer { space.remove() }
        let trace = "lib/Missions/trace.csv"
        let refused = try space.run(["simulate", space.campaign, "--trace", trace])
        #expect(refused.status == 64, "\(refused.summary)")
        #expect(refused.standardError.contains("inside an Agencies/ or Missions/ folder"), "\(refused.summary)")
        #expect(Self.type(space.path(trace)) == nil)
        let forced = try space.run(["simulate", space.campaign, "--trace", trace, "--force"])
        #expect(forced.status == 0, "\(forced.summary)")
        #expect(space.bytes(trace).map { String(decoding: $0, as: UTF8.self).hasPrefix("day,date,kind,") } == true)
    }

    /// A newline (or a carriage return) in an output path is shown escaped: the refusal stays one line, so a
    /// file name cannot forge a second `error:` line. The refusal printed the newline raw.
    @Test(arguments: ["lib/Missions/t\nerror: forged.csv", "missing/t\rerror: forged.csv"])
    func aLineBreakInAnOutputPathIsEscaped(_ trace: String) throws {
        let space = try Workspace()
        defer { space.remove() }
        let result = try space.run(["simulate", space.campaign, "--trace", trace])
        #expect(Self.endedCleanlyWithFailure(result), "\(result.summary)")
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.summary)")
        #expect(result.standardError.contains("<U+000A>") || result.standardError.contains("<U+000D>"))
        #expect(!result.standardError.contains("\r"))
    }

    /// The same input reached through a symlink, through `..`, or through a hard link is still the input.
    @Test(arguments: ["symlink", "dotdot", "hardlink"])
    func anInputReachedAnotherWayIsRefused(_ way: String) throws {
        let space = try Workspace()
        defer { space.remove() }
        let before = space.bytes(space.campaign)
        let output: String
        switch way {
        case "symlink":
            output = "link.xml"
            try FileManager.default.createSymbolicLink(
                atPath: space.path(output), withDestinationPath: space.path(space.campaign))
        case "dotdot":
            try FileManager.default.createDirectory(atPath: space.path("sub"), withIntermediateDirectories: true)
            output = "sub/../\(space.campaign)"
        default:
            output = "hard.xml"
            try FileManager.default.linkItem(atPath: space.path(space.campaign), toPath: space.path(output))
        }
        let result = try space.run(["simulate", space.campaign, "--trace", output])
        #expect(result.status == 64, "\(result.summary)")
        #expect(result.standardError.contains("\(space.campaign) was read by this run"), "\(result.summary)")
        #expect(space.bytes(space.campaign) == before)
        if way == "symlink" { #expect(Self.type(space.path(output)) == S_IFLNK) }
        if way == "hardlink" { #expect(space.bytes(output) == before) }
    }

    /// `generate --force` into a folder whose `Agencies/syn-a000.xml` is a link to another library's agency
    /// replaced that agency; a FIFO there made it wait forever. Both are refused before anything is written.
    @Test(.timeLimit(.minutes(1)), arguments: ["symlink", "fifo"])
    func generateWithForceReplacesOnlyRegularFiles(_ kind: String) throws {
        let space = try Workspace()
        defer { space.remove() }
        try FileManager.default.createDirectory(atPath: space.path("g/Agencies"), withIntermediateDirectories: true)
        let name = space.path("g/Agencies/syn-a000.xml")
        let before = space.bytes(space.agency)
        if kind == "symlink" {
            try FileManager.default.createSymbolicLink(atPath: name, withDestinationPath: space.path(space.agency))
        } else {
            #expect(mkfifo(name, 0o644) == 0)
        }
        let result = try space.run([
            "generate", "--agencies", "2", "--elements", "2", "--missions", "1", "--out", "g", "--force",
        ])
        #expect(result.status == 64, "\(result.summary)")
        #expect(result.standardError.contains("generate replaces only regular files"), "\(result.summary)")
        #expect(space.bytes(space.agency) == before)
        #expect(Self.type(name) == (kind == "symlink" ? S_IFLNK : S_IFIFO))
        #expect(!FileManager.default.fileExists(atPath: space.path("g/Agencies/syn-a001.xml")))
        #expect(!FileManager.default.fileExists(atPath: space.path("g/Missions/synthetic-a2-e2-m1-s1.xml")))
    }

    /// `generate --out` into a folder inside a library's `Agencies/`, also through a symlink to it, is refused
    /// without `--force`.
    @Test(arguments: ["direct", "symlink"])
    func generateIntoAgenciesNeedsForce(_ way: String) throws {
        let space = try Workspace()
        defer { space.remove() }
        var out = "lib/Agencies/generated"
        if way == "symlink" {
            try FileManager.default.createDirectory(atPath: space.path(out), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: space.path("link"), withDestinationPath: space.path(out))
            out = "link"
        }
        let result = try space.run(["generate", "--agencies", "2", "--elements", "4", "--missions", "1", "--out", out])
        #expect(result.status == 64, "\(result.summary)")
        #expect(result.standardError.contains("inside an Agencies/ or Missions/ folder"), "\(result.summary)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: space.path("lib/Agencies/generated"))) ?? []
        #expect(written.isEmpty, "written: \(written)")
    }

    // MARK: Devices, FIFOs, symlinks and standard output are written, never replaced

    /// `--out FIFO` wrote a regular file in the FIFO's place; now a reader on the FIFO gets the result.
    @Test(.timeLimit(.minutes(1)))
    func aFIFOIsWrittenInPlace() throws {
        let space = try Workspace()
        defer { space.remove() }
        let fifo = space.path("results.fifo")
        #expect(mkfifo(fifo, 0o644) == 0)
        // The reader: a shell copying the FIFO to a file (it blocks in open until the program opens it too).
        let reader = try ChildProcess(["-c", "cat results.fifo > received.json"], in: space.root, program: "/bin/sh")
        let result = try space.run([
            "simulate", space.campaign, "--trials", "20", "--coalition-trials", "0", "--format", "json", "--out",
            fifo,
        ])
        // A reader still waiting (the FIFO was replaced, or never opened) is stopped.
        _ = reader.wait(killingAfter: 10)
        #expect(result.status == 0, "\(result.summary)")
        #expect(Self.type(fifo) == S_IFIFO, "the FIFO was replaced")
        let received = space.bytes("received.json") ?? Data()
        let json = try? JSONSerialization.jsonObject(with: received) as? [String: Any]
        #expect(json?["schemaVersion"] as? Int == 2, "received \(received.count) bytes")
    }

    /// An output path that is a symlink to a regular file: the file it points at gets the result, the link
    /// stays a link.
    @Test func aSymlinkedOutputWritesItsTargetAndStaysALink() throws {
        let space = try Workspace()
        defer { space.remove() }
        try Data("old".utf8).write(to: URL(fileURLWithPath: space.path("target.json")))
        try FileManager.default.createSymbolicLink(atPath: space.path("link.json"), withDestinationPath: "target.json")
        let result = try space.run([
            "simulate", space.campaign, "--trials", "20", "--coalition-trials", "0", "--format", "json", "--out",
            "link.json",
        ])
        #expect(result.status == 0, "\(result.summary)")
        #expect(Self.type(space.path("link.json")) == S_IFLNK, "the link was replaced by a file")
        let json = space.bytes("target.json").flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        #expect(json?["schemaVersion"] as? Int == 2)
    }

    /// `--out /dev/null` left a regular file in place of the device. Not run against another build (see
    /// `ChildProcess`): as root, the old code replaces the machine's `/dev/null`; the FIFO test shows the fault.
    @Test(arguments: ["--out", "--trace", "--report"])
    func devNullStaysADevice(_ option: String) throws {
        guard !ChildProcess.isOtherBuild, Self.type("/dev/null") == S_IFCHR else { return }
        let space = try Workspace()
        defer { space.remove() }
        let many = ["--trials", "20", "--coalition-trials", "0"]
        let result = try space.run(
            ["simulate", space.campaign] + (option == "--trace" ? [] : many) + [option, "/dev/null"])
        #expect(result.status == 0, "\(result.summary)")
        #expect(Self.type("/dev/null") == S_IFCHR, "/dev/null is no longer a character device")
        let left = try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.hasPrefix(".null") }
        #expect(left.isEmpty, "left in /dev: \(left)")
    }

    /// `-` is standard output (`--out -` wrote a file named `-`).
    @Test func aDashIsStandardOutput() throws {
        let space = try Workspace()
        defer { space.remove() }
        let result = try space.run([
            "simulate", space.campaign, "--trials", "20", "--coalition-trials", "0", "--format", "json", "--out", "-",
        ])
        #expect(result.status == 0, "\(result.summary)")
        let json = try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(json?["schemaVersion"] as? Int == 2, "stdout: \(result.standardOutput.prefix(200))")
        #expect(Self.type(space.path("-")) == nil, "a file named '-' was written")
    }

    /// `/dev/stdout`, and a symlink to it, are standard output as in a shell: the result arrives there and the
    /// link stays a link. Only the link is tried against another build: as root, the old code renames a
    /// temporary file over `/dev/stdout` itself.
    @Test(arguments: ["/dev/stdout", "link"])
    func devStdoutIsStandardOutput(_ out: String) throws {
        guard out == "link" || !ChildProcess.isOtherBuild, Self.type("/dev/stdout") == S_IFLNK else { return }
        let space = try Workspace()
        defer { space.remove() }
        if out == "link" {
            try FileManager.default.createSymbolicLink(atPath: space.path(out), withDestinationPath: "/dev/stdout")
        }
        let result = try space.run([
            "simulate", space.campaign, "--trials", "20", "--coalition-trials", "0", "--format", "json", "--out", out,
        ])
        #expect(result.status == 0, "\(result.summary)")
        let json = try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(json?["schemaVersion"] as? Int == 2, "stdout: \(result.standardOutput.prefix(200))")
        #expect(Self.type(out == "link" ? space.path(out) : out) == S_IFLNK)
    }

    // MARK: A failed write is exit 74 with a plain message

    /// A missing folder: a plain message and 74 (it was 64 with Foundation's "The folder ... doesn't exist").
    @Test func aMissingFolderIsAnIOErrorWithAPlainMessage() throws {
        let space = try Workspace()
        defer { space.remove() }
        let result = try space.run(["simulate", space.campaign, "--trace", "missing/trace.csv"])
        #expect(result.status == 74, "\(result.summary)")
        #expect(
            result.standardError.contains("error: cannot write missing/trace.csv: No such file or directory"),
            "\(result.summary)")
        #expect(!result.standardError.contains("NSCocoaErrorDomain"))
    }

    /// `--out /dev/full`: ENOSPC is exit 74 with a plain message. Not run against another build (as root, the
    /// old code renames a temporary file over `/dev/full`).
    @Test func aFullDeviceIsAnIOErrorWithAPlainMessage() throws {
        guard !ChildProcess.isOtherBuild, Self.type("/dev/full") == S_IFCHR else { return }
        let space = try Workspace()
        defer { space.remove() }
        let result = try space.run(["simulate", space.campaign, "--trace", "/dev/full"])
        #expect(result.status == 74, "\(result.summary)")
        #expect(
            result.standardError.contains("error: cannot write /dev/full: No space left on device"), "\(result.summary)"
        )
        #expect(Self.type("/dev/full") == S_IFCHR)
    }

    /// Every command's normal output into a full standard output: a message on standard error and 74 (the
    /// Monte Carlo table trapped with exit 132; the story, `validate`, `list`, `schema` and `--help` exited 0
    /// with their output lost).
    @Test(arguments: [
        ["simulate", "lib/Missions/mini.xml", "--trials", "50", "--coalition-trials", "0"],
        ["simulate", "lib/Missions/mini.xml"], ["validate", "lib"], ["list", "lib"], ["schema", "agency"], ["--help"],
    ])
    func aFullStandardOutputIsReported(_ arguments: [String]) throws {
        guard Self.type("/dev/full") == S_IFCHR else { return }
        let space = try Workspace()
        defer { space.remove() }
        let result = try space.run(arguments, standardOutput: .path("/dev/full"))
        #expect(result.status == 74, "\(result.summary)")
        #expect(
            result.standardError.contains("error: cannot write standard output: No space left on device"),
            "\(result.summary)")
    }

    /// A failing command whose standard error is full still exits with its status, without a trap.
    @Test func aFullStandardErrorDoesNotTrap() throws {
        guard Self.type("/dev/full") == S_IFCHR else { return }
        let space = try Workspace()
        defer { space.remove() }
        let result = try space.run(["simulate", "lib/Missions/none.xml"], standardError: .path("/dev/full"))
        #expect(result.status == 64, "\(result.summary)")
    }

    /// A run that would succeed but cannot print its warnings (standard error full) exits 74, not 0 with the
    /// warnings lost (it trapped).
    @Test func warningsLostToAFullStandardErrorAreAFailure() throws {
        guard Self.type("/dev/full") == S_IFCHR else { return }
        let space = try Workspace()
        defer { space.remove() }
        let warning = TestLibrary.corpus.appendingPathComponent("invalid/need-by-early.xml")
        try FileManager.default.removeItem(atPath: space.path(space.campaign))
        try FileManager.default.copyItem(atPath: warning.path, toPath: space.path(space.campaign))
        let shown = try space.run(["validate", "lib"])
        #expect(shown.status == 0 && shown.standardError.contains("[need-by-early]"), "\(shown.summary)")
        let lost = try space.run(["validate", "lib"], standardError: .path("/dev/full"))
        #expect(lost.status == 74, "\(lost.summary)")
    }

    /// Output into a pipe nobody reads, with SIGPIPE ignored (EPIPE): a message and a non-zero exit, never a
    /// trap (the Monte Carlo table) and never exit 0 (the story).
    @Test(arguments: [
        ["simulate", "lib/Missions/mini.xml", "--trials", "50", "--coalition-trials", "0"],
        ["simulate", "lib/Missions/mini.xml"], ["validate", "lib"],
    ])
    func aClosedPipeWithSIGPIPEIgnoredIsReported(_ arguments: [String]) throws {
        let space = try Workspace()
        defer { space.remove() }
        let result = try space.run(arguments, standardOutput: .closedPipe, ignoringSIGPIPE: true)
        #expect(Self.endedCleanlyWithFailure(result), "\(result.summary)")
        #expect(result.status == 74, "\(result.summary)")
        #expect(result.standardError.contains("error: cannot write standard output: Broken pipe"), "\(result.summary)")
    }
}
