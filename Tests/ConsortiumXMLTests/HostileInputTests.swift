import ConsortiumModel
import ConsortiumXML
import Foundation
import Testing

/// Hostile inputs made by the tests (too large or too deep to commit), the load limits, and how messages
/// show what a hostile file hides. An extension of `InvalidCorpusTests`, which runs the committed corpus,
/// so that these run one at a time with it (loading changes the working directory).
extension InvalidCorpusTests {
    /// Loads the test library with `bytes` at `path`, timing the load.
    func load(_ bytes: Data, at path: String, limits: LoadLimits = .default) throws -> (LoadOutcome, Duration) {
        let library = try TestLibrary()
        defer { library.remove() }
        try library.write(bytes, at: path)
        var outcome: LoadOutcome?
        let elapsed = threadCPUTime { outcome = library.load(limits: limits) }
        return (outcome!, elapsed)
    }

    func first(_ code: String, in outcome: LoadOutcome) -> Diagnostic? {
        outcome.diagnostics.first { $0.code == code }
    }

    @Test func twentyThousandLevelsOfNestingAreRefusedInUnderASecond() throws {
        let (outcome, elapsed) = try load(HostileFiles.nested(depth: 20_000), at: "Missions/mini.xml")
        // Stopped at the 33rd level, while parsing: level 33 is the 32nd <description>, at column 31 * 13 + 1.
        let diagnostic = try #require(first("too-deep", in: outcome), "\(outcome.diagnostics)")
        #expect(diagnostic.location == SourceLocation(file: "Missions/mini.xml", line: 3, column: 404))
        #expect(diagnostic.message == "elements are nested 33 levels deep; the limit is 32")
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test func aHundredMegabyteFileIsRefusedBySizeInUnderASecond() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        try HostileFiles.writeHundredMegabytes(to: library.root.appendingPathComponent("Missions/huge.xml"))
        var outcome: LoadOutcome?
        let elapsed = threadCPUTime { outcome = library.load() }
        let diagnostic = try #require(first("file-too-large", in: outcome!))
        #expect(diagnostic.location == SourceLocation(file: "Missions/huge.xml", line: 1, column: 1))
        #expect(diagnostic.message == "the file is 100.0 MiB, over the 16.0 MiB limit")
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test func eachLimitIsNamedWhenItIsHit() throws {
        let mini = try Data(contentsOf: TestLibrary.corpus.appendingPathComponent("valid/Missions/mini.xml"))
        let (small, _) = try load(mini, at: "Missions/mini.xml", limits: LoadLimits(maxFileBytes: 1000))
        let size = try #require(
            small.diagnostics.first { $0.code == "file-too-large" && $0.location.file == "Missions/mini.xml" })
        #expect(size.message == "the file is \(mini.count) bytes, over the 1000 bytes limit")

        let (shallow, _) = try load(mini, at: "Missions/mini.xml", limits: LoadLimits(maxDepth: 2))
        let depth = try #require(first("too-deep", in: shallow))
        #expect(depth.message == "elements are nested 3 levels deep; the limit is 2")

        let (few, _) = try load(mini, at: "Missions/mini.xml", limits: LoadLimits(maxElements: 10))
        let count = try #require(first("too-many-elements", in: few))
        #expect(count.message == "the file has more than 10 elements, the limit")

        let (normal, _) = try load(mini, at: "Missions/mini.xml")
        #expect(normal.diagnostics.isEmpty, "\(normal.diagnostics)")
    }

    @Test func aLibraryInMemoryGetsTheSameDiagnosticsAsOnDisk() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let broken = try Data(contentsOf: TestLibrary.corpus.appendingPathComponent("invalid/contract-cycle.xml"))
        try library.write(broken, at: "Missions/mini.xml")
        let onDisk = library.load()
        var files: [(path: String, bytes: [UInt8])] = []
        for name in ["Agencies/alpha.xml", "Agencies/beta.xml", "Agencies/gamma.xml", "Missions/mini-cut.xml"] {
            files.append((name, [UInt8](try Data(contentsOf: library.root.appendingPathComponent(name)))))
        }
        files.append(("Missions/mini.xml", [UInt8](broken)))
        let inMemory = LibraryLoader().load(contents: files)
        #expect(!onDisk.diagnostics.isEmpty)
        #expect(inMemory.diagnostics == onDisk.diagnostics)

