/// The model's constants that no input file states, each with where it comes from.
///
/// They are inputs like any other: a planner can change them (and the tests pin the behaviour each
/// one controls). Values marked "estimate" are our judgement, not a published figure.
public struct ModelAssumptions: Sendable, Hashable {
    /// Probability that verifying an interface built on both sides to the same *published* standard and
    /// revision (e.g. IDSS rev F) finds a defect needing rework. Estimate: standard interfaces are
    /// verified against published test cases and earlier implementations (IDSS has flown on Dragon,
    /// Starliner and Orion, datasheet §8).
    public var reworkProbabilityPublished: Double = 0.05
    /// The same for a bespoke interface (an unpublished, project-specific definition). Estimate: 4x the
    /// published-standard rate, in line with the interface-driven rework GAO reports on first-of-a-kind
    /// hardware (GAO-24-106767, datasheet §7).
    public var reworkProbabilityBespoke: Double = 0.20
    /// Rework after a failed verification takes this fraction of the element's last phase duration and
    /// cost, then the interface is verified again. Estimate.
    public var reworkFraction: Double = 0.15
    /// Days to integrate a launch stack once every payload element is delivered and verified. Estimate
    /// (SLS/Orion stacking and ESA service-module integration take months).
    public var integrationDays: Double = 90
    /// Integration cost as a fraction of the vehicle price, booked to the launch's buyer. Estimate.
    public var integrationCostFraction: Double = 0.05
    /// Probability that a docking or berthing through a published standard fails on arrival. Estimate.
    public var dockingFailurePublished: Double = 0.005
    /// The same through a bespoke interface. Estimate.
    public var dockingFailureBespoke: Double = 0.02
    /// After a launch failure and its stand-down, the vehicle's failure probability in that trial is
    /// multiplied by this factor (reliability growth through corrective action). Estimate: MIL-HDBK-189C
    /// (2011) reports fix-effectiveness factors around 0.7 for a corrected failure mode; since a vehicle has
    /// other modes too, we remove 30 % of its whole failure probability per failure, not 70 %.
    public var correctiveActionFactor: Double = 0.7
    /// Days to re-manifest a payload on another vehicle (new adapter, coupled-loads analysis, range and
    /// licence work) when its vehicle is lost or a scenario substitutes one. Estimate: a year, on the
    /// order of the launcher changes programmes made (BepiColombo's move from Soyuz to Ariane 5 was
    /// decided years ahead; NASA's Launch Services Program starts mission integration about two years
    /// before launch, and a re-manifest repeats its late part).
    public var remanifestDays: Double = 365
    /// Probability that a crewed launch failure is survived: the launch escape (abort) system brings the
    /// crew home, the vehicle and payload are still lost. Estimate from the crewed launch failures of the
    /// space age: three of four crews survived, Soyuz 18a (5 April 1975, abort after staging failure),
    /// Soyuz T-10-1 (26 September 1983, pad abort by the escape tower,
    /// https://en.wikipedia.org/wiki/Soyuz_7K-ST_No.16L) and Soyuz MS-10 (11 October 2018, abort after
    /// booster separation failure, https://en.wikipedia.org/wiki/Soyuz_MS-10);
    /// Challenger STS-51-L (28 January 1986) had no escape system and its crew was lost.
    public var launchAbortSuccessProbability: Double = 0.75
    /// Probability that the crew survives when a crewed element fails in operation (its operational draw
    /// fails after arrival). Estimate: of eight crewed missions ended by an in-flight failure, five crews
    /// came home (Gemini 8 1966, Apollo 13 1970, Soyuz 23 1976, Soyuz 33 1979, Soyuz T-8 1983) and three
    /// were lost (Soyuz 1 1967, Soyuz 11 1971, Columbia STS-107 2003); the list of spaceflight accidents,
    /// https://en.wikipedia.org/wiki/List_of_spaceflight-related_accidents_and_incidents.
    public var crewSurvivalInOperationProbability: Double = 0.625
    /// After a loss of crew no crewed launch of the campaign flies for a stand-down drawn with equal
    /// weights from these durations (days): Challenger (28 January 1986 to STS-26, 29 September 1988: 975
    /// days, Report of the Presidential Commission on the Space Shuttle Challenger Accident (Rogers
    /// Commission), 1986, https://history.nasa.gov/rogersrep/genindex.htm) and Columbia (1 February 2003 to
    /// STS-114, 26 July 2005: 906 days, Columbia Accident Investigation Board report, volume I, August 2003,
    /// https://en.wikipedia.org/wiki/Columbia_Accident_Investigation_Board). Uncrewed launches may fly
    /// meanwhile.
    public var crewLossStandDownDays: [Double] = [975, 906]
    /// Probability that the campaign is cancelled at the end of a stand-down after a loss of crew (every
    /// unfinished element and objective ends as "programme cancelled"); otherwise it carries on. Estimate:
    /// of the five crew losses of NASA and the Soviet/Russian programmes (Apollo 1 1967, Soyuz 1 1967,
    /// Soyuz 11 1971, Challenger 1986, Columbia 2003) one ended its programme: after Columbia the Shuttle
    /// was ordered retired (Vision for Space Exploration, January 2004,
    /// https://en.wikipedia.org/wiki/Vision_for_Space_Exploration); the others flew again.
    public var cancellationAfterCrewLossProbability: Double = 0.2
    /// How many times an element lost on arrival, in docking or in operation is rebuilt when an objective
    /// needing it says `on-loss="rebuild"`. Estimate: agencies have rebuilt a lost mission once (OCO lost
    /// in 2009, OCO-2 flown in 2014; Hitomi lost in 2016, XRISM flown in 2023), not twice.
    public var lossRebuildLimit: Int = 1
    /// Days from campaign start after which a trial stops (the horizon), unless a scenario sets one.
    public var defaultHorizonDays: Double = 40 * 365.25
    /// Most events one trial may handle before it is stopped as runaway.
    public var eventLimit: Int = 5_000_000

    public init() {}

    /// The defaults above.
    public static let standard = ModelAssumptions()
}
