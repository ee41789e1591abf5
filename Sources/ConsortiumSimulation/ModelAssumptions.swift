public import ConsortiumModel

/// The model's figures that no agency, campaign or scenario file states, read from the library's
/// assumptions file (`Assumptions/model.xml`), where each is cited.
///
/// The code keeps no figure: every field starts unset (NaN, or empty) and `init(_:overrides:)` fills it from
/// the file through `parameters`, the one table of names. Adding an assumption is one line in that table and
/// one `<parameter>` in the file. A campaign (`<assume .../>`) and the command line (`--assume NAME=VALUE`) may
/// change any named parameter.
public struct ModelAssumptions: Sendable, Hashable {
    /// Probability that verifying an interface built on both sides to the same *published* standard finds a
    /// defect needing rework (`rework-probability-published`).
    public var reworkProbabilityPublished: Double = .nan
    /// The same for a bespoke interface (`rework-probability-bespoke`).
    public var reworkProbabilityBespoke: Double = .nan
    /// Rework after a failed verification takes this fraction of the element's last phase duration and cost
    /// (`rework-fraction`).
    public var reworkFraction: Double = .nan
    /// Days to integrate a launch stack once every payload element is delivered (`integration-days`).
    public var integrationDays: Double = .nan
    /// Integration cost as a fraction of the vehicle price (`integration-cost-fraction`).
    public var integrationCostFraction: Double = .nan
    /// Probability that a docking through a published standard fails on arrival (`docking-failure-published`).
    public var dockingFailurePublished: Double = .nan
    /// The same through a bespoke interface (`docking-failure-bespoke`).
    public var dockingFailureBespoke: Double = .nan
    /// Days from campaign start after which a trial stops, unless a scenario sets one (`horizon-days`).
    public var defaultHorizonDays: Double = .nan
    /// Most events one trial may handle before it is stopped as runaway (`event-limit`).
    public var eventLimit: Int = 0
    /// Days to re-manifest a payload on another vehicle when its vehicle is lost or a scenario substitutes one
    /// (`remanifest-days`).
    public var remanifestDays: Double = .nan
    /// Probability that a crewed launch failure is survived: the abort system brings the crew home
    /// (`launch-abort-success-probability`).
    public var launchAbortSuccessProbability: Double = .nan
    /// Probability that the crew survives when a crewed element fails in operation
    /// (`crew-survival-in-operation-probability`).
    public var crewSurvivalInOperationProbability: Double = .nan
    /// Probability that the campaign is cancelled at the end of the stand-down after a loss of crew
    /// (`cancellation-after-crew-loss-probability`).
    public var cancellationAfterCrewLossProbability: Double = .nan
    /// How many times an element lost on arrival, in docking or in operation is rebuilt when an objective
    /// needing it says `on-loss="rebuild"` (`loss-rebuild-limit`).
    public var lossRebuildLimit: Int = 0
    /// The Beta prior fitted to each reference class of launch vehicles, by class id.
    public var referenceClassPriors: [String: BetaPrior] = [:]
    /// Each reference class's prior for flights after its early window, fitted to its vehicles' later
    /// records, and the window (`early-flights`); a class without them has one prior for every flight.
    public var referenceClassMaturePriors: [String: BetaPrior] = [:]
    public var referenceClassEarlyFlights: [String: Int] = [:]
    /// Days from a real launch failure to the vehicle's next flight (record `launch-failure-stand-downs`): each
    /// launch failure in a trial grounds its vehicle for one of these, drawn with equal weight.
    public var launchFailureStandDownDays: [Double] = []
    /// The provider of each of those stand-downs ("" when the record names none), in the same order.
    public var launchFailureStandDownProviders: [String] = []
    /// A vehicle whose owner has at least this many stand-downs in the record draws from those alone
    /// (`provider-stand-down-minimum`).
    public var providerStandDownMinimum: Int = 0
    /// 1: a taker starts every undelivered element of a leaving partner as a new build from its first
    /// phase; 0: a taker that declares the element's kind resumes where the leaver was (`takeover-restarts`).
    public var takeoverRestarts: Int = 0
    /// Days from a real loss of crew to the programme's next crewed flight (record `crew-loss-stand-downs`;
    /// Challenger 1986 and Columbia 2003), for the programme stand-down after a loss of crew.
    public var crewLossStandDownDays: [Double] = []
    /// Days from launch to arrival in low Earth orbit where a launch states no transit (`leo-transit-days`).
    public var leoTransitDays: Double = .nan
    /// Days from launch to arrival in geostationary transfer orbit where a launch states none
    /// (`gto-transit-days`).
    public var gtoTransitDays: Double = .nan
    /// The share of a phase's likely cost that is time-dependent (paid per day while it runs) where its
    /// design states no standing army (`time-dependent-share`).
    public var timeDependentShare: Double = .nan
    /// Storage cost per day while delivered hardware waits to launch, as a share of its standing army,
    /// where its design states no storage cost (`storage-share-of-standing-army`).
    public var storageShareOfStandingArmy: Double = .nan
    /// The correlation of cost (and of schedule) growth between two elements of the same builder, on the
    /// normal scale of a Gaussian copula (`growth-correlation-builder`).
    public var growthCorrelationBuilder: Double = .nan
    /// The same between two elements of different builders in one campaign (`growth-correlation-campaign`);
    /// at most the builder's.
    public var growthCorrelationCampaign: Double = .nan
    /// Under a fixed-price contract, the cost growth the contractor absorbs, as a share of the price, before
    /// the customer pays the rest (`fixed-price-overrun-absorbed`).
    public var fixedPriceOverrunAbsorbed: Double = .nan

