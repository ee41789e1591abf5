import ConsortiumModel

/// Turns a validated element tree into model values.
///
/// Runs after XSD validation, so structure and value syntax are already checked; it still never
/// traps on a bad value. A value that does not convert makes its entity `nil`, and is reported in
/// `problems` at the attribute: an error the schema missed (a number it accepts that no `Int` or
/// `Double` holds) is then never a silently dropped `<budget>`. Semantic checks are the checker's job,
/// not the decoder's.
struct ModelDecoder {
    /// The values present in a file that could not be converted, as located error diagnostics.
    final class Problems {
        var diagnostics: [Diagnostic] = []
    }

    let problems = Problems()

    /// Reports `attribute`, whose value could not be read as `expected`.
    func unreadable(_ attribute: XMLAttribute, as expected: String) {
        problems.diagnostics.append(
            .error(
                at: attribute.location, code: "unreadable-value",
                "attribute '\(attribute.name)' = '\(attribute.value.showingInvisibles)' cannot be read as \(expected)",
                hint: "`consortium schema agency|mission|scenario` gives each attribute's type and range"))
    }

    /// The value of attribute `name` converted by `parse`; `fallback` when absent; nil (reported) when
    /// present but not convertible.
    func value<Value>(
        _ element: XMLElement, _ name: String, default fallback: Value?, as expected: String,
        _ parse: (String) -> Value?
    ) -> Value? {
        guard let attribute = element.attribute(name) else { return fallback }
        guard let value = parse(attribute.value.trimmingWhitespace) else {
            unreadable(attribute, as: expected)
            return nil
        }
        return value
    }

    func string(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(name)?.value
    }

    func double(_ element: XMLElement, _ name: String, default fallback: Double? = nil) -> Double? {
        value(element, name, default: fallback, as: "a finite decimal number") { text in
            Double(text).flatMap { $0.isFinite ? $0 : nil }
        }
    }

    func int(_ element: XMLElement, _ name: String, default fallback: Int? = nil) -> Int? {
        value(element, name, default: fallback, as: "a whole number from \(Int.min) to \(Int.max)") { Int($0) }
    }

    func uint64(_ element: XMLElement, _ name: String) -> UInt64? {
        value(element, name, default: nil, as: "a whole number from 0 to \(UInt64.max)") { UInt64($0) }
    }

    func bool(_ element: XMLElement, _ name: String, default fallback: Bool) -> Bool {
        guard let text = element.attribute(name)?.value.trimmingWhitespace else { return fallback }
        return text == "true" || text == "1"
    }

    func date(_ element: XMLElement, _ name: String) -> CivilDate? {
        value(element, name, default: nil, as: "a date YYYY-MM-DD") { CivilDate(iso: $0) }
    }

    func id<Tag>(_ element: XMLElement, _ name: String = "id") -> Identifier<Tag>? {
        element.attribute(name).map { Identifier($0.value.trimmingWhitespace) }
    }

    func reference<Tag>(_ element: XMLElement, _ name: String) -> Reference<Tag>? {
        element.attribute(name).map { Reference(Identifier($0.value.trimmingWhitespace), at: $0.location) }
    }

    /// A whitespace-separated list of references, each located at its attribute.
    func references<Tag>(_ element: XMLElement, _ name: String) -> [Reference<Tag>] {
        guard let attribute = element.attribute(name) else { return [] }
        // An XSD list is separated by XML white space (space, tab, CR, LF): split on those bytes, not on
        // Character.isWhitespace, whose Unicode lookup per character made a 64 KiB list of ids slow.
        return attribute.value.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            .map { Reference(Identifier(String(decoding: $0, as: UTF8.self)), at: attribute.location) }
    }

    func enumeration<E: RawRepresentable>(_ element: XMLElement, _ name: String, default fallback: E? = nil) -> E?
    where E.RawValue == String {
        value(element, name, default: fallback, as: "one of the schema's values") { E(rawValue: $0) }
    }

    func provenance(_ element: XMLElement) -> Provenance {
        Provenance(
            sources: (element.attribute("source")?.value ?? "").split(whereSeparator: \.isWhitespace).map(String.init),
            isEstimate: bool(element, "estimate", default: false)
        )
    }

    func threePoint(_ element: XMLElement?) -> ThreePoint? {
        guard let element, let low = double(element, "min"), let likely = double(element, "likely"),
            let high = double(element, "max")
        else { return nil }
        return ThreePoint(min: low, likely: likely, max: high)
    }

    func sources(_ element: XMLElement) -> [SourceCitation] {
        element.children("source").compactMap { node in
            guard let id = string(node, "id") else { return nil }
            return SourceCitation(
                id: id, url: string(node, "url"), date: string(node, "date"), text: node.text,
                location: node.location)
        }
    }

    func description(_ element: XMLElement) -> String? {
        element.child("description")?.text
    }
}
