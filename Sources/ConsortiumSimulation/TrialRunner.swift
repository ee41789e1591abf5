public import ConsortiumEngine

/// Runs trials of a plan, one after another, reusing one simulator's storage.
public struct TrialRunner: ~Copyable {
    public private(set) var simulator: Simulator<CampaignTrial>

    public init(plan: SimulationPlan, seed: UInt64, recordsTrace: Bool = false, keepsLedgerEntries: Bool = false) {
        simulator = Simulator(
            model: CampaignTrial(
                plan: plan, seed: seed, recordsTrace: recordsTrace,
                keepsLedgerEntries: keepsLedgerEntries),
            eventLimit: plan.assumptions.eventLimit, capacity: 256)
    }

    /// Plays trial number `trial` to its end or the horizon.
    ///
    /// - Throws: `SimulationError` when the event limit is passed or a handler fails; the message names
    ///   the event, the entity and the simulated time.
    public mutating func run(trial: UInt64) throws(SimulationError) -> TrialOutcome {
        simulator.reset()
        simulator.model.reset(trial: trial, scheduler: &simulator.scheduler)
        let horizon = simulator.model.plan.horizonDays
        let outcome = try simulator.run(until: horizon)
        let reachedHorizon: Bool
        switch outcome {
        case .horizonReached: reachedHorizon = true
        case .queueExhausted, .stopped: reachedHorizon = false
        }
        let end = min(simulator.now, horizon)
        return simulator.model.finish(at: end, reachedHorizon: reachedHorizon, events: simulator.eventsHandled)
    }

    /// The inputs drawn for the last trial.
    public var draws: TrialDraws { simulator.model.draws }

    /// The trace of the last trial (empty unless tracing).
    public var trace: [TraceEntry] { simulator.model.trace }
}
