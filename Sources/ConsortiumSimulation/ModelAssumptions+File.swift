public import ConsortiumModel

extension ModelAssumptions {
    /// What reading the assumptions gave: the assumptions when complete, and every problem met, located.
    public struct Resolution: Sendable {
        public var assumptions: ModelAssumptions?
        public var diagnostics: [Diagnostic]
    }

    /// The assumptions stated by `set` (the library's file), changed by `overrides` in order (a campaign's
    /// `<assume>` entries, then the command line's `--assume`).
    ///
    /// Every parameter of `parameters` must be given once; an unknown name, a missing one, a value out of
    /// range, a record the model reads that the file lacks, or a reference class whose prior cannot be
    /// fitted is an error at its place in the file.
    public static func resolve(_ set: AssumptionSet?, overrides: [AssumptionOverride] = []) -> Resolution {
        guard let set else {
            return Resolution(
                assumptions: nil,
                diagnostics: [
                    .error(
                        at: overrides.first?.location
                            ?? SourceLocation(file: "Assumptions/model.xml", line: 0, column: 0),
                        code: "no-assumptions",
                        "the library has no assumptions file, so the model's figures are unknown",
                        hint: "put the bundled Assumptions/model.xml into the library (the folder holding Agencies/)")
                ])
        }
        var assumptions = ModelAssumptions()
        var diagnostics: [Diagnostic] = []
        var given = Set<String>()
        func apply(_ name: String, _ value: Double, at location: SourceLocation) {
            guard let parameter = parameter(named: name) else {
                diagnostics.append(
                    .error(
                        at: location, code: "unknown-parameter", "unknown assumption parameter '\(name)'",
                        hint: Suggestion.hint(for: name, among: parameterNames, kind: "parameter")
                            + " (known: \(parameterNames.joined(separator: ", ")))"))
                return
            }
            if let problem = parameter.problem(with: value) {
                diagnostics.append(
                    .error(
                        at: location, code: "impossible-value", problem,
                        hint: "\(parameter.name) is the \(parameter.doc)"))
                return
            }
            parameter.set(value, in: &assumptions)
            given.insert(name)
        }
        for parameter in set.parameters { apply(parameter.name, parameter.value, at: parameter.location) }
        for parameter in parameters where !given.contains(parameter.name) {
            diagnostics.append(
                .error(
                    at: set.location, code: "missing-parameter",
                    "the assumptions file does not give parameter '\(parameter.name)' (the \(parameter.doc))",
                    hint: "add <parameter name=\"\(parameter.name)\" value=\"...\" source=\"...\"/>"))
        }
        for override in overrides { apply(override.name, override.value, at: override.location) }
        if assumptions.growthCorrelationCampaign > assumptions.growthCorrelationBuilder {
            diagnostics.append(
                .error(
                    at: overrides.last?.location ?? set.location, code: "impossible-value",
                    "growth-correlation-campaign (\(assumptions.growthCorrelationCampaign)) exceeds "
                        + "growth-correlation-builder (\(assumptions.growthCorrelationBuilder))",
                    hint: "two elements of one builder share the campaign's growth and the builder's own: their "
                        + "correlation is at least the campaign's"))
        }
        for record in records {
            guard let found = set.standDownRecords.first(where: { $0.id == record.id }) else {
                diagnostics.append(
                    .error(
                        at: set.location, code: "missing-record",
                        "the assumptions file has no <stand-downs id=\"\(record.id)\"> (the \(record.doc))",
                        hint: "add the record with at least one <stand-down event=... failed=... returned=.../>"))
                continue
            }
            if found.events.isEmpty {
                diagnostics.append(
                    .error(
                        at: found.location, code: "missing-record", "the record '\(record.id)' lists no stand-down",
                        hint: "add at least one <stand-down event=... failed=... returned=.../>"))
            }
            assumptions[keyPath: record.field] = found.events.map { Double($0.days) }
            if record.field == \ModelAssumptions.launchFailureStandDownDays {
                assumptions.launchFailureStandDownProviders = found.events.map { $0.provider ?? "" }
            }
        }
        for referenceClass in set.referenceClasses {
            switch BetaPrior.fitted(to: referenceClass.records.map { ($0.successes, $0.attempts) }) {
            case .success(let prior): assumptions.referenceClassPriors[referenceClass.id] = prior
            case .failure(let problem):
                diagnostics.append(
                    .error(
                        at: referenceClass.location, code: "unfit-reference-class",
                        "reference class '\(referenceClass.id)' cannot give a prior: \(problem.message)",
                        hint: problem.hint))
            }
            let later = referenceClass.records.compactMap { record -> (successes: Int, attempts: Int)? in
                guard let s = record.matureSuccesses, let n = record.matureAttempts else { return nil }
                return (s, n)
            }
            guard let window = referenceClass.earlyFlights, !later.isEmpty else { continue }
            switch BetaPrior.fitted(to: later) {
            case .success(let prior):
                assumptions.referenceClassMaturePriors[referenceClass.id] = prior
                assumptions.referenceClassEarlyFlights[referenceClass.id] = window
            case .failure(let problem):
                diagnostics.append(
                    .error(
                        at: referenceClass.location, code: "unfit-reference-class",
                        "reference class '\(referenceClass.id)' cannot give a mature prior from its later flights: "
                            + problem.message, hint: problem.hint))
            }
        }
        return Resolution(assumptions: diagnostics.containsErrors ? nil : assumptions, diagnostics: diagnostics)
    }

    /// A command-line override `NAME=VALUE`, or why it is not one (naming the known parameters).
    public static func commandLineOverride(_ text: String) -> Result<AssumptionOverride, OverrideProblem> {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let known = "known parameters: \(parameterNames.joined(separator: ", "))"
        guard parts.count == 2, let value = Double(trimmed(parts[1])), value.isFinite else {
            return .failure(
                OverrideProblem(message: "--assume takes NAME=VALUE with a number, not '\(text)'; \(known)"))
        }
        let name = trimmed(parts[0])
        guard let parameter = parameter(named: name) else {
            return .failure(
                OverrideProblem(
                    message: "--assume: unknown parameter '\(name)' ("
                        + Suggestion.hint(for: name, among: parameterNames, kind: "parameter") + "); \(known)"))
        }
        if let problem = parameter.problem(with: value) {
            return .failure(OverrideProblem(message: "--assume: \(problem)"))
        }
        return .success(
            AssumptionOverride(
                name: name, value: value, provenance: Provenance(isEstimate: true),
                location: SourceLocation(file: "--assume", line: 0, column: 0)))
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// Why a command-line override was refused.
    public struct OverrideProblem: Error, Sendable {
        public let message: String
    }
}
