/// The four kinds of input file, each with its own root element and XSD.
public enum FileKind: String, CaseIterable, Sendable, Hashable {
    case agency
    case mission
    case scenario
    case assumptions

    /// The root element name a file of this kind starts with.
    public var rootElement: String {
        switch self {
        case .agency: "agency"
        case .mission: "campaign"
        case .scenario: "scenario"
        case .assumptions: "assumptions"
        }
    }

    /// The XSD text for this kind of file, as shipped inside the program.
    public var schemaText: String {
        switch self {
        case .agency: agencySchema
        case .mission: missionSchema
        case .scenario: scenarioSchema
        case .assumptions: assumptionsSchema
        }
    }

    /// The file kind whose root element is `name`, if any.
    public init?(rootElement name: String) {
        guard let kind = Self.allCases.first(where: { $0.rootElement == name }) else { return nil }
        self = kind
    }
}
