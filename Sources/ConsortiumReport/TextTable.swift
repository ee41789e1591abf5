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

    /// The table as an HTML `<table>`, every cell escaped.
    public func html() -> String {
        func cells(_ row: [String], _ tag: String) -> String {
            "<tr>" + row.map { "<\(tag)>\(escape($0))</\(tag)>" }.joined() + "</tr>\n"
        }
        return "<table>" + cells(headers, "th") + rows.map { cells($0, "td") }.joined() + "</table>\n"
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
///
/// None converts a `Double` to a fixed-width integer: any finite figure renders (a cost of 10^20 MUSD
/// prints all its digits), and a non-finite one prints as `inf`, `-inf` or `nan`.
public enum Format {
    /// Millions of dollars with thousands separators and no decimals: `12,345`.
    public static func musd(_ value: Double) -> String {
        grouped(rounding: value)
    }

    /// `value` rounded to a whole number (halves away from zero), with comma thousands separators.
    public static func grouped(rounding value: Double) -> String {
        let text = DecimalText.whole(value)
        guard let last = text.last, last.isNumber else { return text }
        let negative = text.hasPrefix("-")
        return (negative ? "-" : "") + grouping(negative ? String(text.dropFirst()) : text)
    }

    /// An integer with comma thousands separators.
    public static func grouped(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouping(String(value.magnitude))
    }

    /// A string of decimal digits with a comma before every group of three from the right.
    private static func grouping(_ digits: String) -> String {
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// A fixed number of decimals, without Foundation: `fixed(0.12345, 3)` is `0.123`.
    ///
    /// The value is scaled by 10^decimals and rounded, and the decimal point is placed in the exact digits
    /// of the result, so values beyond 2^63 keep all their digits.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        var scaled = (abs(value) * scale).rounded()
        var digits: String
        if scaled.isFinite {
            digits = DecimalText.digits(ofWhole: scaled)
        } else {
            // Only a value within a factor 10^decimals of the largest double: its fraction is zero.
            scaled = abs(value)
            digits = DecimalText.digits(ofWhole: scaled) + String(repeating: "0", count: decimals)
        }
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + digits }
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
        return sign + digits.dropLast(decimals) + "." + digits.suffix(decimals)
    }

    /// A percentage with one decimal: `83.4 %`.
    public static func percent(_ fraction: Double) -> String {
        fixed(fraction * 100, 1) + " %"
    }
}
