public import ConsortiumModel

/// What a run uses for a launch vehicle's reliability: its class prior, its record and heritage, and the
/// posterior each trial draws the vehicle's success probability from.
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
    /// Beta(alpha0 + s + w s_h, beta0 + f + w f_h).
    public var posterior: BetaPrior

    /// The reliability of `vehicle` in `library` under `assumptions`; nil when its reference class has no
    /// prior (the checker reports an unknown class).
    public init?(_ vehicle: Vehicle, library: Library, assumptions: ModelAssumptions) {
        guard let prior = assumptions.referenceClassPriors[vehicle.referenceClass.id.rawValue] else { return nil }
        self.prior = prior
        successes = vehicle.successes
        failures = max(0, vehicle.attempts - vehicle.successes)
        var record: (successes: Int, failures: Int)?
        if let id = vehicle.heritage?.id, let parent = library.vehicle(id) {
            heritage = id
            heritageSuccesses = parent.successes
            heritageFailures = max(0, parent.attempts - parent.successes)
            heritageWeight = vehicle.heritageWeight
            record = (heritageSuccesses, heritageFailures)
        }
        posterior = prior.updated(successes: successes, failures: failures, heritage: record, weight: heritageWeight)
    }
}
