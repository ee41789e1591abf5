import ConsortiumModel

/// The semantic diagnostics kept per file: the first `limit` in file order, and a count of the rest.
///
/// A hostile file can make the checker find millions of problems (a `<mission after="...">` list of 60 KB of
/// unknown ids, a hundred thousand elements naming an agency that does not exist). Like the schema errors
/// (`ErrorSink.maxSchemaErrors`), only the first ones are shown, with one `[too-many-errors]` line saying how
/// many more there are. The cap is applied as problems are found, before their message or "did you mean" hint
/// is built, so a dropped one costs a comparison of locations.
struct DiagnosticCap {
    /// Most semantic diagnostics kept per file.
    static let limit = 100

    /// What was found in one file past the limit.
    struct Overflow {
        var errors = 0
        var warnings = 0
        /// The earliest location of a problem not kept; every kept one is at or before it.
        var first: SourceLocation
    }

    /// What is kept of one file: the positions (in the checker's list) of its diagnostics, the position of
    /// the last of them in file order once the file is full, and what was left out.
    private struct Entry {
        var positions: [Int] = []
        var last: Int?
        var overflow: Overflow?
    }

    private var entries: [Entry] = []
    private var entryOf: [String: Int] = [:]
    /// The file of the last problem, and its entry: problems come file by file, so most need no hashing.
    private var current: (file: String, entry: Int)?

    /// What was left out, per file.
    var overflow: [String: Overflow] {
        entryOf.compactMapValues { entries[$0].overflow }
    }

    /// Where a problem at `location` goes among `diagnostics`: appended (`diagnostics.count`), in place of a
    /// kept one later in the file, or nowhere (nil, counted) when the file has `limit` earlier ones.
    ///
    /// Each check reports in file order, so replacements are rare; a dropped problem costs O(1).
    mutating func slot(
        for location: SourceLocation, severity: Diagnostic.Severity, in diagnostics: [Diagnostic]
    )
        -> Int?
    {
        let index: Int
        if let current, current.file == location.file {
            index = current.entry
        } else if let known = entryOf[location.file] {
            index = known
        } else {
            index = entries.count
            entries.append(Entry())
            entryOf[location.file] = index
        }
        current = (location.file, index)
        if entries[index].positions.count < Self.limit {
            entries[index].positions.append(diagnostics.count)
            return diagnostics.count
        }
        let last =
            entries[index].last
            ?? entries[index].positions.max { diagnostics[$0].location < diagnostics[$1].location }!
        guard location < diagnostics[last].location else {
            entries[index].last = last
            count(severity, at: location, in: index)
            return nil
        }
        // The new problem comes earlier in the file: the last kept one makes way.
        count(diagnostics[last].severity, at: diagnostics[last].location, in: index)
        entries[index].last = nil
        return last
    }

    private mutating func count(_ severity: Diagnostic.Severity, at location: SourceLocation, in index: Int) {
        var entry = entries[index].overflow ?? Overflow(first: location)
        if location < entry.first { entry.first = location }
        if severity == .error { entry.errors += 1 } else { entry.warnings += 1 }
        entries[index].overflow = entry
    }

    /// One `[too-many-errors]` diagnostic per file with problems not kept, at the first of them: an error
    /// when any of them is one.
    var summaries: [Diagnostic] {
        overflow.values.sorted { $0.first < $1.first }.map { entry in
            let what = [(entry.errors, "error"), (entry.warnings, "warning")].filter { $0.0 > 0 }
                .map { "\($0.0) more \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: " and ")
            return Diagnostic(
                entry.errors > 0 ? .error : .warning, at: entry.first, code: "too-many-errors",
                "\(what) of the semantic checks from here on are not shown (the first \(Self.limit) are)",
                hint: "fix the problems above first; many problems are often one mistake repeated")
        }
    }
}
