import ConsortiumModel

/// Turns a validated element tree into model values.
///
/// Runs after XSD validation, so structure and value syntax are already checked; it still never
/// traps on a bad value (a value that does not convert makes the entity `nil`, and the schema
/// error already says why). Semantic checks are the checker's job, not the decoder's.
struct ModelDecoder {
    func string(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(name)?.value
    }

    func double(_ element: XMLElement, _ name: String, default fallback: Double? = nil) -> Double? {
        guard let text = element.attribute(name)?.value else { return fallback }
        guard let value = Double(text.trimmingWhitespace), value.isFinite else { return nil }
        return value
    }

    func int(_ element: XMLElement, _ name: String, default fallback: Int? = nil) -> Int? {
        guard let text = element.attribute(name)?.value else { return fallback }
        return Int(text.trimmingWhitespace)
    }

    func bool(_ element: XMLElement, _ name: String, default fallback: Bool) -> Bool {
        guard let text = element.attribute(name)?.value.trimmingWhitespace else { return fallback }
        return text == "true" || text == "1"
    }

    func date(_ element: XMLElement, _ name: String) -> CivilDate? {
        element.attribute(name).flatMap { CivilDate(iso: $0.value.trimmingWhitespace) }
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
        return attribute.value.split(whereSeparator: \.isWhitespace).map {
            Reference(Identifier(String($0)), at: attribute.location)
        }
    }

    func enumeration<E: RawRepresentable>(_ element: XMLElement, _ name: String, default fallback: E? = nil) -> E?
    where E.RawValue == String {
        guard let text = element.attribute(name)?.value else { return fallback }
        return E(rawValue: text.trimmingWhitespace)
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
