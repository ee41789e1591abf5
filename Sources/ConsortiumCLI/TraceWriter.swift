import ConsortiumReport
import ConsortiumSimulation
import Foundation

/// Writes a trial's events as CSV (by default) or JSON lines (`.jsonl`), atomically.
func writeTrace(_ trace: [TraceEntry], plan: SimulationPlan, to path: String) throws {
    let text = path.hasSuffix(".jsonl") ? TraceFormat.jsonLines(trace, plan: plan) : TraceFormat.csv(trace, plan: plan)
    try writeAtomically(text, to: path)
}

/// Writes `text` to `path` through a temporary file in the same folder and a rename, so a reader
/// never sees a half-written file and an interruption leaves the old file (or none).
func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
        try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
        printError("error: cannot write \(path): \(error.localizedDescription)")
        throw ExitStatus.usage
    }
}
