/// What `consortium generate` builds: how many agencies, elements and missions, and from which seed.
///
/// The output depends only on these four numbers (and the program version written into the files),
/// so the same settings always give the same bytes.
public struct GeneratorSettings: Sendable, Hashable {
    /// Agencies, launch providers included (at least 2, so that there are contracts between agencies).
    public var agencies: Int
    /// Element instances in the campaign, over all missions.
    public var elements: Int
    /// Missions in the campaign.
    public var missions: Int
    /// The seed of the generator's random stream.
    public var seed: UInt64

    /// Most agencies (each is a file).
    public static let maxAgencies = 10_000
    /// Most elements: a campaign file of a million elements is about 300 MB, past the loader's 64 MiB limit.
    public static let maxElements = 200_000
    /// Most elements one mission can hold: 50 launches (the schema's limit) of at most 10 payloads each.
    public static let maxElementsPerMission = SyntheticPlan.maxLaunchesPerMission * SyntheticPlan.maxPayloadsPerLaunch

    public init(agencies: Int, elements: Int, missions: Int, seed: UInt64) {
        self.agencies = agencies
        self.elements = elements
        self.missions = missions
        self.seed = seed
    }

    /// Why these settings cannot be generated, as a message naming the option and what to do, or nil.
    public var problem: String? {
        if !(2...Self.maxAgencies).contains(agencies) {
            return "--agencies must be between 2 and \(Self.maxAgencies), not \(agencies)"
        }
        if !(1...Self.maxElements).contains(elements) {
            return "--elements must be between 1 and \(Self.maxElements), not \(elements)"
        }
        if missions < 1 { return "--missions must be at least 1, not \(missions)" }
        if missions > elements {
            return
                "--missions (\(missions)) cannot exceed --elements (\(elements)): every mission launches at least one element"
        }
        let needed = (elements + Self.maxElementsPerMission - 1) / Self.maxElementsPerMission
        if missions < needed {
            return "\(elements) elements need at least \(needed) missions (a mission holds at most "
                + "\(Self.maxElementsPerMission): 50 launches of 10 payloads); give --missions \(needed) or more"
        }
        return nil
    }

    /// The command line that reproduces these settings, written into every generated file.
    public var commandLine: String {
        "consortium generate --agencies \(agencies) --elements \(elements) --missions \(missions) --seed \(seed)"
    }
}
