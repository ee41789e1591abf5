import Testing

@testable import ConsortiumEngine

@Suite struct SignalTests {
    @Test func waitersAreReleasedInTheOrderTheyBeganWaiting() {
        var signal = Signal()
        for id: Int32 in [4, 1, 3, 0, 2] { #expect(signal.wait(id) == false) }
        #expect(!signal.isFired && signal.waiters.elements == [4, 1, 3, 0, 2])
        signal.fire()
        var released: [Int32] = []
        while let id = signal.popWaiter() { released.append(id) }
        #expect(released == [4, 1, 3, 0, 2])
    }

    @Test func waitingOnAFiredSignalProceedsAtOnce() {
        var signal = Signal()
        signal.fire()
        #expect(signal.isFired)
        #expect(signal.wait(7) == true)
        #expect(signal.waiters.isEmpty && signal.popWaiter() == nil)
    }

    @Test func resetMakesTheSignalReusable() {
        var signal = Signal()
        _ = signal.wait(1)
        signal.fire()
        signal.reset()
        #expect(!signal.isFired && signal.waiters.isEmpty)
        #expect(signal.wait(2) == false)
        #expect(signal.waiters.elements == [2])
    }

    /// Entities start waiting on a launch window at different times; when it opens they resume at that instant,
    /// in the order they began waiting, with a one-slot pad then serving them first come, first served.
    @Test func aWindowAndAPadReleaseEntitiesInWaitOrder() throws {
        enum Step: SimulationEvent, Equatable {
            case arrive(Int32)
            case open
            case resume(Int32)
            case finish(Int32)
            var entity: Int? {
                switch self {
                case .arrive(let id), .resume(let id), .finish(let id): Int(id)
                case .open: nil
                }
            }
            var description: String {
                switch self {
                case .arrive(let id): "arrive \(id)"
                case .open: "open"
                case .resume(let id): "resume \(id)"
                case .finish(let id): "finish \(id)"
                }
            }
        }
        struct Launches: SimulationModel {
            var window = Signal()
            var pad = Resource(capacity: 1)
            var started: [(id: Int32, time: Double)] = []

            mutating func handle(_ event: Step, at time: Double, scheduler: inout Scheduler<Step>) throws {
                switch event {
                case .arrive(let id):
                    if window.wait(id) { scheduler.schedule(.resume(id), after: 0) }
                case .open:
                    window.fire()
                    while let id = window.popWaiter() { scheduler.schedule(.resume(id), after: 0) }
                case .resume(let id):
                    if pad.request(id) { start(id, scheduler: &scheduler) }
                case .finish:
                    if let next = pad.release() { start(next, scheduler: &scheduler) }
                }
            }

            mutating func start(_ id: Int32, scheduler: inout Scheduler<Step>) {
                started.append((id, scheduler.now))
                scheduler.schedule(.finish(id), after: 3)
            }
        }
        var simulator = Simulator(model: Launches())
        for (id, time) in [(0, 4.0), (1, 1), (2, 3), (3, 0), (4, 2)] {
            simulator.scheduler.schedule(.arrive(Int32(id)), at: time)
        }
        simulator.scheduler.schedule(.open, at: 10)
        simulator.scheduler.schedule(.arrive(5), at: 11)
        #expect(try simulator.run() == .queueExhausted(at: 28))
        #expect(simulator.model.started.map(\.id) == [3, 1, 4, 2, 0, 5])
        #expect(simulator.model.started.map(\.time) == [10, 13, 16, 19, 22, 25])
    }
}
