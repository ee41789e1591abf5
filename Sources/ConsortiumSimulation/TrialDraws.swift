import ConsortiumModel
import ConsortiumRandom

/// Every uncertain input of one trial, drawn up front from streams named by (seed, trial, entity id).
///
/// Drawing up front, from streams keyed by stable ids rather than by event order, gives common random
/// numbers: two scenarios with the same seed draw the same duration for the same phase of the same
/// element, so their difference measures the change and not the noise. It also keeps the inputs for
/// the risk-driver analysis.
public struct TrialDraws: Sendable {
    /// Each element's cost and schedule growth factors, by element index: its builder's lognormal growth at
    /// the element's copula score (`growthScore`).
    public var costGrowth: [Double] = []
    public var scheduleGrowth: [Double] = []
    /// Drawn duration and cost of each phase of each element (before growth).
    public var phaseDuration: [[Double]] = []
    public var phaseCost: [[Double]] = []
    /// Uniform draws deciding whether each element works over its mission and each docking succeeds.
    public var operationalDraw: [Double] = []
    public var dockingDraw: [Double] = []
    /// Each vehicle's reliability this trial, drawn from its posterior (class prior, record and heritage).
    public var vehicleReliability: [Double] = []
    /// Each vehicle's reliability after its early window, at the same posterior percentile as
    /// `vehicleReliability` (equal to it when the vehicle has no mature posterior).
    public var vehicleMatureReliability: [Double] = []
    /// Whether each register risk strikes.
    public var riskStrikes: [Bool] = []
    /// The percentile (CDF value, uniform on [0, 1)) of every uncertain input, in `InputCatalog` order.
    ///
    /// A percentile is the input's exact population rank, which the risk-driver analysis correlates
    /// with outcomes (Spearman's rank correlation). A high percentile always means "worse": longer,
    /// costlier, more growth, a less reliable vehicle, a risk that strikes.
    public var percentiles: [Double] = []
    /// Each agency's builder growth scores (cost, schedule) this trial, reused across draws.
    var builderScores: [(cost: Double, schedule: Double)] = []

    public init() {}

    /// Draws all inputs of trial `trial` of `plan` with `seed`.
    ///
    /// Each element draws one duration percentile and one cost percentile; every phase of the element
    /// takes that percentile of its own three-point range (its phases slip together, as one team's
    /// work does). Each element's growth is its builder's lognormal at a Gaussian copula score that shares
    /// a campaign factor and a builder factor (`growthScore`); vehicles draw a reliability; risks whether
    /// they strike.
    public mutating func draw(_ plan: SimulationPlan, seed: UInt64, trial: UInt64) {
        func stream(_ id: UInt64, _ purpose: UInt64) -> RandomStream {
            RandomStream(key: StreamKey(seed: seed, trial: trial, entity: id, purpose: purpose))
        }
        percentiles.removeAll(keepingCapacity: true)
        costGrowth.removeAll(keepingCapacity: true)
        scheduleGrowth.removeAll(keepingCapacity: true)
        builderScores.removeAll(keepingCapacity: true)
        for agency in plan.agencies {
            let (costU, scheduleU) = Self.agencyPercentiles(agency, seed: seed, trial: trial)
            builderScores.append((Normal.standard.quantile(costU), Normal.standard.quantile(scheduleU)))
            percentiles.append(costU)
            percentiles.append(scheduleU)
        }
        let campaignU = Self.campaignPercentiles(plan, seed: seed, trial: trial)
        let campaignScore = (Normal.standard.quantile(campaignU.cost), Normal.standard.quantile(campaignU.schedule))
        percentiles.append(campaignU.cost)
        percentiles.append(campaignU.schedule)
        let weights = Self.copulaWeights(plan.assumptions)
        if phaseDuration.count != plan.elements.count {
            phaseDuration = plan.elements.map { [Double](repeating: 0, count: $0.phases.count) }
            phaseCost = phaseDuration
            operationalDraw = [Double](repeating: 0, count: plan.elements.count)
            dockingDraw = operationalDraw
        }
        for (e, element) in plan.elements.enumerated() {
            let (durationU, costU) = Self.elementPercentiles(element, seed: seed, trial: trial)
            for (k, phase) in element.phases.enumerated() {
                phaseDuration[e][k] = Self.triangular(phase.duration, percentile: durationU)
                phaseCost[e][k] = Self.triangular(phase.cost, percentile: costU)
            }
            var other = stream(element.streamID, 2)
            operationalDraw[e] = other.nextUnit()
            dockingDraw[e] = other.nextUnit()
            percentiles.append(durationU)
            percentiles.append(costU)
            let own = Self.elementGrowthScores(element, seed: seed, trial: trial)
            let builder = builderScores[element.builder]
            let costScore = weights.campaign * campaignScore.0 + weights.builder * builder.cost + weights.own * own.cost
            let scheduleScore =
                weights.campaign * campaignScore.1 + weights.builder * builder.schedule + weights.own * own.schedule
            let spec = plan.agencies[element.builder]
            costGrowth.append(Self.lognormal(spec.costGrowth, score: costScore))
            scheduleGrowth.append(Self.lognormal(spec.scheduleGrowth, score: scheduleScore))
            percentiles.append(Normal.standard.cdf(costScore))
            percentiles.append(Normal.standard.cdf(scheduleScore))
        }
        vehicleReliability.removeAll(keepingCapacity: true)
        vehicleMatureReliability.removeAll(keepingCapacity: true)
        for vehicle in plan.vehicles {
            let draw = Self.vehicleDraw(vehicle, seed: seed, trial: trial)
            vehicleReliability.append(draw.reliability)
            vehicleMatureReliability.append(draw.mature)
            percentiles.append(draw.percentile)
        }
        riskStrikes.removeAll(keepingCapacity: true)
        for risk in plan.risks {
            let u = Self.riskDraw(risk, seed: seed, trial: trial)
            riskStrikes.append(u < risk.probability)
            // Low u means the risk strikes: report 1 - u so that a high percentile means "worse".
            percentiles.append(1 - u)
        }
    }