        let tooLarge = LibraryLoader(limits: LoadLimits(maxFileBytes: 100)).load(contents: [
            ("Missions/x.xml", files[0].bytes)
        ])
        #expect(tooLarge.diagnostics.map(\.code) == ["file-too-large"])
    }

    /// Thousands of unknown references among thousands of ids: the first 100 of the file are reported, with "did
    /// you mean" while a budget of comparisons lasts, the rest counted, and the check stays fast (without the
    /// budget: 2.25 million edit distances).
    @Test func manyUnknownReferencesAmongManyIdsAreReportedQuickly() throws {
        let count = 1_500
        var text = #"<?xml version="1.0"?>"# + "\n"
        text += #"<campaign id="refs" name="R" lead="alpha" architecture="lead-agency" start="2026-01-01">"# + "\n"
        for i in 0..<count {
            text += #"<element id="element-number-\#(i)" design="capsule" agency="alpha" start="2026-01-01"/>"# + "\n"
        }
        text += #"<mission id="m" name="M" body="moon" transit-days="5" duration-days="20">"# + "\n"
        text += #"<launch id="l" vehicle="heavy" destination="tli"><payload element="element-number-0"/></launch>"#
        text += "\n" + #"<objective id="o" name="O">"# + "\n"
        for i in 0..<count { text += #"<needs element="missing-element-\#(i)"/>"# + "\n" }
        text += "</objective></mission></campaign>\n"
        let (outcome, elapsed) = try load(Data(text.utf8), at: "Missions/mini.xml")
        let unknown = outcome.diagnostics.filter {
            $0.code == "unknown-reference" && $0.location.file == "Missions/mini.xml"
        }
        #expect(unknown.count == 100)
        #expect(unknown.allSatisfy { $0.hint != nil })
        let rest = try #require(outcome.diagnostics.first { $0.code == "too-many-errors" })
        #expect(rest.message == "\(count - 100) more problems from here on are not shown (the first 100 are)")
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    /// Thousands of schema errors: the first 100 are reported and counted past that, quickly (libxml2 used to
    /// walk back over every earlier element for each error, and each error was located by a walk of the tree).
    @Test func thousandsOfSchemaErrorsAreCappedAndQuick() throws {
        let count = 6_000
        var text = #"<?xml version="1.0"?>"# + "\n"
        text += #"<campaign id="bad" name="B" lead="alpha" architecture="lead-agency" start="2026-01-01">"# + "\n"
        for i in 0..<count {
            text += #"<element id="e\#(i)" design="capsule" agency="alpha" start="2026-13-01"/>"# + "\n"
        }
        text += "</campaign>\n"
        let (outcome, elapsed) = try load(Data(text.utf8), at: "Missions/mini.xml")
        let schema = outcome.diagnostics.filter { $0.code == "schema" && $0.location.file == "Missions/mini.xml" }
        #expect(schema.count == 100)
        #expect(schema.first?.location == SourceLocation(file: "Missions/mini.xml", line: 3, column: 50))
        let rest = try #require(first("too-many-errors", in: outcome))
        #expect(rest.location.line == 103)
        // The dropped ones: the other elements' dates, and the campaign's missing <mission>, reported last.
        #expect(rest.message == "\(count - 99) more schema errors from here on are not shown (the first 100 are)")
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    /// Schema errors late in a long file cost no more than early ones. libxml2 derived each error's file name
    /// by walking back over every earlier element, so 1,000 errors after 11,000 elements took seconds longer.
    @Test func lateSchemaErrorsCostNoMoreThanEarlyOnes() throws {
        func file(invalidFrom start: Int) -> Data {
            var text = #"<?xml version="1.0"?>"# + "\n"
            text += #"<campaign id="bad" name="B" lead="alpha" architecture="lead-agency" start="2026-01-01">"# + "\n"
            for i in 0..<12_000 {
                let date = (start..<start + 1_000).contains(i) ? "2026-13-01" : "2026-01-01"
                text += #"<element id="e\#(i)" design="capsule" agency="alpha" start="\#(date)"/>"# + "\n"
            }
            return Data((text + "</campaign>\n").utf8)
        }
        let (early, earlyTime) = try load(file(invalidFrom: 0), at: "Missions/mini.xml")
        let (late, lateTime) = try load(file(invalidFrom: 11_000), at: "Missions/mini.xml")
        #expect(first("too-many-errors", in: early) != nil)
        #expect(first("too-many-errors", in: late)?.location.line == 11_103)
        #expect(lateTime - earlyTime < .milliseconds(500), "early \(earlyTime), late \(lateTime)")
    }

    @Test func anInvisibleByteOrderMarkIsShownInTheMessage() throws {
        let bytes = try Data(contentsOf: TestLibrary.corpus.appendingPathComponent("invalid/bom-in-identifier.xml"))
        let (outcome, _) = try load(bytes, at: "Missions/mini.xml")
        let diagnostic = try #require(outcome.diagnostics.first { $0.code == "schema" }, "\(outcome.diagnostics)")
        #expect(diagnostic.message.contains("'<U+FEFF>capsule-1'"), "\(diagnostic.message)")
    }

    @Test func aLongCycleIsNamedWithItsLengthAndAbbreviated() throws {
        let bytes = try Data(contentsOf: TestLibrary.corpus.appendingPathComponent("invalid/mission-cycle-long.xml"))
        let (outcome, _) = try load(bytes, at: "Missions/mini.xml")
        let diagnostic = try #require(first("dependency-cycle", in: outcome))
        #expect(
            diagnostic.message
                == "missions wait for each other in a cycle through 50 missions: m0 after m1 after m2 after m3 after m4 "
                + "after ... (41 more) after m46 after m47 after m48 after m49 after m0")
    }
}
