import ConsortiumModel
import ConsortiumRandom

/// Every uncertain input of one trial, drawn up front from streams named by (seed, trial, entity id).
///
/// Drawing up front, from streams keyed by stable ids rather than by event order, gives common random
/// numbers: two scenarios with the same seed draw the same duration for the same phase of the same
/// element, so their difference measures the change and not the noise. It also keeps the inputs for
/// the risk-driver analysis.
public struct TrialDraws: Sendable {
    /// Agency growth factors, by agency index.
    public var costGrowth: [Double] = []
    public var scheduleGrowth: [Double] = []
    /// Drawn duration and cost of each phase of each element (before growth).
    public var phaseDuration: [[Double]] = []
    public var phaseCost: [[Double]] = []
    /// Uniform draws deciding whether each element works over its mission and each docking succeeds.
    public var operationalDraw: [Double] = []
    public var dockingDraw: [Double] = []
    /// Each vehicle's reliability this trial, drawn from Beta(successes + 1, failures + 1).
    public var vehicleReliability: [Double] = []
    /// Whether each register risk strikes.
    public var riskStrikes: [Bool] = []

    public init() {}

    /// Draws all inputs of trial `trial` of `plan` with `seed`.
    public mutating func draw(_ plan: SimulationPlan, seed: UInt64, trial: UInt64) {
        func stream(_ id: UInt64, _ purpose: UInt64) -> RandomStream {
            RandomStream(key: StreamKey(seed: seed, trial: trial, entity: id, purpose: purpose))
        }
        costGrowth.removeAll(keepingCapacity: true)
        scheduleGrowth.removeAll(keepingCapacity: true)
        for agency in plan.agencies {
            var rng = stream(agency.streamID, 1)
            costGrowth.append(Self.lognormal(agency.costGrowth, using: &rng))
            scheduleGrowth.append(Self.lognormal(agency.scheduleGrowth, using: &rng))
        }
        if phaseDuration.count != plan.elements.count {
            phaseDuration = plan.elements.map { [Double](repeating: 0, count: $0.phases.count) }
            phaseCost = phaseDuration
            operationalDraw = [Double](repeating: 0, count: plan.elements.count)
            dockingDraw = operationalDraw
        }
        for (e, element) in plan.elements.enumerated() {
            var rng = stream(element.streamID, 1)
            for (k, phase) in element.phases.enumerated() {
                phaseDuration[e][k] = Self.triangular(phase.duration, using: &rng)
                phaseCost[e][k] = Self.triangular(phase.cost, using: &rng)
            }
            var other = stream(element.streamID, 2)
            operationalDraw[e] = other.nextUnit()
            dockingDraw[e] = other.nextUnit()
        }
        vehicleReliability.removeAll(keepingCapacity: true)
        for vehicle in plan.vehicles {
            var rng = stream(vehicle.streamID, 1)
            vehicleReliability.append(
                Beta(successes: vehicle.successes, failures: vehicle.failures).sample(using: &rng))
        }
        riskStrikes.removeAll(keepingCapacity: true)
        for risk in plan.risks {
            var rng = stream(risk.streamID, 1)
            riskStrikes.append(rng.nextUnit() < risk.probability)
        }
    }

    /// A triangular draw on a three-point estimate; a degenerate range gives its single value.
    static func triangular<G: RandomNumberGenerator>(
        _ estimate: ThreePoint, using rng: inout G
    )
        -> Double
    {
        let u = rng.nextUnit()
        guard estimate.max > estimate.min else { return estimate.likely }
        return Triangular(low: estimate.min, mode: estimate.likely, high: estimate.max).quantile(u)
    }

    /// A lognormal growth factor from (median, P90); no spread gives the median.
    static func lognormal<G: RandomNumberGenerator>(
        _ spec: (median: Double, p90: Double), using rng: inout G
    )
        -> Double
    {
        let z = Normal.standard.sample(using: &rng)
        guard spec.p90 > spec.median, spec.median > 0 else { return spec.median }
        return LogNormal(median: spec.median, p90: spec.p90).quantile(Normal.standard.cdf(z))
    }
}
