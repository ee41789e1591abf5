import ConsortiumAnalysis
import ConsortiumModel
import ConsortiumReport
import ConsortiumSimulation
import Foundation
import Testing

/// Names from files reach the terminal, traces and HTML with their control and bidirectional characters
/// escaped, so a name cannot inject terminal escapes, reorder text or forge lines.
struct HostileTextTests {
    /// A name with what an XML attribute can carry through character references (C1 CSI, bidi overrides,
    /// isolates and marks, a newline that would forge a timeline line, a tab) and, for the places that
    /// take text from elsewhere (file names), ESC.
    static let hostile =
        "Evil\u{1B}[2J\u{9B}31m\u{202E}txt.exe\u{2066}x\u{2069}\u{200F}\n  2026-01-01  forged line\ttab\u{2028}"

    /// The scalars that must never reach an output raw.
    static let dangerous: Set<UInt32> = [0x1B, 0x9B, 0x202E, 0x2066, 0x2069, 0x200F, 0x09, 0x2028]

    /// The dangerous scalars present in `text` (newline is allowed between lines of a multi-line output).
    static func raw(_ text: String) -> [String] {
        text.unicodeScalars.filter { dangerous.contains($0.value) }.map { "U+" + String($0.value, radix: 16) }
    }

    static func hostilePlan() throws -> SimulationPlan {
        var plan = try DockWaitTests.plan(targetDays: 50)
        plan.campaignName = hostile
        plan.objectives[0].name = hostile
        return plan
    }

    @Test func theEscapeShowsEachCharacterAndKeepsLettersOfEveryScript() {
        #expect(TerminalText.escaped("a\u{1B}b") == "a<U+001B>b")
        #expect(
            TerminalText.escaped("\u{202E}\u{2066}\u{200E}\u{9B}\u{7F}") == "<U+202E><U+2066><U+200E><U+009B><U+007F>")
        #expect(TerminalText.escaped("one\ntwo\tthree") == "one<U+000A>two<U+0009>three")
        #expect(TerminalText.escaped("\u{10FFFF}") == "\u{10FFFF}")  // unassigned, not a control: kept
        #expect(TerminalText.escaped("\u{E0001}") == "<U+E0001>")  // a format character beyond the BMP
        let scripts = "Éire, Ελλάδα, 日本, עברית, العربية, می‌خواهم, 👩‍🚀"
        #expect(TerminalText.escaped(scripts) == scripts)
        #expect(TerminalText.escapedKeepingLines("a\u{202E}\nb\n") == "a<U+202E>\nb\n")
    }

    @Test func aDiagnosticEscapesItsFileNameMessageAndHint() {
        let diagnostic = Diagnostic.error(
            at: SourceLocation(file: "Missions/evil\u{1B}]0;pwned\u{7}\n.xml", line: 3, column: 4),
            code: "unknown-reference", "unknown design '\u{202E}xim'", hint: "did you mean '\u{2067}mix'?")
        let text = diagnostic.description
        #expect(Self.raw(text).isEmpty, "\(text.debugDescription)")
        #expect(!text.unicodeScalars.contains("\u{7}"))
        #expect(
            text
                == "Missions/evil<U+001B>]0;pwned<U+0007><U+000A>.xml:3:4: error: unknown design '<U+202E>xim' [unknown-reference]\n    hint: did you mean '<U+2067>mix'?"
        )
    }

    @Test func theStoryOfATrialEscapesNamesInItsHeaderAndTimeline() throws {
        let plan = try Self.hostilePlan()
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        let outcome = try runner.run(trial: 0)
        let story = TrialReport(plan: plan, outcome: outcome, trace: runner.trace, seed: 1).render()
        #expect(Self.raw(story).isEmpty, "\(Self.raw(story))")
        #expect(story.hasPrefix("Evil<U+001B>[2J<U+009B>31m<U+202E>txt.exe"))
        // The newline in the objective's name does not start a forged timeline line.
        #expect(!story.contains("\n  2026-01-01  forged line"))
        #expect(story.contains("<U+000A>  2026-01-01  forged line<U+0009>tab<U+2028>"))
    }

    @Test func theTraceEscapesNamesInCSVAndJSONLines() throws {
        let plan = try Self.hostilePlan()
        var runner = TrialRunner(plan: plan, seed: 1, recordsTrace: true)
        _ = try runner.run(trial: 0)
        let csv = TraceFormat.csv(runner.trace, plan: plan)
        let jsonl = TraceFormat.jsonLines(runner.trace, plan: plan)
        for text in [csv, jsonl] {
            #expect(Self.raw(text).isEmpty, "\(Self.raw(text))")
            #expect(text.contains("Evil<U+001B>[2J<U+009B>31m<U+202E>txt.exe<U+2066>x<U+2069><U+200F>"))
        }
        // One record per line in both: the name's newline did not split a row.
        #expect(csv.components(separatedBy: "\r\n").count == runner.trace.count + 2)
        #expect(jsonl.split(separator: "\n").count == runner.trace.count)
        for line in jsonl.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
    }

    @Test func monteCarloAndWhatIfReportsEscapeNames() throws {
        let plan = try Self.hostilePlan()
        let options = MonteCarloOptions(trials: 20, seed: 1, threads: 2)
        let report = MonteCarloReport(try MonteCarlo.run(plan, options)).render()
        #expect(Self.raw(report).isEmpty, "\(Self.raw(report))")
        #expect(report.hasPrefix("Evil<U+001B>[2J"))
        let paired = try MonteCarlo.runPaired(base: plan, variant: plan, options)
        let whatif = WhatIfReport(paired, changes: ["--ground \u{202E}sls"]).render()
        #expect(Self.raw(whatif).isEmpty, "\(Self.raw(whatif))")
        #expect(whatif.contains("--ground <U+202E>sls"))
    }

    /// Table cells (the Monte Carlo, what-if and compare tables) are escaped before they are measured, so
    /// the columns stay aligned and a cell cannot break its row.
    @Test func tableCellsAreEscapedAndStayAligned() {
        var table = TextTable(headers: ["name", "value"])
        table.add(["a\u{202E}b\nc", "1"])
        table.add(["plain", "22"])
        let lines = table.render().split(separator: "\n")
        #expect(lines.count == 4)
        // The escaped cell is 19 characters wide; "value" is 5, right-aligned; two spaces between columns.
        #expect(lines[2] == "  a<U+202E>b<U+000A>c" + String(repeating: " ", count: 2 + 4) + "1")
        #expect(lines[3] == "  plain" + String(repeating: " ", count: 14 + 2 + 3) + "22")
    }

    @Test func theHTMLReportNeutralizesBidirectionalOverrides() throws {
        let plan = try Self.hostilePlan()
        let result = try MonteCarlo.run(plan, MonteCarloOptions(trials: 20, seed: 1, threads: 2))
        let html = HTMLReport(
            result, story: nil, inputs: [.init(path: "Missions/\u{202E}lmx.exe", fingerprint: "0")], version: "test"
        )
        .render()
        #expect(Self.raw(html).filter { $0 != "U+9" }.isEmpty, "\(Self.raw(html))")
        #expect(html.contains("<h1>Evil&lt;U+001B&gt;[2J"))
        #expect(html.contains("Missions/&lt;U+202E&gt;lmx.exe"))
    }
}
