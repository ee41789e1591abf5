public import ConsortiumEngine
import ConsortiumRandom

/// One trial of the SimPy peer campaign as a state machine on the kernel.
///
/// Each element runs the peer model's process: request a slot of its agency (FIFO), develop for d days,
/// release the slot, mark itself delivered, wait for its dependencies' deliveries, integrate for 30 days,
/// then wait for launch windows, rebuilding (0.5 d days on a slot) after each failed launch.
///
/// To reproduce SimPy bit for bit, the model schedules an event wherever SimPy would: a granted request, a
/// release, a delivery and a process end are zero-delay events, handled later in the same instant in
/// insertion order. Waiters of one event resume synchronously, in the order they began waiting, inside the
/// handling of that event, exactly as SimPy runs an event's callbacks.
///
/// The model is reused across trials: `prepare(trial:scheduler:)` resets its state without reallocating.
///
/// State is kept in fixed buffers owned by the (non-copyable) model: per-element records, per-agency slot
/// counts, delivery flags, and one `EntityQueues` store for every queue an element can wait in (its agency's
/// slot queue, a dependency's delivery, the next launch window); an element waits in at most one at a time.
/// With growable arrays per resource and signal, every mutation paid a copy-on-write check (a runtime call):
/// a quarter of the model's own instructions.
public struct CampaignModel: SimulationModel, ~Copyable {
    /// Per-element state.
    struct Element {
        /// The development duration d (days).
        var duration: Double
        /// The element's accumulated cost.
        var cost: Double
        /// The element's random stream (draw #1 was d; later draws are launch attempts).
        var stream: SplitMix64
        /// The index of the dependency being waited for.
        var dependencyCursor: Int32
        /// Whether the element's current slot use is a rebuild (0.5 d) rather than development (d).
        var rebuilding: Bool
    }

    /// The run's parameters.
    public let configuration: CampaignConfiguration
    /// The number of elements E.
    let elementCount: Int
    /// The number of agencies A.
    let agencyCount: Int
    /// Per-element state, `elementCount` records.
    let elements: UnsafeMutablePointer<Element>
    /// Each element's development-duration distribution (fixed by its index), `elementCount` records.
    let durations: UnsafeMutablePointer<Triangular>
    /// Slots held per agency (SimPy's `Resource.count`), `agencyCount` entries.
    let held: UnsafeMutablePointer<Int>
    /// Whether each element's first development is complete (`delivered[i]` has succeeded).
    let delivered: UnsafeMutablePointer<Bool>
    /// Queue `a`: agency a's slot requests; queue `A + j`: elements waiting for element j's delivery; then the
    /// elements waiting for the next window, and those released by the window that just ticked.
    var queues: EntityQueues
    var launched: Int
    var lastLaunch: Double
    var stopScheduled: Bool

    /// Creates the model's storage for `configuration`; call `prepare(trial:scheduler:)` before each trial.
    public init(configuration: CampaignConfiguration) {
        self.configuration = configuration
        elementCount = configuration.elements
        agencyCount = configuration.agencies
        elements = .allocate(capacity: Swift.max(elementCount, 1))
        elements.initialize(
            repeating: Element(
                duration: 0, cost: 0, stream: SplitMix64(state: 0), dependencyCursor: 0, rebuilding: false),
            count: elementCount)
        durations = .allocate(capacity: Swift.max(elementCount, 1))
        for index in 0..<elementCount {
            let low = CampaignConfiguration.lowDuration(of: index)
            (durations + index).initialize(to: Triangular(low: low, mode: low * 1.3, high: low * 2.0))
        }
        held = .allocate(capacity: agencyCount)
        held.initialize(repeating: 0, count: agencyCount)
        delivered = .allocate(capacity: Swift.max(elementCount, 1))
        delivered.initialize(repeating: false, count: elementCount)
        queues = EntityQueues(entities: elementCount, queues: agencyCount + elementCount + 2)
        launched = 0
        lastLaunch = 0
        stopScheduled = false
    }

