import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `consortium` program itself, as a user runs it: exit statuses, messages, memory, Ctrl-C, bytes.
@Suite(.serialized)
struct ExecutableTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Peak memory allowed to `consortium validate` on a hostile file: the program itself needs about 20 MiB;
    /// reading the 100 MB file, or expanding an entity bomb, would need far more.
    static let memoryBoundKiB = 64 * 1024

    /// Every file of the hostile and broken corpus, as a user meets it: `consortium validate` on the library
    /// exits 65 (0 for the one warning) with `path:line:col: error:` where the manifest says, prints nothing
    /// but diagnostics, and stays within the memory bound.
    /// `--trial N` on a scenario whose settings ask for 100 trials plays that one trial as a story; it ran the
    /// 100 trials and ignored the option. With `--trials 5` as well it is a usage error.
    @Test func aTrialOptionPlaysOneTrialOfAScenario() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let scenario = library.root.appendingPathComponent("Missions/mini-cut.xml").path
        let story = try Executable.run(["simulate", scenario, "--trial", "3"])
        #expect(story.status == 0, "\(story.standardError)")
        #expect(!story.standardOutput.contains("100 trials"), "\(story.standardOutput)")
        #expect(story.standardOutput.contains("trial 3"), "\(story.standardOutput)")
        let both = try Executable.run(["simulate", scenario, "--trial", "3", "--trials", "5"])
        #expect(both.status == 64)
        #expect(both.standardError.contains("--trial 3 plays one trial"), "\(both.standardError)")
    }

    @Test(arguments: InvalidCase.all)
    func validateRefusesEachCorpusFileWithExit65AndALocatedError(_ invalid: InvalidCase) throws {
        let library = try TestLibrary()
        defer { library.remove() }
        try library.write(
            Data(contentsOf: TestLibrary.corpus.appendingPathComponent("invalid/\(invalid.file)")), at: invalid.placedAt
        )
        let result = try Executable.run(["validate", library.root.path])
        let warningOnly = invalid.code == "need-by-early"
        #expect(result.status == (warningOnly ? 0 : 65), "\(result.standardError)")
        let file = library.root.appendingPathComponent(invalid.reportedIn).path
        let located = result.standardError.split(separator: "\n").contains { line in
            guard line.hasPrefix("\(file):"), line.hasSuffix("[\(invalid.code)]") else { return false }
            let position = line.dropFirst(file.count + 1).prefix(while: { $0 != " " }).dropLast()
            let numbers = position.split(separator: ":").compactMap { Int($0) }
            return numbers.count == 2 && (invalid.line == 0 || numbers == [invalid.line, invalid.column])
                && line.contains(warningOnly ? ": warning: " : ": error: ")
        }
        #expect(located, "no '\(file):LINE:COL: error: ... [\(invalid.code)]' line in:\n\(result.standardError)")
        // Nothing else reaches the terminal: no raw libxml2 messages, only diagnostics, hints and the summary.
        let stray = result.standardError.split(separator: "\n").filter { line in
            !(line.hasPrefix("\(library.root.path)/") || line.hasPrefix("    hint: ") || line.contains(" checked: "))
        }
        #expect(stray.isEmpty, "unexpected output: \(stray)")
        #expect(result.peakMemoryKiB < Self.memoryBoundKiB, "peak memory \(result.peakMemoryKiB) KiB")
        #expect(result.peakMemoryKiB > 1_000, "no memory reading")
    }

    /// Inputs the fuzzer found (Corpus/fuzz-regressions): each ends normally and prints only diagnostics.
    static let fuzzFindings: [String] = {
        let folder = TestLibrary.corpus.appendingPathComponent("fuzz-regressions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted()
    }()

    @Test(arguments: fuzzFindings)
    func everyFuzzFindingIsRefusedCleanly(_ name: String) throws {
        let library = try TestLibrary()
        defer { library.remove() }
        try library.write(
            Data(contentsOf: TestLibrary.corpus.appendingPathComponent("fuzz-regressions/\(name)")),
            at: "Missions/fuzz.xml")
        let result = try Executable.run(["validate", library.root.appendingPathComponent("Missions/fuzz.xml").path])
        #expect(result.signal == nil)
        #expect(result.status == 0 || result.status == 65, "status \(String(describing: result.status))")
        let stray = result.standardError.split(separator: "\n").filter { line in
            !(line.hasPrefix("\(library.root.path)/") || line.hasPrefix("    hint: ") || line.contains(" checked: ")
                || line.contains(" valid"))
        }
        #expect(stray.isEmpty, "unexpected output: \(stray)")
    }

    @Test func theFuzzRegressionsAreFound() {
        #expect(Self.fuzzFindings.contains("raw-encoding-errors-on-stderr.xml"))
    }

    /// A 100 MB file is refused by its size before it is read: exit 65, the limit named, little memory.
    @Test func aHundredMegabyteFileIsRefusedBeforeItIsRead() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let file = library.root.appendingPathComponent("Missions/huge.xml")
        try HostileFiles.writeHundredMegabytes(to: file)
        let result = try Executable.run(["validate", file.path])
        #expect(result.status == 65)
        #expect(
            result.standardError.contains(
                "\(file.path):1:1: error: the file is 100.0 MiB, over the 16.0 MiB limit [file-too-large]"),
            "\(result.standardError)")
        #expect(result.peakMemoryKiB < Self.memoryBoundKiB, "peak memory \(result.peakMemoryKiB) KiB")
        #expect(result.peakMemoryKiB > 1_000, "no memory reading")
    }

    /// Files just under the size limit, one of comments and one of a million empty elements, are refused
    /// quickly with little memory: elements are counted while parsing, before any tree is built, and comments
    /// get no tree node. (A file read whole costs more: see the next test.)
    @Test(arguments: ["comments", "elements"])
    func aFileAtTheSizeLimitIsRefusedQuicklyWithBoundedMemory(_ kind: String) throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let file = library.root.appendingPathComponent("Missions/big.xml")
        let line =
            kind == "comments"
            ? "<!--" + String(repeating: "x", count: 3_990) + "-->\n" : String(repeating: "<x/>", count: 1_000) + "\n"
        var text = #"<?xml version="1.0"?>"# + "\n"
        text += #"<campaign id="big" name="Big" lead="alpha" architecture="lead-agency" start="2026-01-01">"# + "\n"
        text += String(repeating: line, count: (15 << 20) / line.utf8.count) + "</campaign>\n"
        try Data(text.utf8).write(to: file)
        let result = try Executable.run(["validate", file.path])
        #expect(result.status == 65)
        let code = kind == "comments" ? "[schema]" : "[too-many-elements]"
        #expect(result.standardError.contains(code), "\(result.standardError)")
        #expect(result.cpuSeconds < 2, "took \(result.cpuSeconds) s of processor time")
        #expect(result.peakMemoryKiB < 128 * 1024, "peak memory \(result.peakMemoryKiB) KiB")
        #expect(result.peakMemoryKiB > 1_000, "no memory reading")
    }

    /// A file at the size limit that is read whole: 100,000 elements (the element limit) of the usual kind,
    /// padded to 15 MiB. The README's figure: about 16 times the file's size at its peak (tree, Swift values,
    /// schema validation and checks), measured at 16.7 times in a debug build and 15.5 in a release one (22.2
    /// and 19.6 before the checker sized its table of elements once).
    @Test func aFileReadWholeAtTheLimitsPeaksAtTheStatedMemory() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let file = library.root.appendingPathComponent("Missions/big.xml")
        var text = #"<?xml version="1.0"?>"# + "\n"
        text += #"<campaign id="big" name="Big" lead="alpha" architecture="lead-agency" start="2026-01-01">"# + "\n"
        for i in 0..<99_999 {
            text += #"<element id="e\#(i)" design="capsule" agency="alpha" start="2026-01-01"/>"# + "\n"
        }
        text += String(repeating: " ", count: (15 << 20) - text.utf8.count) + "</campaign>\n"
        try Data(text.utf8).write(to: file)
        let result = try Executable.run(["validate", file.path])
        #expect(result.status == 65)
        // Read whole: the one schema error is the missing <mission>, found at the end.
        #expect(result.standardError.contains("[schema]"), "\(result.standardError.prefix(500))")
        #expect(!result.standardError.contains("[too-many-"), "\(result.standardError.prefix(500))")
        let sizeKiB = text.utf8.count / 1024
        #expect(result.peakMemoryKiB < 22 * sizeKiB, "peak memory \(result.peakMemoryKiB) KiB, file \(sizeKiB) KiB")
        #expect(result.peakMemoryKiB > 10 * sizeKiB, "the file was not read whole, or the figure is too high")
    }

    /// Ctrl-C during a long Monte Carlo run: exit 130, a message, and neither the output nor a temporary file.
    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            ["simulate", "--trials", "100000000"], ["whatif", "--trials", "100000000"],
            ["compare", "--trials", "10000000"],
        ])
    func ctrlCStopsALongRunWritingNothing(_ command: [String]) throws {
        #if os(Linux)
            let library = try TestLibrary()
            defer { library.remove() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consortium-out-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let out = folder.appendingPathComponent("result.json")
            var arguments = [command[0], library.root.appendingPathComponent("Missions/mini.xml").path]
            arguments += command.dropFirst() + ["--threads", "2", "--format", "json", "--out", out.path]
            if command[0] == "whatif" { arguments += ["--delay", "capsule-1=30d"] }
            if command[0] == "compare" {
                arguments.insert(library.root.appendingPathComponent("Missions/mini-cut.xml").path, at: 2)
            }
            let run = try Executable(arguments)
            // Wait until the run routes SIGINT to its stop flag.
            let deadline = ContinuousClock.now + .seconds(30)
            while !run.handlesInterrupt && ContinuousClock.now < deadline { usleep(10_000) }
            #expect(run.handlesInterrupt, "the run never installed its Ctrl-C handling")
            usleep(200_000)  // well into the trials
            let sent = ContinuousClock.now
            kill(run.pid, SIGINT)
            let result = run.wait()
            #expect(
                result.status == 130,
                "status \(String(describing: result.status)), signal \(String(describing: result.signal))")
            #expect(result.standardError.contains("interrupted; no output written"), "\(result.standardError)")
            #expect(ContinuousClock.now - sent < .seconds(10))
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(left.isEmpty, "left behind: \(left)")
        #endif
    }

    /// The same files, seed and trial count give the same bytes on 1 and 2 threads (JSON and the table).
    @Test(arguments: ["json", "table"])
    func aBundledScenarioGivesTheSameBytesOnOneAndTwoThreads(_ format: String) throws {
        let scenario = Self.repository.appendingPathComponent("Missions/exomars-roscosmos-withdraws.xml").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consortium-threads-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var outputs: [Data] = []
        for threads in ["1", "2"] {
            let out = folder.appendingPathComponent("\(threads).out")
            let result = try Executable.run([
                "simulate", scenario, "--trials", "600", "--seed", "7", "--threads", threads, "--format", format,
                "--out", out.path, "--coalition-trials", "20",
            ])
            #expect(result.status == 0, "\(result.standardError)")
            outputs.append(try Data(contentsOf: out))
        }
        #expect(outputs[0].count > 1000)
        #expect(outputs[0] == outputs[1], "--threads 1 and --threads 2 wrote different bytes")
    }

    /// Each process hashes with its own random seed, so anything printed in a dictionary's order would change
    /// from run to run. 300 Artemis trials end with launches held equally often for different reasons (ties
    /// in the horizon section); four processes on 1, 2, 3 and 1 threads must still print the same bytes.
    @Test func theSameRunPrintsTheSameBytesInEveryProcess() throws {
        let artemis = Self.repository.appendingPathComponent("Missions/artemis.xml").path
        var outputs: [String] = []
        for threads in ["1", "2", "3", "1"] {
            let result = try Executable.run([
                "simulate", artemis, "--trials", "300", "--threads", threads, "--coalition-trials", "0",
            ])
            #expect(result.status == 0, "\(result.standardError)")
            outputs.append(result.standardOutput)
        }
        #expect(outputs[0].contains("What held their launches"), "the run should exercise the horizon section")
        #expect(Set(outputs).count == 1, "the same command printed \(Set(outputs).count) different outputs")
    }
}

/// Hostile files too large or too deep to keep in the repository, made when a test needs them.
enum HostileFiles {
    /// A campaign file of exactly 100 MiB (the start of a campaign, then zeros; sparse where the file system allows).
    static func writeHundredMegabytes(to url: URL) throws {
        let head = Data(#"<?xml version="1.0"?><campaign id="huge" name="Huge" lead="alpha">"#.utf8)
        try head.write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.truncate(atOffset: 100 << 20)
    }

    /// A campaign whose `<description>` elements nest `depth` levels deep.
    static func nested(depth: Int) -> Data {
        var text = #"<?xml version="1.0"?>"# + "\n"
        text += #"<campaign id="deep" name="Deep" lead="alpha" architecture="lead-agency" start="2026-01-01">"# + "\n"
        text += String(repeating: "<description>", count: depth) + "x"
        text += String(repeating: "</description>", count: depth) + "\n</campaign>\n"
        return Data(text.utf8)
    }
}
