import ConsortiumEngine
import Testing

/// The events of the test model.
enum Job: SimulationEvent, Equatable {
    /// Reschedules itself every `period`.
    case tick(entity: Int, period: Double)
    /// Does nothing.
    case note(Int)
    /// Throws `Breakdown` (with an entity or without).
    case fail(Int?)
    /// Asks the simulator to stop.
    case halt

    var entity: Int? {
        switch self {
        case .tick(let entity, _): entity
        case .note(let entity): entity
        case .fail(let entity): entity
        case .halt: nil
        }
    }

    var description: String {
        switch self {
        case .tick(let entity, _): "tick \(entity)"
        case .note(let entity): "note \(entity)"
        case .fail: "fail"
        case .halt: "halt"
        }
    }
}

struct Breakdown: Error, CustomStringConvertible {
    var description: String { "pump seized" }
}

/// Records each event with the time it was given and the clock the handler saw.
struct Recorder: SimulationModel {
    struct Entry: Equatable {
        var time: Double
        var clock: Double
        var event: Job
    }

    var log: [Entry] = []

    mutating func handle(_ event: Job, at time: Double, scheduler: inout Scheduler<Job>) throws {
        log.append(Entry(time: time, clock: scheduler.now, event: event))
        switch event {
        case .tick(_, let period): scheduler.schedule(event, after: period)
        case .note: break
        case .fail: throw Breakdown()
        case .halt: scheduler.stop()
        }
    }
}

@Suite struct SimulatorTests {
    @Test func stepHandlesOneEventAtATimeWithTheClockSet() throws {
        var simulator = Simulator(model: Recorder())
        simulator.scheduler.schedule(.note(1), at: 2)
        simulator.scheduler.schedule(.note(2), at: 1)
        #expect(try simulator.step())
        #expect(simulator.now == 1 && simulator.model.log == [.init(time: 1, clock: 1, event: .note(2))])
        #expect(try simulator.step())
        #expect(simulator.now == 2 && simulator.eventsHandled == 2)
        #expect(try !simulator.step(), "no event left")
        #expect(simulator.model.log.map(\.event) == [.note(2), .note(1)])
    }

    @Test func runEndsWhenTheQueueIsExhausted() throws {
        var simulator = Simulator(model: Recorder())
        for (id, time) in [(1, 3.0), (2, 1.5), (3, 3.0)] { simulator.scheduler.schedule(.note(id), at: time) }
        #expect(try simulator.run(until: 100) == .queueExhausted(at: 3))
        #expect(simulator.model.log.map(\.event) == [.note(2), .note(1), .note(3)])
        #expect(simulator.model.log.allSatisfy { $0.time == $0.clock })
        #expect(try simulator.run() == .queueExhausted(at: 3), "a run on an empty queue changes nothing")
    }

    /// The horizon guard: events at the horizon run, later ones wait, and the clock is left at the horizon.
    @Test func runStopsAtTheHorizon() throws {
        var simulator = Simulator(model: Recorder())
        simulator.scheduler.schedule(.tick(entity: 0, period: 1), at: 0)
        #expect(try simulator.run(until: 10.5) == .horizonReached(at: 10.5))
        #expect(simulator.model.log.map(\.time) == (0...10).map(Double.init))
        #expect(simulator.now == 10.5 && simulator.scheduler.count == 1 && simulator.scheduler.peek()?.time == 11)
        #expect(try simulator.run(until: 12) == .horizonReached(at: 12))
        #expect(simulator.model.log.last?.time == 12, "an event exactly at the horizon is handled")
        #expect(simulator.eventsHandled == 13)
    }

    @Test func aHorizonBehindTheClockDoesNotRewindIt() throws {
        var simulator = Simulator(model: Recorder())
        simulator.scheduler.schedule(.note(1), at: 8)
        simulator.scheduler.schedule(.note(2), at: 9)
        #expect(try simulator.run(until: 8) == .horizonReached(at: 8))
        #expect(try simulator.run(until: 3) == .horizonReached(at: 8))
        #expect(simulator.now == 8 && simulator.eventsHandled == 1)
    }

    @Test func stopReturnsAfterTheCurrentEvent() throws {
        var simulator = Simulator(model: Recorder())
        simulator.scheduler.schedule(.note(1), at: 1)
        simulator.scheduler.schedule(.halt, at: 2)
        simulator.scheduler.schedule(.note(3), at: 2)
        simulator.scheduler.schedule(.note(4), at: 5)
        #expect(try simulator.run() == .stopped(at: 2))
        #expect(simulator.model.log.map(\.event) == [.note(1), .halt])
        #expect(try simulator.run() == .queueExhausted(at: 5), "the stop request does not outlive its run")
        #expect(simulator.model.log.map(\.event) == [.note(1), .halt, .note(3), .note(4)])
    }

    /// The event-limit guard: exactly `eventLimit` events are handled, then the next due event is reported.
    @Test func runThrowsAtTheEventLimit() {
        var simulator = Simulator(model: Recorder(), eventLimit: 100)
        simulator.scheduler.schedule(.tick(entity: 7, period: 0.5), at: 0)
        do {
            _ = try simulator.run()
            Issue.record("a run that never ends must hit the event limit")
        } catch {
            guard case .eventLimitExceeded(let limit, let time, let next) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(limit == 100 && time == 50 && next.entity == 7)
            #expect(error.description == "event limit of 100 exceeded at t=50.0; next event tick 7 (entity 7)")
        }
        #expect(simulator.eventsHandled == 100 && simulator.model.log.count == 100)
        #expect(simulator.scheduler.count == 1, "the event over the limit is reported, not consumed")
    }