    /// Assumptions with every field unset; tests fill in what they use.
    public init() {}
}

extension ModelAssumptions {
    /// One named parameter: its name in the file, the field it sets, its allowed values and its meaning.
    public struct Parameter: Sendable {
        public enum Field: Sendable {
            case real(any WritableKeyPath<ModelAssumptions, Double> & Sendable)
            case whole(any WritableKeyPath<ModelAssumptions, Int> & Sendable)
        }

        public let name: String
        public let field: Field
        public let range: ClosedRange<Double>
        public let doc: String

        init(_ name: String, _ field: Field, _ range: ClosedRange<Double>, _ doc: String) {
            (self.name, self.field, self.range, self.doc) = (name, field, range, doc)
        }

        /// The parameter's value in `assumptions`.
        public func value(in assumptions: ModelAssumptions) -> Double {
            switch field {
            case .real(let path): assumptions[keyPath: path]
            case .whole(let path): Double(assumptions[keyPath: path])
            }
        }

        func set(_ value: Double, in assumptions: inout ModelAssumptions) {
            switch field {
            case .real(let path): assumptions[keyPath: path] = value
            case .whole(let path): assumptions[keyPath: path] = Int(value)
            }
        }

        /// A figure as a person writes it: `5000000`, `0.2`.
        static func text(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? DecimalText.whole(value) : "\(value)"
        }

        /// Why `value` is not allowed, or nil.
        public func problem(with value: Double) -> String? {
            if !range.contains(value) {
                return "\(name) must be from \(Self.text(range.lowerBound)) to \(Self.text(range.upperBound)), "
                    + "not \(Self.text(value))"
            }
            if case .whole = field, value.rounded() != value {
                return "\(name) is a whole number, not \(Self.text(value))"
            }
            return nil
        }
    }

    /// A named record of real stand-downs and the field that takes its durations in days.
    public struct Record: Sendable {
        public let id: String
        public let field: any WritableKeyPath<ModelAssumptions, [Double]> & Sendable
        public let doc: String
    }

