/// Everything loaded from a library: agencies, campaigns and scenarios, with lookups by id.
///
/// A library is a folder holding `Agencies/` and `Missions/`. Lookups are built once at
/// construction; the library is an immutable value shared freely across threads.
public struct Library: Sendable {
    /// One file read into the library.
    public struct File: Sendable, Hashable {
        public let path: String
        /// The root element: `agency`, `campaign`, `scenario` or `assumptions`.
        public let root: String
        public let byteCount: Int

        public init(path: String, root: String, byteCount: Int) {
            self.path = path
            self.root = root
            self.byteCount = byteCount
        }
    }

    public let agencies: [Agency]
    public let campaigns: [Campaign]
    public let scenarios: [Scenario]
    /// The model's assumptions (`Assumptions/model.xml`), when the library has them.
    public let assumptions: AssumptionSet?
    public let files: [File]

    public let agencyIndex: [AgencyID: Int]
    public let designIndex: [DesignID: (agency: Int, design: Int)]
    public let vehicleIndex: [VehicleID: (agency: Int, vehicle: Int)]
    public let standardIndex: [StandardID: (agency: Int, standard: Int)]
    public let campaignIndex: [CampaignID: Int]
    public let scenarioIndex: [ScenarioID: Int]

    public init(
        agencies: [Agency], campaigns: [Campaign], scenarios: [Scenario], assumptions: AssumptionSet? = nil,
        files: [File]
    ) {
        self.agencies = agencies
        self.campaigns = campaigns
        self.scenarios = scenarios
        self.assumptions = assumptions
        self.files = files
        var agencyIndex: [AgencyID: Int] = [:]
        var designIndex: [DesignID: (agency: Int, design: Int)] = [:]
        var vehicleIndex: [VehicleID: (agency: Int, vehicle: Int)] = [:]
        var standardIndex: [StandardID: (agency: Int, standard: Int)] = [:]
        for (a, agency) in agencies.enumerated() {
            if agencyIndex[agency.id] == nil { agencyIndex[agency.id] = a }
            for (d, design) in agency.designs.enumerated() where designIndex[design.id] == nil {
                designIndex[design.id] = (a, d)
            }
            for (v, vehicle) in agency.vehicles.enumerated() where vehicleIndex[vehicle.id] == nil {
                vehicleIndex[vehicle.id] = (a, v)
            }
            for (s, standard) in agency.standards.enumerated() where standardIndex[standard.id] == nil {
                standardIndex[standard.id] = (a, s)
            }
        }
        self.agencyIndex = agencyIndex
        self.designIndex = designIndex
        self.vehicleIndex = vehicleIndex
        self.standardIndex = standardIndex
        var campaignIndex: [CampaignID: Int] = [:]
        for (c, campaign) in campaigns.enumerated() where campaignIndex[campaign.id] == nil {
            campaignIndex[campaign.id] = c
        }
        self.campaignIndex = campaignIndex
        var scenarioIndex: [ScenarioID: Int] = [:]
        for (s, scenario) in scenarios.enumerated() where scenarioIndex[scenario.id] == nil {
            scenarioIndex[scenario.id] = s
        }
        self.scenarioIndex = scenarioIndex
    }

    public func agency(_ id: AgencyID) -> Agency? { agencyIndex[id].map { agencies[$0] } }
    public func design(_ id: DesignID) -> Design? { designIndex[id].map { agencies[$0.agency].designs[$0.design] } }
    public func vehicle(_ id: VehicleID) -> Vehicle? {
        vehicleIndex[id].map { agencies[$0.agency].vehicles[$0.vehicle] }
    }
    public func standard(_ id: StandardID) -> Standard? {
        standardIndex[id].map { agencies[$0.agency].standards[$0.standard] }
    }
    public func campaign(_ id: CampaignID) -> Campaign? { campaignIndex[id].map { campaigns[$0] } }
    public func scenario(_ id: ScenarioID) -> Scenario? { scenarioIndex[id].map { scenarios[$0] } }
}
