import ConsortiumModel
public import ConsortiumSimulation

/// Trace files: one row per event with time, date, kind, agency, element, mission and detail.
public enum TraceFormat {
    static let columns = ["day", "date", "kind", "agency", "element", "mission", "detail"]

    /// The row of `entry`. Its text fields may quote names from files: they are escaped for the terminal
    /// (`TerminalText.escaped`) in both formats, so that a trace shown with `cat` or `less` cannot move the
    /// cursor or reorder text (JSON's own escapes cover C0 controls only, not C1 or bidirectional ones).
    static func fields(_ entry: TraceEntry, plan: SimulationPlan) -> [String] {
        [
            Format.fixed(entry.day, 3), plan.date(ofDay: entry.day).description, entry.kind.rawValue,
            TerminalText.escaped(entry.agency ?? ""),
            TerminalText.escaped(entry.element ?? ""), TerminalText.escaped(entry.mission ?? ""),
            TerminalText.escaped(entry.detail),
        ]
    }

    /// RFC 4180 CSV with a header row.
    public static func csv(_ trace: [TraceEntry], plan: SimulationPlan) -> String {
        var text = columns.joined(separator: ",") + "\r\n"
        for entry in trace {
            text += fields(entry, plan: plan).map(csvField).joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// One JSON object per line, keys sorted.
    public static func jsonLines(_ trace: [TraceEntry], plan: SimulationPlan) -> String {
        var text = ""
        for entry in trace {
            let values = fields(entry, plan: plan)
            let pairs = zip(columns, values).sorted { $0.0 < $1.0 }.map { key, value in
                key == "day" ? "\"day\":\(value)" : "\"\(key)\":\(jsonString(value))"
            }
            text += "{" + pairs.joined(separator: ",") + "}\n"
        }
        return text
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingQuotes + "\""
    }

    static func jsonString(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    var replacingQuotes: String {
        var out = ""
        for ch in self { out += ch == "\"" ? "\"\"" : String(ch) }
        return out
    }
}
