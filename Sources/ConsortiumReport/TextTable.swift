import ConsortiumModel

/// A plain-text table with aligned columns, for terminals and workshop projectors.
public struct TextTable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.indices.map { $0 == 0 ? .left : .right }
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines, indented by `indent` spaces, with a rule under the header.
    ///
    /// Cells may hold text from files: each is escaped for the terminal (`TerminalText.escaped`) before the
    /// columns are measured, so a control character cannot break a row and the columns stay aligned.
    public func render(indent: Int = 2) -> String {
        let all = ([headers] + rows).map { $0.map(TerminalText.escaped) }
        let widths = headers.indices.map { column in all.map { $0.count > column ? $0[column].count : 0 }.max() ?? 0 }
        let pad = String(repeating: " ", count: indent)
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let fill = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return alignments[column] == .left ? cell + fill : fill + cell
            }
            return pad + padded.joined(separator: "  ").trailingSpacesRemoved
        }
        var text = line(all[0]) + "\n"
        text += pad + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in all.dropFirst() { text += line(row) + "\n" }
        return text
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

/// Number formats used across reports.
public enum Format {
    /// Millions of dollars with thousands separators and no decimals: `12,345`.
    public static func musd(_ value: Double) -> String {
        grouped(Int(value.rounded()))
    }

    /// An integer with comma thousands separators.
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A fixed number of decimals, without Foundation: `fixed(0.12345, 3)` is `0.123`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// A percentage with one decimal: `83.4 %`.
    public static func percent(_ fraction: Double) -> String {
        fixed(fraction * 100, 1) + " %"
    }
}
