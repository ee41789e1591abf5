public import ConsortiumEngine
import ConsortiumRandom

/// The raw event-loop benchmark of `microbench.py`: N entities, each holding M uniform random durations.
///
/// Every event is one hold ending: the entity draws U(0, 1) and schedules its next hold until it has done M.
/// This measures the kernel alone (queue, clock, dispatch), with a queue of N pending events.
public struct HoldModel: SimulationModel, ~Copyable {
    /// The event: entity `id`'s hold ended.
    public struct Event: SimulationEvent {
        /// The entity.
        public var id: Int32
        /// The entity, for diagnostics.
        public var entity: Int? { Int(id) }
        /// "hold(id)".
        public var description: String { "hold(\(id))" }
    }

    /// Holds still to do, per entity (an owned buffer: no copy-on-write check per event).
    let remaining: UnsafeMutablePointer<Int32>
    /// One stream for all durations, like the Python benchmark's `random.Random(seed)`.
    var stream: SplitMix64

    /// Creates the model and schedules each entity's first hold.
    public static func simulator(entities: Int, holdsPerEntity: Int, seed: UInt64) -> Simulator<HoldModel> {
        precondition(entities > 0 && holdsPerEntity > 0 && holdsPerEntity < Int(Int32.max), "bad benchmark size")
        var simulator = Simulator(
            model: HoldModel(entities: entities, holdsPerEntity: holdsPerEntity, seed: seed), capacity: entities)
        for id in 0..<entities {
            let delay = simulator.model.stream.nextUnit()
            simulator.scheduler.schedule(Event(id: Int32(id)), after: delay)
        }
        return simulator
    }

    /// Every entity with `holdsPerEntity` holds to do, and the duration stream seeded with `seed`.
    init(entities: Int, holdsPerEntity: Int, seed: UInt64) {
        remaining = .allocate(capacity: entities)
        remaining.initialize(repeating: Int32(holdsPerEntity), count: entities)
        stream = SplitMix64(state: seed)
    }

    deinit {
        remaining.deallocate()
    }

    /// One hold ended: count it and start the next, if any.
    public mutating func handle(_ event: Event, at time: Double, scheduler: inout Scheduler<Event>) {
        let index = Int(event.id)
        remaining[index] &-= 1
        if remaining[index] > 0 {
            scheduler.schedule(event, after: stream.nextUnit())
        }
    }
}