    /// The percentile of uncertain input `input` (in `InputCatalog` order) in trial `trial`: the value
    /// `draw` puts at `percentiles[input]`, recomputed from that input's own stream alone.
    ///
    /// The risk-driver analysis uses it to rebuild its sample's inputs at the end instead of keeping
    /// every input of every sampled trial.
    /// - Complexity: O(1): one stream for the input (a Beta draw for a vehicle).
    public static func percentile(_ plan: SimulationPlan, seed: UInt64, trial: UInt64, input: Int) -> Double {
        var i = input
        if i < 2 * plan.agencies.count {
            let (costU, scheduleU) = agencyPercentiles(plan.agencies[i / 2], seed: seed, trial: trial)
            return i % 2 == 0 ? costU : scheduleU
        }
        i -= 2 * plan.agencies.count
        let campaignU = campaignPercentiles(plan, seed: seed, trial: trial)
        if i < 2 { return i == 0 ? campaignU.cost : campaignU.schedule }
        i -= 2
        if i < 4 * plan.elements.count {
            let element = plan.elements[i / 4]
            switch i % 4 {
            case 0: return elementPercentiles(element, seed: seed, trial: trial).duration
            case 1: return elementPercentiles(element, seed: seed, trial: trial).cost
            default:
                let weights = copulaWeights(plan.assumptions)
                let builderU = agencyPercentiles(plan.agencies[element.builder], seed: seed, trial: trial)
                let own = elementGrowthScores(element, seed: seed, trial: trial)
                let cost = i % 4 == 2
                let score =
                    weights.campaign * Normal.standard.quantile(cost ? campaignU.cost : campaignU.schedule)
                    + weights.builder * Normal.standard.quantile(cost ? builderU.cost : builderU.schedule)
                    + weights.own * (cost ? own.cost : own.schedule)
                return Normal.standard.cdf(score)
            }
        }
        i -= 4 * plan.elements.count
        if i < plan.vehicles.count { return vehicleDraw(plan.vehicles[i], seed: seed, trial: trial).percentile }
        i -= plan.vehicles.count
        return 1 - riskDraw(plan.risks[i], seed: seed, trial: trial)
    }

    private static func stream(_ id: UInt64, _ purpose: UInt64, seed: UInt64, trial: UInt64) -> RandomStream {
        RandomStream(key: StreamKey(seed: seed, trial: trial, entity: id, purpose: purpose))
    }

    /// Two uniform draws on the open unit interval from the stream of (`entity`, `purpose`).
    private static func openUnitPair(
        _ entity: UInt64, _ purpose: UInt64, seed: UInt64, trial: UInt64
    ) -> (
        Double, Double
    ) {
        var rng = stream(entity, purpose, seed: seed, trial: trial)
        let first = rng.nextOpenUnit()
        return (first, rng.nextOpenUnit())
    }

    /// An agency's cost and schedule growth percentiles as a builder (open unit interval): the factor the
    /// growth of everything it builds shares.
    static func agencyPercentiles(
        _ agency: SimulationPlan.AgencyPlan, seed: UInt64, trial: UInt64
    ) -> (cost: Double, schedule: Double) {
        openUnitPair(agency.streamID, 1, seed: seed, trial: trial)
    }

    /// The campaign's common growth percentiles (cost, schedule): the factor every element's growth shares.
    static func campaignPercentiles(
        _ plan: SimulationPlan, seed: UInt64, trial: UInt64
    ) -> (
        cost: Double, schedule: Double
    ) {
        openUnitPair(plan.growthStreamID, 1, seed: seed, trial: trial)
    }

    /// An element's own growth scores (cost, schedule): standard normal, independent of every other input.
    static func elementGrowthScores(
        _ element: SimulationPlan.ElementPlan, seed: UInt64, trial: UInt64
    ) -> (cost: Double, schedule: Double) {
        let (cost, schedule) = openUnitPair(element.streamID, 3, seed: seed, trial: trial)
        return (Normal.standard.quantile(cost), Normal.standard.quantile(schedule))
    }

