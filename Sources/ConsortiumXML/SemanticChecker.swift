public import ConsortiumModel

/// Checks what a schema cannot: references, duplicates, interface compatibility, cycles, policies
/// and impossible values. Every finding is a diagnostic at the offending line and column.
struct SemanticChecker {
    let library: Library
    /// What was found, at most `DiagnosticCap.limit` per file, then one line per file saying how many more.
    var diagnostics: [Diagnostic] { found + cap.summaries }
    private var found: [Diagnostic] = []
    private var cap = DiagnosticCap()
    /// Errors found but not kept, per file.
    var droppedErrors: [String: Int] { cap.overflow.mapValues(\.errors) }
    /// When an agency file failed to load, references to agencies, designs, vehicles and standards
    /// that don't resolve may be defined there: they are not reported.
    var trustUnknownAgencyItems = false
    /// Likewise for campaign references, when a mission file failed to load.
    var trustUnknownCampaigns = false
    /// Candidate comparisons left for "did you mean" suggestions (see `hint(for:among:kind:)`): enough for a
    /// dozen misspellings among the 300 elements of the bundled Artemis campaign.
    var suggestionBudget = 5_000
    /// Assumptions files beyond the first (a library has one).
    var extraAssumptionFiles: [SourceLocation] = []

    init(library: Library) {
        self.library = library
    }

    mutating func run() {
        checkGlobalDuplicates()
        for agency in library.agencies { check(agency) }
        for campaign in library.campaigns { check(campaign) }
        for scenario in library.scenarios { check(scenario) }
        checkAssumptions()
    }

    // MARK: Reporting

    /// Reports an error; its message and hint are built only when it is kept (see `DiagnosticCap`).
    mutating func error(
        _ location: SourceLocation, _ code: String, _ message: @autoclosure () -> String,
        hint: @autoclosure () -> String
    ) {
        guard let slot = cap.slot(for: location, severity: .error, in: found) else { return }
        store(.error(at: location, code: code, message(), hint: hint()), at: slot)
    }

    mutating func warning(
        _ location: SourceLocation, _ code: String, _ message: @autoclosure () -> String,
        hint: @autoclosure () -> String
    ) {
        guard let slot = cap.slot(for: location, severity: .warning, in: found) else { return }
        store(.warning(at: location, code: code, message(), hint: hint()), at: slot)
    }

    /// Reports an unknown `word` at `location`, with a "did you mean" among `candidates`, built only when kept.
    mutating func unknown(
        _ word: String, at location: SourceLocation, _ message: @autoclosure () -> String,
        among candidates: @autoclosure () -> [String], kind: String
    ) {
        guard let slot = cap.slot(for: location, severity: .error, in: found) else { return }
        let hint = hint(for: word, among: candidates(), kind: kind)
        store(.error(at: location, code: "unknown-reference", message(), hint: hint), at: slot)
    }

    private mutating func store(_ diagnostic: Diagnostic, at slot: Int) {
        if slot == found.count { found.append(diagnostic) } else { found[slot] = diagnostic }
    }

    /// Reports `reference` as unknown, with a "did you mean" among `candidates`.
    mutating func unknown<Tag>(
        _ reference: Reference<Tag>, _ kind: String, among candidates: @autoclosure () -> [String]
    ) {
        unknown(
            reference.id.rawValue, at: reference.location, "unknown \(kind) '\(reference.id)'",
            among: candidates(), kind: kind)
    }

    /// A "did you mean" hint, while the suggestion budget lasts; then a plain one.
    ///
    /// Each suggestion compares the word with every candidate, so a hostile file with thousands of unknown
    /// references among thousands of ids would take minutes: the budget caps the comparisons per run.
    mutating func hint(for word: String, among candidates: @autoclosure () -> [String], kind: String) -> String {
        guard suggestionBudget > 0 else {
            return "`consortium list` shows the known \(kind) ids (no more suggestions: too many unknown references)"
        }
        let list = candidates()
        suggestionBudget -= max(1, list.count)
        return Suggestion.hint(for: word, among: list, kind: kind)
    }

