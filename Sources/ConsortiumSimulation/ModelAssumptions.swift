public import ConsortiumModel

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
    /// Days from launch to arrival in low Earth orbit, where a launch states no transit: ascent takes
    /// minutes and a rendezvous with a target about a day (Crew Dragon Demo-2 docked to the ISS 19 hours
    /// after launch, 30 May 2020, https://www.nasa.gov/news-release/nasa-astronauts-launch-from-america-in-historic-test-flight-of-spacex-crew-dragon/).
    /// Estimate: one day.
    public var leoTransitDays: Double = 1
    /// Days from launch to arrival in geostationary transfer orbit: the first apogee is reached about 5 hours
    /// after launch (half of a ~10.5-hour GTO period, e.g. Arianespace user's manual, Ariane 6, issue 2,
    /// 2021, https://www.arianespace.com/wp-content/uploads/2021/03/Mua-6_Issue-2_Revision-0_March-2021.pdf).
    /// Estimate: a quarter of a day.
    public var gtoTransitDays: Double = 0.25
    /// Days from campaign start after which a trial stops (the horizon), unless a scenario sets one.
    public var defaultHorizonDays: Double = 40 * 365.25
    /// Most events one trial may handle before it is stopped as runaway.
    public var eventLimit: Int = 5_000_000

    public init() {}

    /// The transit to `destination` when a launch states none: near Earth (leo, gto) from the fields
    /// above; nil for deep space (tli, nrho, lunar-surface, tmi), where the mission's transit days apply.
    public func transitDays(to destination: Destination) -> Double? {
        switch destination {
        case .leo: leoTransitDays
        case .gto: gtoTransitDays
        case .tli, .nrho, .lunarSurface, .tmi: nil
        }
    }

    /// The defaults above.
    public static let standard = ModelAssumptions()
}