    /// Every named parameter of the model: the one place a name meets its field.
    public static let parameters: [Parameter] = [
        Parameter(
            "rework-probability-published", .real(\.reworkProbabilityPublished), 0...1,
            "probability that verifying an interface built to a published standard finds a defect needing rework"),
        Parameter(
            "rework-probability-bespoke", .real(\.reworkProbabilityBespoke), 0...1,
            "the same for a bespoke (unpublished, project-specific) interface"),
        Parameter(
            "rework-fraction", .real(\.reworkFraction), 0...10,
            "rework takes this fraction of the element's last phase duration and cost"),
        Parameter(
            "integration-days", .real(\.integrationDays), 0...Double(ValueLimits.maximumDays),
            "days to integrate a launch stack once its payload is delivered"),
        Parameter(
            "integration-cost-fraction", .real(\.integrationCostFraction), 0...10,
            "integration cost as a fraction of the vehicle price, booked to the launch's buyer"),
        Parameter(
            "docking-failure-published", .real(\.dockingFailurePublished), 0...1,
            "probability that a docking through a published standard fails on arrival"),
        Parameter(
            "docking-failure-bespoke", .real(\.dockingFailureBespoke), 0...1,
            "the same through a bespoke interface"),
        Parameter(
            "horizon-days", .real(\.defaultHorizonDays), 1...Double(ValueLimits.maximumDays),
            "days from the campaign start after which a trial stops, unless a scenario sets a horizon"),
        Parameter(
            "event-limit", .whole(\.eventLimit), 1...1e12,
            "most events one trial may handle before it is stopped as runaway"),
        Parameter(
            "remanifest-days", .real(\.remanifestDays), 0...Double(ValueLimits.maximumDays),
            "days to move a payload to another vehicle when its vehicle is lost or substituted"),
        Parameter(
            "launch-abort-success-probability", .real(\.launchAbortSuccessProbability), 0...1,
            "probability that the abort system saves the crew of a failed crewed launch"),
        Parameter(
            "crew-survival-in-operation-probability", .real(\.crewSurvivalInOperationProbability), 0...1,
            "probability that the crew survives its crewed element's failure in operation"),
        Parameter(
            "cancellation-after-crew-loss-probability", .real(\.cancellationAfterCrewLossProbability), 0...1,
            "probability that the campaign is cancelled at the end of the stand-down after a loss of crew"),
        Parameter(
            "loss-rebuild-limit", .whole(\.lossRebuildLimit), 0...100,
            "how many times an element lost on arrival or in operation is rebuilt under on-loss=\"rebuild\""),
        Parameter(
            "provider-stand-down-minimum", .whole(\.providerStandDownMinimum), 1...1000,
            "a vehicle whose owner has at least this many returns to flight in the record draws from those alone"),
        Parameter(
            "takeover-restarts", .whole(\.takeoverRestarts), 0...1,
            "1: a taker builds a leaving partner's undelivered elements anew; 0: a capable taker resumes them"),
        Parameter(
            "leo-transit-days", .real(\.leoTransitDays), 0...Double(ValueLimits.maximumDays),
            "days from launch to arrival in low Earth orbit where a launch states no transit-days"),
        Parameter(
            "gto-transit-days", .real(\.gtoTransitDays), 0...Double(ValueLimits.maximumDays),
            "days from launch to arrival in geostationary transfer orbit where a launch states no transit-days"),
        Parameter(
            "time-dependent-share", .real(\.timeDependentShare), 0...1,
            "share of a phase's likely cost paid per day while it runs, where its design states no standing army"),
        Parameter(
            "storage-share-of-standing-army", .real(\.storageShareOfStandingArmy), 0...10,
            "storage cost per day of delivered hardware waiting to launch, as a share of its standing army"),
        Parameter(
            "growth-correlation-builder", .real(\.growthCorrelationBuilder), 0...1,
            "correlation of cost (and of schedule) growth between two elements of the same builder (Gaussian copula)"),
        Parameter(
            "growth-correlation-campaign", .real(\.growthCorrelationCampaign), 0...1,
            "correlation of growth between two elements of different builders in a campaign (at most the builder's)"),
        Parameter(
            "fixed-price-overrun-absorbed", .real(\.fixedPriceOverrunAbsorbed), 0...10,
            "cost growth a fixed-price contractor absorbs, as a share of the price, before the customer pays the rest"),
    ]

    /// Every named record of stand-downs the model reads.
    public static let records: [Record] = [
        Record(
            id: "launch-failure-stand-downs", field: \.launchFailureStandDownDays,
            doc: "return-to-flight durations after real launch failures; a failure in a trial draws one"),
        Record(
            id: "crew-loss-stand-downs", field: \.crewLossStandDownDays,
            doc: "programme stand-downs after real losses of crew"),
    ]

    /// The parameter named `name`, if the model has one.
    public static func parameter(named name: String) -> Parameter? { parameters.first { $0.name == name } }

    /// The names of every parameter, for messages.
    public static var parameterNames: [String] { parameters.map(\.name) }

    /// The transit to `destination` when a launch states none: near Earth (leo, gto) from the fields
    /// above; nil for deep space (tli, nrho, lunar-surface, tmi), where the mission's transit days apply.
    public func transitDays(to destination: Destination) -> Double? {
        switch destination {
        case .leo: leoTransitDays
        case .gto: gtoTransitDays
        case .tli, .nrho, .lunarSurface, .tmi: nil
        }
    }
}
