public import ConsortiumEngine
import Dispatch
import Synchronization

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
    /// The trials are cut into chunks of about 1/32 of a thread's share, handed out in order through an atomic
    /// counter, so a thread slowed by other work on the machine takes fewer chunks instead of holding the others
    /// up. Each trial's streams depend only on (seed, trial, element), and each chunk's results land at the
    /// chunk's own place, so the results equal the single-threaded ones bit for bit whatever the thread count.
    public static func run(
        _ configuration: CampaignConfiguration, threads: Int
    ) throws(CampaignError) -> [TrialResult] {
        if let message = configuration.validationError() { throw .invalidConfiguration(message) }
        let total = configuration.trials
        let workers = max(1, min(threads, total))
        if workers == 1 { return try run(configuration, trials: 0..<total) }
        let chunkSize = max(1, total / (workers * 32))
        let chunkCount = (total + chunkSize - 1) / chunkSize
        let nextChunk = Atomic<Int>(0)
        let chunks = Mutex<[Result<[TrialResult], CampaignError>?]>(Array(repeating: nil, count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let chunk = nextChunk.add(1, ordering: .relaxed).oldValue
                guard chunk < chunkCount else { return }
                let range = (chunk * chunkSize)..<min(total, (chunk + 1) * chunkSize)
                let outcome = Result { () throws(CampaignError) in try run(configuration, trials: range) }
                chunks.withLock { $0[chunk] = outcome }
                if case .failure = outcome { return }
            }
        }
        var results: [TrialResult] = []
        results.reserveCapacity(total)
        for chunk in chunks.withLock({ $0 }) {
            switch chunk {
            case .success(let part)?: results.append(contentsOf: part)
            case .failure(let error)?: throw error
            case nil: preconditionFailure("a chunk was not run")
            }
        }
        return results
    }
}
