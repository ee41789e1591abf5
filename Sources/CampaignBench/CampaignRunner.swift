public import ConsortiumEngine

/// The outcome of one trial.
public struct TrialResult: Hashable, Sendable {
    /// The day of the last launch, or the horizon if the trial was censored.
    public var completion: Double
    /// The sum of the elements' costs, in element order.
    public var cost: Double
    /// Whether every element launched before the horizon.
    public var completed: Bool
    /// The number of events handled (equal to SimPy's count of processed events).
    public var events: Int

    /// Creates a result.
    public init(completion: Double, cost: Double, completed: Bool, events: Int) {
        self.completion = completion
        self.cost = cost
        self.completed = completed
        self.events = events
    }
}

/// Why a campaign run failed.
public enum CampaignError: Error, CustomStringConvertible {
    /// The configuration is out of range.
    case invalidConfiguration(String)
    /// The kernel stopped trial `trial` with an error.
    case simulation(trial: Int, SimulationError)
    /// Trial `trial` ended without its stop event (the model's own bug, reported rather than ignored).
    case unexpectedEnd(trial: Int, RunOutcome)

    /// A one-line message.
    public var description: String {
        switch self {
        case .invalidConfiguration(let message): return "invalid configuration: \(message)"
        case .simulation(let trial, let error): return "trial \(trial): \(error)"
        case .unexpectedEnd(let trial, let outcome): return "trial \(trial) ended without stopping: \(outcome)"
        }
    }
}

/// Runs the trials of a campaign, on one thread or several, with identical results.
public enum CampaignRunner {
    /// Runs trials `trials` in order on the calling thread, reusing one simulator's storage for all of them.
    ///
    /// - Complexity: O(events log pending) per trial; no allocation per trial once storage has grown.
    public static func run(
        _ configuration: CampaignConfiguration, trials: Range<Int>
    ) throws(CampaignError) -> [TrialResult] {
        if let message = configuration.validationError() { throw .invalidConfiguration(message) }
        var simulator = Simulator(
            model: CampaignModel(configuration: configuration), capacity: 4 * configuration.elements + 16)
        var results: [TrialResult] = []
        results.reserveCapacity(trials.count)
        for trial in trials {
            simulator.reset()
            simulator.model.prepare(trial: trial, scheduler: &simulator.scheduler)
            let outcome: RunOutcome
            do {
                outcome = try simulator.run()
            } catch {
                throw .simulation(trial: trial, error)
            }
            guard case .stopped = outcome else { throw .unexpectedEnd(trial: trial, outcome) }
            var result = simulator.model.result
            result.events = simulator.eventsHandled
            results.append(result)
        }
        return results
    }

    /// Runs all trials on `threads` threads and returns them in trial order.
    ///
    /// The trials are cut into chunks of about 1/32 of a thread's share and run by the kernel's `OrderedBlocks`
    /// (a thread slowed by other work takes fewer chunks). Each trial's streams depend only on (seed, trial,
    /// element) and chunks are collected in order, so the results equal the single-threaded ones bit for bit
    /// whatever the thread count.
    public static func run(
        _ configuration: CampaignConfiguration, threads: Int
    ) throws(CampaignError) -> [TrialResult] {
        if let message = configuration.validationError() { throw .invalidConfiguration(message) }
        let total = configuration.trials
        let workers = max(1, min(threads, total))
        if workers == 1 { return try run(configuration, trials: 0..<total) }
        var results: [TrialResult] = []
        results.reserveCapacity(total)
        try OrderedBlocks.run(count: total, blockSize: max(1, total / (workers * 32)), threads: workers) {
            (trials: Range<Int>, _: [TrialResult]?) -> Result<[TrialResult], CampaignError> in
            Result { () throws(CampaignError) in try run(configuration, trials: trials) }
        } merge: { (_: Range<Int>, chunk: inout [TrialResult]) -> Bool in
            results.append(contentsOf: chunk)
            return false
        }
        return results
    }
}
