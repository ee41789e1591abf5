/// The `path` target's input: a few lines that build a folder around the test library and name an output.
///
/// One command a line (unknown lines are skipped, at most 64 lines):
///
///     force                 --force
///     dir NAME              a folder
///     file NAME             a regular file that the run did not read
///     fifo NAME             a FIFO (the target holds it open for reading, so a write never blocks)
///     link NAME -> TARGET   a symlink (to an input, a folder, itself, another link, `/dev/null`, ...)
///     hard NAME -> FILE     a hard link to an existing file
///     read PATH             one more file the run read (the test library's five files always are)
///     out PATH              the output path (default `out.csv`; `out` alone is the empty path)
///
/// A NAME is a relative path of components of `A-Z a-z 0-9 . _ -` without `.` or `..`, created only in a
/// folder that resolves inside the temporary folder. A PATH or TARGET may hold `.` and `..`, and may be `-`,
/// `/dev/null`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, or `@PATH` (the temporary folder's absolute path
/// followed by PATH); any other absolute path is made relative.
struct PathSpec: Equatable {
    enum Step: Equatable {
        case folder(String)
        case file(String)
        case fifo(String)
        case link(String, to: String)
        case hardLink(String, to: String)
        case read(String)
    }

    var steps: [Step] = []
    var output = "out.csv"
    var force = false

    /// The most lines read, and the longest name or path kept.
    static let maxLines = 64
    static let maxLength = 512

    init(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n").prefix(Self.maxLines) {
            let words = line.split(separator: " ").map(String.init)
            guard let verb = words.first else { continue }
            let arguments = Array(words.dropFirst())
            let pair: (String, String)? =
                arguments.count == 3 && arguments[1] == "->" ? (arguments[0], arguments[2]) : nil
            switch verb {
            case "force": force = true
            case "dir": if let name = arguments.first.flatMap(Self.name) { steps.append(.folder(name)) }
            case "file": if let name = arguments.first.flatMap(Self.name) { steps.append(.file(name)) }
            case "fifo": if let name = arguments.first.flatMap(Self.name) { steps.append(.fifo(name)) }
            case "link":
                if let (name, target) = pair, let name = Self.name(name) {
                    steps.append(.link(name, to: Self.path(target)))
                }
            case "hard":
                if let (name, target) = pair, let name = Self.name(name), let target = Self.name(target) {
                    steps.append(.hardLink(name, to: target))
                }
            case "read": if let path = arguments.first { steps.append(.read(Self.path(path))) }
            case "out": output = arguments.first.map(Self.path) ?? ""
            default: continue
            }
        }
    }

    /// A name to create: its safe components, without `.` and `..`; nil when none is left.
    static func name(_ raw: String) -> String? {
        let parts = components(raw).filter { !$0.isEmpty && $0 != "." && $0 != ".." }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// A path to resolve: the special paths as they are, `@PATH` kept for the run to expand, anything else
    /// made of safe components (`.`, `..`, empty ones and a trailing slash kept) and relative.
    static func path(_ raw: String) -> String {
        let special = ["-", "/dev/null", "/dev/stdout", "/dev/stderr"]
        if special.contains(raw) { return raw }
        if raw.hasPrefix("/dev/fd/"), raw.count == 9, raw.last.map({ $0.isASCII && $0.isNumber }) == true {
            return raw
        }
        if raw.hasPrefix("@") { return "@" + relative(String(raw.dropFirst())) }
        return relative(raw)
    }

    private static func relative(_ raw: String) -> String {
        var parts = components(raw)
        while parts.first == "" && parts.count > 1 { parts.removeFirst() }  // no leading slash
        return String(parts.joined(separator: "/").prefix(maxLength))
    }

    private static func components(_ raw: String) -> [String] {
        raw.prefix(maxLength).split(separator: "/", omittingEmptySubsequences: false).map { part in
            String(part.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }.prefix(64))
        }
    }
}
