import ConsortiumOutput
import ConsortiumReport
import ConsortiumSimulation

/// Writes a trial's events as CSV (by default) or JSON lines (`.jsonl`), through the output check.
func writeTrace(_ trace: [TraceEntry], plan: SimulationPlan, to path: String, rules: OutputPath) throws {
    let text = path.hasSuffix(".jsonl") ? TraceFormat.jsonLines(trace, plan: plan) : TraceFormat.csv(trace, plan: plan)
    try rules.write(text, to: path, what: "the trace")
}