    /// Resolves an agency-file item (agency, design, vehicle, standard), reporting it when unknown.
    mutating func resolve<Tag, Value>(
        _ reference: Reference<Tag>, _ kind: String, lookup: (Identifier<Tag>) -> Value?, candidates: () -> [String]
    ) -> Value? {
        if let value = lookup(reference.id) { return value }
        if !trustUnknownAgencyItems { unknown(reference, kind, among: candidates()) }
        return nil
    }

    mutating func agency(_ reference: Reference<AgencyTag>) -> Agency? {
        let library = self.library
        return resolve(reference, "agency", lookup: library.agency) { library.agencies.map(\.id.rawValue) }
    }

    mutating func design(_ reference: Reference<DesignTag>) -> Design? {
        let library = self.library
        return resolve(reference, "design", lookup: library.design) {
            library.agencies.flatMap { $0.designs.map(\.id.rawValue) }
        }
    }

    mutating func vehicle(_ reference: Reference<VehicleTag>) -> Vehicle? {
        let library = self.library
        return resolve(reference, "vehicle", lookup: library.vehicle) {
            library.agencies.flatMap { $0.vehicles.map(\.id.rawValue) }
        }
    }

    mutating func standard(_ reference: Reference<StandardTag>) -> Standard? {
        let library = self.library
        return resolve(reference, "standard", lookup: library.standard) {
            library.agencies.flatMap { $0.standards.map(\.id.rawValue) }
        }
    }

    /// Reports every id in `items` seen before, at the later occurrence.
    mutating func checkUnique<Item>(_ items: [Item], kind: String, id: (Item) -> String, at: (Item) -> SourceLocation) {
        var first: [String: SourceLocation] = [:]
        first.reserveCapacity(items.count)
        for item in items {
            let key = id(item)
            if let earlier = first[key] {
                error(
                    at(item), "duplicate-id", "duplicate \(kind) id '\(key)'",
                    hint: "it is already defined at \(earlier); ids must be unique")
            } else {
                first[key] = at(item)
            }
        }
    }

    /// Reports a three-point estimate that is not min <= likely <= max.
    mutating func checkOrdered(_ estimate: ThreePoint, _ what: String, at location: SourceLocation) {
        if !estimate.isOrdered {
            error(
                location, "impossible-value",
                "\(what) must satisfy min <= likely <= max, but is \(estimate.min.plain) / \(estimate.likely.plain) / \(estimate.max.plain)",
                hint: "reorder the three points, or widen the range")
        }
    }

    private mutating func checkGlobalDuplicates() {
        checkUnique(library.agencies, kind: "agency", id: \.id.rawValue, at: \.location)
        let designs = library.agencies.flatMap(\.designs)
        checkUnique(designs, kind: "design", id: \.id.rawValue, at: \.location)
        checkUnique(library.agencies.flatMap(\.vehicles), kind: "vehicle", id: \.id.rawValue, at: \.location)
        checkUnique(library.agencies.flatMap(\.standards), kind: "standard", id: \.id.rawValue, at: \.location)
        checkUnique(library.campaigns, kind: "campaign", id: \.id.rawValue, at: \.location)
        checkUnique(library.scenarios, kind: "scenario", id: \.id.rawValue, at: \.location)
    }
}

/// The semantic checks, for values built outside the files.
public enum SemanticCheck {
    /// The diagnostics of `scenario` (e.g. the `whatif` command's overrides) against `library`: unknown
    /// names, an agency replacing itself, a reassignment that breaks a cooperation policy.
    public static func diagnostics(of scenario: Scenario, in library: Library) -> [Diagnostic] {
        var checker = SemanticChecker(library: library)
        checker.check(scenario)
        return checker.diagnostics
    }
}