    /// The limit counts events across runs and steps, and only an event due before the horizon trips it.
    @Test func eventLimitCountsAcrossRunsAndRespectsTheHorizon() throws {
        var simulator = Simulator(model: Recorder(), eventLimit: 11)
        simulator.scheduler.schedule(.tick(entity: 1, period: 1), at: 0)
        #expect(try simulator.run(until: 10.5) == .horizonReached(at: 10.5), "event 12 lies after the horizon")
        #expect(simulator.eventsHandled == 11)
        #expect(throws: SimulationError.self) { try simulator.step() }
        #expect(throws: SimulationError.self) { try simulator.run(until: 11) }
        simulator.eventLimit = 12
        #expect(try simulator.step())
        #expect(simulator.now == 11)
    }

    @Test func atTheLimitAnEmptyQueueIsNotAnError() throws {
        var simulator = Simulator(model: Recorder(), eventLimit: 1)
        simulator.scheduler.schedule(.note(1), at: 1)
        #expect(try simulator.run() == .queueExhausted(at: 1))
        #expect(try !simulator.step())
    }

    @Test func aFailingHandlerStopsTheRunNamingEventEntityAndTime() {
        var simulator = Simulator(model: Recorder())
        simulator.scheduler.schedule(.note(1), at: 1)
        simulator.scheduler.schedule(.fail(42), at: 2.5)
        simulator.scheduler.schedule(.note(3), at: 4)
        do {
            _ = try simulator.run()
            Issue.record("the failure must not be silent")
        } catch {
            guard case .handlerFailed(let event, let time, let underlying) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(event.entity == 42 && time == 2.5 && underlying is Breakdown)
            #expect(error.description == "handling fail (entity 42) at t=2.5 failed: pump seized")
        }
        #expect(simulator.now == 2.5 && simulator.model.log.count == 2)
        #expect(simulator.scheduler.count == 1, "later events stay pending")
    }

    @Test func aFailureWithoutEntityOmitsIt() {
        var simulator = Simulator(model: Recorder())
        simulator.scheduler.schedule(.fail(nil), at: 0.25)
        do {
            try simulator.step()
            Issue.record("expected a failure")
        } catch {
            #expect(error.description == "handling fail at t=0.25 failed: pump seized")
        }
    }

    @Test func resetClearsQueueClockAndCountButKeepsTheModel() throws {
        var simulator = Simulator(model: Recorder(), eventLimit: 5, capacity: 32)
        simulator.scheduler.schedule(.tick(entity: 0, period: 2), at: 0)
        _ = try simulator.run(until: 4)
        simulator.reset()
        #expect(simulator.now == 0 && simulator.eventsHandled == 0 && simulator.scheduler.isEmpty)
        #expect(simulator.model.log.count == 3)
        simulator.scheduler.schedule(.note(9), at: 1)
        #expect(try simulator.run() == .queueExhausted(at: 1))
    }
}

/// A non-copyable model: entities queue at one counter (`EntityQueues`), served one at a time for one unit of
/// time each, in arrival order; the model owns a buffer of service start times, freed in its `deinit`.
struct Counter: SimulationModel, ~Copyable {
    enum Event: SimulationEvent, Equatable {
        case arrive(Int32)
        case leave(Int32)
        var entity: Int? {
            switch self {
            case .arrive(let id), .leave(let id): Int(id)
            }
        }
        var description: String { "\(self)" }
    }

    /// Counts deinitializations, to show the model is destroyed exactly once.
    final class Tracker: @unchecked Sendable { var deinits = 0 }

    var queues: EntityQueues
    let started: UnsafeMutablePointer<Double>
    var busy = false
    let tracker: Tracker

    init(entities: Int, tracker: Tracker) {
        queues = EntityQueues(entities: entities, queues: 1)
        started = .allocate(capacity: entities)
        started.initialize(repeating: -1, count: entities)
        self.tracker = tracker
    }

    deinit {
        started.deallocate()
        tracker.deinits += 1
    }

    mutating func handle(_ event: Event, at time: Double, scheduler: inout Scheduler<Event>) {
        switch event {
        case .arrive(let id):
            queues.append(id, to: 0)
        case .leave:
            busy = false
        }
        if !busy, let next = queues.popFirst(of: 0) {
            busy = true
            started[Int(next)] = time
            scheduler.schedule(.leave(next), after: 1)
        }
    }
}

@Suite struct NonCopyableModelTests {
    /// Arrivals at 0, 0, 0.5 and 5: served at 0, 1, 2 (first come, first served) and 5; the model is
    /// destroyed once, with its simulator.
    @Test func aNonCopyableModelRunsAndIsDestroyedOnce() throws {
        let tracker = Counter.Tracker()
        do {
            var simulator = Simulator(model: Counter(entities: 4, tracker: tracker))
            for (id, time) in [(0, 0.0), (1, 0), (2, 0.5), (3, 5)] {
                simulator.scheduler.schedule(.arrive(Int32(id)), at: time)
            }
            let outcome = try simulator.run()
            #expect(outcome == .queueExhausted(at: 6))
            let starts = (0..<4).map { simulator.model.started[$0] }
            #expect(starts == [0, 1, 2, 5])
            #expect(tracker.deinits == 0)
        }
        #expect(tracker.deinits == 1)
    }
}
