/// One finding about an input file: what is wrong, where, and what to do about it.
///
/// Diagnostics are values; the command line renders them compiler-style at the edge:
/// `Missions/artemis.xml:42:7: error: unknown agency 'esaa' [unknown-reference]`.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How serious a finding is. Errors make a run fail; warnings do not.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
    }

    public let severity: Severity
    public let location: SourceLocation
    /// A stable, kebab-case code naming the check (`unknown-reference`, `dependency-cycle`).
    public let code: String
    public let message: String
    /// What to do about it, when there is something useful to say.
    public let hint: String?

    public init(_ severity: Severity, at location: SourceLocation, code: String, _ message: String, hint: String? = nil)
    {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
        self.hint = hint
    }

    public static func error(at location: SourceLocation, code: String, _ message: String, hint: String? = nil) -> Self
    {
        Self(.error, at: location, code: code, message, hint: hint)
    }

    public static func warning(
        at location: SourceLocation, code: String, _ message: String, hint: String? = nil
    )
        -> Self
    {
        Self(.warning, at: location, code: code, message, hint: hint)
    }

    /// Compiler-style text: the location line, then the hint indented under it.
    ///
    /// The file name, the message and the hint may quote text from files: each is escaped for the terminal
    /// (`TerminalText.escaped`), so a control or bidirectional character shows as `<U+202E>` and a newline
    /// in a file name cannot forge a line.
    public var description: String {
        var text =
            "\(TerminalText.escaped(location.description)): \(severity.rawValue): \(TerminalText.escaped(message)) [\(TerminalText.escaped(code))]"
        if let hint { text += "\n    hint: \(TerminalText.escaped(hint))" }
        return text
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.location, lhs.code, lhs.message) < (rhs.location, rhs.code, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these diagnostics is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}

extension Diagnostic: Error {}