    /// The Gaussian copula's weights: an element's growth score is `campaign * Z_campaign + builder *
    /// Z_builder + own * Z_element` with independent standard normals, so two elements of one builder
    /// correlate at rho_b (`growth-correlation-builder`) and of different builders at rho_c
    /// (`growth-correlation-campaign`): campaign = sqrt(rho_c), builder = sqrt(rho_b - rho_c), own =
    /// sqrt(1 - rho_b). Their Spearman rank correlation is (6 / pi) asin(rho / 2).
    static func copulaWeights(_ assumptions: ModelAssumptions) -> (campaign: Double, builder: Double, own: Double) {
        let campaign = max(0, assumptions.growthCorrelationCampaign)
        let builder = max(campaign, min(1, assumptions.growthCorrelationBuilder))
        return (campaign.squareRoot(), (builder - campaign).squareRoot(), (1 - builder).squareRoot())
    }

    /// An element's duration and cost percentiles.
    static func elementPercentiles(
        _ element: SimulationPlan.ElementPlan, seed: UInt64, trial: UInt64
    ) -> (duration: Double, cost: Double) {
        var rng = stream(element.streamID, 1, seed: seed, trial: trial)
        let durationU = rng.nextUnit()
        return (durationU, rng.nextUnit())
    }

    /// A vehicle's reliability this trial over its early window and after it, and their percentile (a high
    /// percentile means "worse" for every input: here, a less reliable vehicle).
    ///
    /// The trial draws p once from the early posterior Beta(a, b) and flies each launch of the early window
    /// as Bernoulli(p). Over trials this is the Bayesian predictive: the chance that a flight succeeds given
    /// the trial's earlier flights is the mean of the posterior updated by them (a Pólya urn), e.g.
    /// a/(a+b+1) after one failure. The mature reliability is the mature posterior's quantile at the same
    /// CDF value (comonotone: a vehicle that is worse early is worse later), so that the vehicle stays one
    /// input of the driver analysis.
    static func vehicleDraw(
        _ vehicle: SimulationPlan.VehiclePlan, seed: UInt64, trial: UInt64
    ) -> (reliability: Double, mature: Double, percentile: Double) {
        var rng = stream(vehicle.streamID, 1, seed: seed, trial: trial)
        let distribution = Beta(alpha: vehicle.reliability.alpha, beta: vehicle.reliability.beta)
        let reliability = distribution.sample(using: &rng)
        let cdf = distribution.cdf(reliability)
        guard let mature = vehicle.matureReliability else { return (reliability, reliability, 1 - cdf) }
        let u = min(max(cdf, Double.ulpOfOne), 1 - Double.ulpOfOne)
        return (reliability, Beta(alpha: mature.alpha, beta: mature.beta).quantile(u, tolerance: 1e-12), 1 - cdf)
    }

    /// A risk's uniform draw (it strikes when the draw is below its probability).
    static func riskDraw(_ risk: SimulationPlan.RiskPlan, seed: UInt64, trial: UInt64) -> Double {
        var rng = stream(risk.streamID, 1, seed: seed, trial: trial)
        return rng.nextUnit()
    }

    /// The `percentile` quantile of a triangular distribution on a three-point estimate; a degenerate
    /// range gives its single value.
    static func triangular(_ estimate: ThreePoint, percentile u: Double) -> Double {
        guard estimate.max > estimate.min else { return estimate.likely }
        return Triangular(low: estimate.min, mode: estimate.likely, high: estimate.max).quantile(u)
    }

    /// A lognormal growth factor given by (median, P90) at standard normal score `z`; no spread gives the
    /// median.
    static func lognormal(_ spec: (median: Double, p90: Double), score z: Double) -> Double {
        guard spec.p90 > spec.median, spec.median > 0 else { return spec.median }
        return LogNormal(median: spec.median, p90: spec.p90).value(atScore: z)
    }
}

/// The names of a plan's uncertain inputs, in the order of `TrialDraws.percentiles`.
public enum InputCatalog {
    /// How many uncertain inputs the plan has (the length of `TrialDraws.percentiles`).
    public static func count(_ plan: SimulationPlan) -> Int {
        2 * plan.agencies.count + 2 + 4 * plan.elements.count + plan.vehicles.count + plan.risks.count
    }

    /// One name per input, e.g. "esm-4 duration", "nasa cost growth", "sls-block1 failure rate".
    public static func names(_ plan: SimulationPlan) -> [String] {
        var names: [String] = []
        for agency in plan.agencies {
            names.append("\(agency.id) cost growth (shared by what it builds)")
            names.append("\(agency.id) schedule growth (shared by what it builds)")
        }
        names.append("campaign cost growth (shared by every element)")
        names.append("campaign schedule growth (shared by every element)")
        for element in plan.elements {
            names.append("\(element.id) duration")
            names.append("\(element.id) cost")
            names.append("\(element.id) cost growth")
            names.append("\(element.id) schedule growth")
        }
        for vehicle in plan.vehicles { names.append("\(vehicle.id) failure rate") }
        for risk in plan.risks { names.append("risk \(risk.id)") }
        return names
    }
}
