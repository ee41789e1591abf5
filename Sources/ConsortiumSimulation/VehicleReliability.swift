public import ConsortiumModel

/// What a run uses for a launch vehicle's reliability: its class prior, its record and heritage, and the
/// posterior each trial draws the vehicle's success probability from.
///
/// When the class states an early window (`early-flights`) and a mature prior fitted to its vehicles' later
/// flights, the record is split the same way: flights up to the window update the early prior, later ones
/// the mature prior, and a flight flies at the early posterior's reliability while the vehicle's flight
/// number is within the window (README, "Launch reliability and stand-downs").
public struct VehicleReliability: Sendable, Hashable {
    /// The reference class's fitted prior.
    public var prior: BetaPrior
    /// The vehicle's own record.
    public var successes: Int
    public var failures: Int
    /// The heritage vehicle, its record and the weight it counts with.
    public var heritage: VehicleID?
    public var heritageSuccesses: Int = 0
    public var heritageFailures: Int = 0
    public var heritageWeight: Double = 0
    /// Beta(alpha0 + s + w s_h, beta0 + f + w f_h), over the early flights only when the class has a window.
    public var posterior: BetaPrior
    /// The class's early window, its mature prior and the posterior after the later flights of the record;
    /// nil when the class gives one prior for every flight.
    public var earlyFlights: Int?
    public var maturePrior: BetaPrior?
    public var maturePosterior: BetaPrior?
    /// Flights flown before the campaign: its own attempts plus its heritage's at the heritage weight
    /// (rounded), the experience its next flight is numbered after.
    public var flightsBefore: Int

    /// The reliability of `vehicle` in `library` under `assumptions`; nil when its reference class has no
    /// prior (the checker reports an unknown class).
    public init?(_ vehicle: Vehicle, library: Library, assumptions: ModelAssumptions) {
        let classID = vehicle.referenceClass.id.rawValue
        guard let prior = assumptions.referenceClassPriors[classID] else { return nil }
        self.prior = prior
        successes = vehicle.successes
        failures = max(0, vehicle.attempts - vehicle.successes)
        let window = assumptions.referenceClassEarlyFlights[classID]
        let mature = assumptions.referenceClassMaturePriors[classID]
        var parent: Vehicle?
        if let id = vehicle.heritage?.id, let found = library.vehicle(id) {
            parent = found
            heritage = id
            heritageSuccesses = found.successes
            heritageFailures = max(0, found.attempts - found.successes)
            heritageWeight = vehicle.heritageWeight
        }
        flightsBefore = vehicle.attempts + Int((Double(parent?.attempts ?? 0) * heritageWeight).rounded())
        guard let window, let mature else {
            let record = parent == nil ? nil : (successes: heritageSuccesses, failures: heritageFailures)
            posterior = prior.updated(
                successes: successes, failures: failures, heritage: record, weight: heritageWeight)
            return
        }
        earlyFlights = window
        maturePrior = mature
        let own = Self.split(vehicle, window: window)
        let inherited = parent.map { Self.split($0, window: window) } ?? (.zero, .zero)
        let w = heritageWeight
        posterior = BetaPrior(
            alpha: prior.alpha + own.early.successes + w * inherited.early.successes,
            beta: prior.beta + own.early.failures + w * inherited.early.failures)
        maturePosterior = BetaPrior(
            alpha: mature.alpha + own.later.successes + w * inherited.later.successes,
            beta: mature.beta + own.later.failures + w * inherited.later.failures)
    }

    /// Successes and failures of part of a record (fractional when the failures are spread evenly).
    public struct Counts: Sendable, Hashable {
        public var successes: Double
        public var failures: Double
        public static let zero = Counts(successes: 0, failures: 0)
    }

    /// The record of `vehicle` split into its first `window` flights and the later ones: by its
    /// `failed-flights` when it lists them, else with its failures spread evenly over its attempts.
    public static func split(_ vehicle: Vehicle, window: Int) -> (early: Counts, later: Counts) {
        let attempts = max(vehicle.attempts, 0)
        let failures = Double(max(0, attempts - vehicle.successes))
        let earlyAttempts = Double(min(attempts, window))
        let laterAttempts = Double(attempts) - earlyAttempts
        let earlyFailures: Double
        if let failed = vehicle.failedFlights {
            earlyFailures = min(failures, Double(failed.filter { $0 <= window }.count))
        } else {
            earlyFailures = attempts > 0 ? failures * earlyAttempts / Double(attempts) : 0
        }
        let laterFailures = failures - earlyFailures
        return (
            Counts(successes: earlyAttempts - earlyFailures, failures: earlyFailures),
            Counts(successes: laterAttempts - laterFailures, failures: laterFailures)
        )
    }
}