    deinit {
        elements.deallocate()
        durations.deallocate()
        held.deallocate()
        delivered.deallocate()
    }

    /// The queue of elements waiting for the next launch window.
    var windowWaiting: Int { agencyCount + elementCount }

    /// The queue of elements released by the window that just ticked, drained by `.windowOpened`.
    var windowFiring: Int { agencyCount + elementCount + 1 }

    /// The queue of elements waiting for element `id`'s delivery.
    func deliveryWaiters(of id: Int) -> Int { agencyCount + id }

    /// Resets the state for trial `trial`, draws each element's duration and schedules the initial events.
    ///
    /// - Precondition: `scheduler` is empty with its clock at 0.
    /// - Complexity: O(E).
    public mutating func prepare(trial: Int, scheduler: inout Scheduler<CampaignEvent>) {
        precondition(scheduler.isEmpty && scheduler.now == 0, "prepare a trial on a reset scheduler")
        let seed = UInt64(truncatingIfNeeded: configuration.seed)
        for index in 0..<elementCount {
            var stream = SplitMix64(seed: seed, trial: trial, entity: index)
            let duration = durations[index].quantile(stream.nextUnit())
            elements[index] = Element(
                duration: duration, cost: 0, stream: stream, dependencyCursor: 0, rebuilding: false)
            delivered[index] = false
            scheduler.schedule(.elementStarted(Int32(index)), at: 0, priority: .urgent)
        }
        held.update(repeating: 0, count: agencyCount)
        queues.removeAll()
        launched = 0
        lastLaunch = 0
        stopScheduled = false
        scheduler.schedule(.windowsStarted, at: 0, priority: .urgent)
        scheduler.schedule(.horizon, at: configuration.horizon)
    }

    /// The outcome of the trial once the run has stopped.
    public var result: TrialResult {
        let done = launched == elementCount
        var total = 0.0
        for index in 0..<elementCount { total += elements[index].cost }
        return TrialResult(
            completion: done ? lastLaunch : configuration.horizon, cost: total, completed: done, events: 0)
    }

    /// Handles one event; see `CampaignEvent` for what each corresponds to in SimPy.
    public mutating func handle(_ event: CampaignEvent, at time: Double, scheduler: inout Scheduler<CampaignEvent>) {
        switch event {
        case .elementStarted(let id):
            requestSlot(for: id, scheduler: &scheduler)
        case .windowsStarted:
            scheduler.schedule(.windowTick, after: configuration.windowPeriod)
        case .slotGranted(let id):
            let element = elements[Int(id)]
            let hold = element.rebuilding ? 0.5 * element.duration : element.duration
            scheduler.schedule(.holdEnded(id), after: hold)
        case .holdEnded(let id):
            holdEnded(id, scheduler: &scheduler)
        case .slotReleased(let agency):
            grantSlot(of: Int(agency), scheduler: &scheduler)
        case .delivered(let id):
            delivered[Int(id)] = true
            while let waiter = queues.popFirst(of: deliveryWaiters(of: Int(id))) {
                walkDependencies(of: waiter, from: elements[Int(waiter)].dependencyCursor + 1, scheduler: &scheduler)
            }
        case .integrated(let id):
            queues.append(id, to: windowWaiting)
        case .windowTick:
            #if CONSORTIUM_INVARIANTS
                precondition(queues.isEmpty(windowFiring), "a window ticked before the previous one was drained")
            #endif
            queues.swapQueues(windowWaiting, windowFiring)
            scheduler.schedule(.windowOpened, after: 0)
            scheduler.schedule(.windowTick, after: configuration.windowPeriod)
        case .windowOpened:
            while let id = queues.popFirst(of: windowFiring) { attemptLaunch(id, at: time, scheduler: &scheduler) }
        case .elementFinished:
            break
        case .allLaunched, .horizon:
            if !stopScheduled {
                stopScheduled = true
                scheduler.schedule(.stop, after: 0)
            }
        case .stop:
            scheduler.stop()
        }
    }
}
