/// Text from files (names, descriptions, file names) made safe to print for people.
///
/// A name may hold characters that a terminal or a viewer acts on instead of showing: C0 and C1 control
/// characters (ESC and CSI start terminal escape sequences that can move the cursor, rewrite lines or set
/// the window title), bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE makes `exe.txt` read as
/// `txt.exe`; U+2066-2069 isolates, U+200E/F marks, U+061C) and other invisible format characters, line and
/// paragraph separators. A file name can hold any of them, and an XML attribute all but C0 (through
/// `&#10;` and friends: tab, newline, carriage return).
///
/// `escaped(_:)` writes each such character as `<U+XXXX>` (four to six upper-case hex digits), so it is
/// seen, and so one field stays on one line: a name with a newline cannot forge a diagnostic line or a
/// table row. Other text, including every letter and mark of every script, is left as it is. The escape is
/// one way: a name that already contains the literal text `<U+202E>` prints the same, which is harmless.
public enum TerminalText {
    /// `text` with control, bidirectional-control, format and line-separator characters written as `<U+XXXX>`.
    ///
    /// - Complexity: O(n); a text without such characters is returned as is after one scan of its bytes.
    public static func escaped(_ text: String) -> String {
        // Fast path: printable ASCII, and non-ASCII text without any scalar to escape.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` escaped line by line: its newlines kept as line breaks, everything else as `escaped(_:)`.
    ///
    /// For multi-line text assembled by the program (a report) in which file-derived fields were escaped
    /// already; a second pass catches any field that was not.
    public static func escapedKeepingLines(_ text: String) -> String {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }
            .joined(separator: "\n")
    }

    /// Whether `scalar` is escaped: a control (Cc: C0, DEL, C1, tab and newline included), a format
    /// character (Cf: bidirectional controls and marks, zero-width space, the byte-order mark; not the
    /// zero-width joiner and non-joiner, which scripts need), or a
    /// line or paragraph separator (U+2028, U+2029).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F: return false
        case 0..<0x20, 0x7F...0x9F: return true
        // Zero-width non-joiner and joiner shape Persian, Indic and emoji text and reorder nothing: kept.
        case 0x200C, 0x200D: return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }
}
