/// A typed identifier, so that an agency id cannot be passed where an element id is wanted.
///
/// Ids are the lower-case names written in the XML files (`esa`, `esm-4`). The phantom `Tag`
/// keeps the kinds apart at compile time at no run-time cost.
public struct Identifier<Tag>: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The id as written in the file.
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Tags that give each kind of id its own type.
public enum AgencyTag {}
public enum DesignTag {}
public enum VehicleTag {}
public enum StandardTag {}
public enum ElementTag {}
public enum ContractTag {}
public enum MissionTag {}
public enum LaunchTag {}
public enum ObjectiveTag {}
public enum CampaignTag {}
public enum ScenarioTag {}
public enum RiskTag {}
/// A reference class of launch vehicles in the assumptions file.
public enum ReferenceClassTag {}

public typealias AgencyID = Identifier<AgencyTag>
public typealias DesignID = Identifier<DesignTag>
public typealias VehicleID = Identifier<VehicleTag>
public typealias StandardID = Identifier<StandardTag>
public typealias ElementID = Identifier<ElementTag>
public typealias ContractID = Identifier<ContractTag>
public typealias MissionID = Identifier<MissionTag>
public typealias LaunchID = Identifier<LaunchTag>
public typealias ObjectiveID = Identifier<ObjectiveTag>
public typealias CampaignID = Identifier<CampaignTag>
public typealias ScenarioID = Identifier<ScenarioTag>
public typealias RiskID = Identifier<RiskTag>
public typealias ReferenceClassID = Identifier<ReferenceClassTag>

/// A reference to another entity, with the place in the file where it was written.
///
/// Keeping the location with the reference lets the checker point at the exact attribute
/// when the reference does not resolve.
public struct Reference<Tag>: Hashable, Sendable {
    public let id: Identifier<Tag>
    public let location: SourceLocation

    public init(_ id: Identifier<Tag>, at location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
