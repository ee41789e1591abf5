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
    /// Days from campaign start after which a trial stops (the horizon), unless a scenario sets one.
    public var defaultHorizonDays: Double = 40 * 365.25
    /// Most events one trial may handle before it is stopped as runaway.
    public var eventLimit: Int = 5_000_000

    public init() {}

    /// The defaults above.
    public static let standard = ModelAssumptions()
}
