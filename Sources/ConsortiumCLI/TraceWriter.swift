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
    try writeAtomically(Data(text.utf8), to: path)
}

/// Writes `data` to `path` atomically (temporary file in the same folder, then rename).
func writeAtomically(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
        try data.write(to: url, options: .atomic)
    } catch {
        printError("error: cannot write \(path): \(error.localizedDescription)")
        throw ExitStatus.usage
    }
}

/// Refuses an output path that is one of the inputs, or (unless `force`) lies inside a library's
/// `Agencies/` or `Missions/` folder, where a result would be mistaken for an input file.
func checkOutputPath(_ path: String, inputs: [String], force: Bool) throws {
    let output = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    for input in inputs
    where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == output.path {
        printError("error: \(path) is an input file; write the result somewhere else")
        throw ExitStatus.usage
    }
    let folders = output.deletingLastPathComponent().pathComponents
    if !force, folders.contains("Agencies") || folders.contains("Missions") {
        printError(
            "error: \(path) is inside an Agencies/ or Missions/ folder, where it would be read as an input; "
                + "choose another folder or add --force")
        throw ExitStatus.usage
    }
}
