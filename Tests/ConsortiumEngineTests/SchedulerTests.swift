import ConsortiumRandom
import Testing

@testable import ConsortiumEngine

/// Pops every pending event, returning (time, event) pairs in the order handled.
private func drain<Event>(_ scheduler: inout Scheduler<Event>) -> [(time: Double, event: Event)] {
    var handled: [(time: Double, event: Event)] = []
    while let next = scheduler.popNext() {
        #expect(scheduler.now == next.time, "the clock is set to the event's time before it is handled")
        handled.append((next.time, next.event))
    }
    return handled
}

@Suite struct SchedulerOrderingTests {
    @Test func eventsRunInTimeOrder() {
        var scheduler = Scheduler<String>()
        for (name, time) in [("e", 5.0), ("a", 1), ("c", 3), ("b", 2), ("d", 4), ("f", 1e9)] {
            scheduler.schedule(name, at: time)
        }
        #expect(scheduler.count == 6)
        let handled = drain(&scheduler)
        #expect(handled.map(\.event) == ["a", "b", "c", "d", "e", "f"])
        #expect(handled.map(\.time) == [1, 2, 3, 4, 5, 1e9])
        #expect(scheduler.isEmpty && scheduler.count == 0 && scheduler.now == 1e9)
    }

    @Test func tiesRunInInsertionOrder() {
        var scheduler = Scheduler<Int>()
        // Interleave two instants so the heap, not only the same-instant lane, has to keep the ties in order.
        for id in 0..<200 { scheduler.schedule(id, at: id.isMultiple(of: 2) ? 7 : 3) }
        let handled = drain(&scheduler)
        let odd = Array(stride(from: 1, to: 200, by: 2))
        let even = Array(stride(from: 0, to: 200, by: 2))
        #expect(handled.map(\.event) == odd + even)
    }

    @Test func priorityRanksEventsOfTheSameInstant() {
        var scheduler = Scheduler<String>()
        scheduler.schedule("normal-1", at: 2)
        scheduler.schedule("rank-7", at: 2, priority: EventPriority(rawValue: 7))
        scheduler.schedule("urgent-1", at: 2, priority: .urgent)
        scheduler.schedule("normal-2", at: 2)
        scheduler.schedule("urgent-2", at: 2, priority: .urgent)
        scheduler.schedule("late-urgent", at: 3, priority: .urgent)
        scheduler.schedule("early-low", at: 1, priority: EventPriority(rawValue: 255))
        let handled = drain(&scheduler).map(\.event)
        #expect(
            handled == ["early-low", "urgent-1", "urgent-2", "normal-1", "normal-2", "rank-7", "late-urgent"])
        #expect(EventPriority.urgent < .normal && EventPriority.urgent.rawValue == 0)
    }

    /// Zero-delay events go to the same-instant lane; they must still merge with heap events of that instant.
    @Test func zeroDelayEventsMergeWithPendingEventsOfTheInstant() {
        var scheduler = Scheduler<String>()
        scheduler.schedule("first", at: 5)
        scheduler.schedule("heap-normal", at: 5)
        scheduler.schedule("later", at: 6)
        #expect(scheduler.popNext()?.event == "first")
        // Clock at 5; "heap-normal" (sequence 1) is still pending in the heap.
        scheduler.schedule("lane-urgent", after: 0, priority: .urgent)
        scheduler.schedule("lane-normal", after: 0)
        scheduler.schedule("lane-urgent-2", at: 5, priority: .urgent)
        #expect(scheduler.peek()?.event == "lane-urgent")
        let handled = drain(&scheduler).map(\.event)
        #expect(handled == ["lane-urgent", "lane-urgent-2", "heap-normal", "lane-normal", "later"])
    }

    @Test func peekShowsTheNextEventWithoutRemovingIt() {
        var scheduler = Scheduler<String>(start: 10)
        #expect(scheduler.peek() == nil && scheduler.popNext() == nil)
        let handle = scheduler.schedule("b", at: 12, priority: .urgent)
        scheduler.schedule("a", at: 11)
        let peeked = scheduler.peek()
        #expect(peeked?.event == "a" && peeked?.time == 11 && peeked?.priority == .normal)
        #expect(scheduler.count == 2 && scheduler.now == 10, "peek neither removes nor advances the clock")
        #expect(scheduler.popNext()?.event == "a")
        let next = scheduler.peek()
        #expect(next?.handle == handle && next?.priority == .urgent)
        #expect(scheduler.popNext()?.handle == handle)
    }

    @Test func popNextRespectsItsLimit() {
        var scheduler = Scheduler<Int>()
        scheduler.schedule(1, at: 4)
        scheduler.schedule(2, at: 6)
        #expect(scheduler.popNext(notAfter: 3.999) == nil)
        #expect(scheduler.now == 0, "a refused pop leaves the clock alone")
        #expect(scheduler.popNext(notAfter: 4)?.event == 1, "an event exactly at the limit is taken")
        #expect(scheduler.popNext(notAfter: 5) == nil && scheduler.now == 4)
        #expect(scheduler.popNext()?.event == 2 && scheduler.now == 6)
    }

    /// SimPy computes an event's time as now + delay; so does `schedule(_:after:)`, rounding included.
    @Test func delayIsAddedToTheClock() {
        var scheduler = Scheduler<Int>(start: 0.1)
        scheduler.schedule(1, after: 0.2)
        #expect(scheduler.popNext()?.time == 0.1 + 0.2)
        #expect(scheduler.now == 0.30000000000000004)
        scheduler.schedule(2, after: 0)
        #expect(scheduler.popNext()?.time == 0.30000000000000004)
    }

    @Test func handlesAreInsertionSequenceNumbers() {
        var scheduler = Scheduler<Int>()
        let handles = (0..<5).map { scheduler.schedule($0, at: Double(5 - $0)) }
        #expect(handles.map(\.sequence) == [0, 1, 2, 3, 4])
        while let next = scheduler.popNext() {
            #expect(next.handle == handles[next.event])
        }
    }

    @Test func resetEmptiesTheQueueAndRestartsTheClock() {
        var scheduler = Scheduler<Int>(capacity: 16)
        for id in 0..<10 { scheduler.schedule(id, at: Double(id)) }
        _ = scheduler.popNext()
        scheduler.schedule(99, after: 0)
        scheduler.stop()
        scheduler.reset(start: 2.5)
        #expect(scheduler.isEmpty && scheduler.count == 0 && scheduler.now == 2.5)
        #expect(scheduler.stopRequested == false)
        #expect(scheduler.schedule(1, at: 3).sequence == 0, "sequence numbers restart")
        #expect(scheduler.popNext()?.time == 3)
    }
}

@Suite struct SchedulerCancellationTests {
    @Test func cancelledEventsNeverRun() {
        var scheduler = Scheduler<Int>()
        let handles = (0..<20).map { scheduler.schedule($0, at: Double($0 % 7)) }
        // Cancel the current top, a middle entry and the last inserted.
        let cancelled: Set = [0, 9, 19]
        for id in cancelled.sorted() { #expect(scheduler.cancel(handles[id]) == true) }
        #expect(scheduler.count == 17)
        for id in cancelled { #expect(scheduler.cancel(handles[id]) == false, "a second cancel reports false") }
        let handled = drain(&scheduler).map(\.event)
        let expected = (0..<20).filter { !cancelled.contains($0) }.sorted { ($0 % 7, $0) < ($1 % 7, $1) }
        #expect(handled == expected)
    }

    @Test func cancellingAnEventThatAlreadyRanReportsFalse() {
        var scheduler = Scheduler<Int>()
        let handle = scheduler.schedule(1, at: 1)
        scheduler.schedule(2, at: 2)
        #expect(scheduler.popNext()?.event == 1)
        #expect(scheduler.cancel(handle) == false)
        #expect(scheduler.cancel(EventHandle(sequence: 1_000)) == false, "an unknown handle cancels nothing")
        #expect(scheduler.count == 1)
    }

    @Test func cancelWorksInTheSameInstantLane() {
        var scheduler = Scheduler<String>()
        let a = scheduler.schedule("a", at: 0)
        let b = scheduler.schedule("b", at: 0)
        scheduler.schedule("c", at: 0)
        let d = scheduler.schedule("d", at: 1)
        #expect(scheduler.popNext()?.event == "a")
        #expect(scheduler.cancel(a) == false, "a consumed lane entry is not pending")
        #expect(scheduler.cancel(b) == true)
        #expect(scheduler.peek()?.event == "c")
        #expect(scheduler.popNext()?.event == "c")
        #expect(scheduler.cancel(d) == true)
        #expect(scheduler.isEmpty && scheduler.popNext() == nil)
        // The lane is reusable after it was emptied by a cancel.
        scheduler.schedule("e", after: 0)
        #expect(scheduler.popNext()?.event == "e")
    }
}

/// Time keys sort exactly as the times do; the scheduler breaks ties within an instant by priority and sequence.
@Suite struct TimeKeyTests {
    static let times: [Double] = [
        -.infinity, -.greatestFiniteMagnitude, -1e300, -2.5, -1, -.leastNonzeroMagnitude, 0,
        .leastNonzeroMagnitude, .leastNormalMagnitude, 0.1, 1, 1 + .ulpOfOne, 2.5, 1e300,
        .greatestFiniteMagnitude, .infinity,
    ]

    @Test func timesRoundTripAndSortAsDoubles() {
        for time in Self.times {
            #expect(TimeKey.time(TimeKey.make(time)) == time)
            #expect(TimeKey.make(time) != .max, "no time maps to the sentinel")
        }
        for (earlier, later) in zip(Self.times, Self.times.dropFirst()) {
            #expect(TimeKey.make(earlier) < TimeKey.make(later))
            #expect(TimeKey.less(TimeKey.make(earlier), TimeKey.make(later)) == 1)
            #expect(TimeKey.less(TimeKey.make(later), TimeKey.make(earlier)) == 0)
            #expect(TimeKey.less(TimeKey.make(later), TimeKey.make(later)) == 0)
        }
    }

    @Test func negativeZeroIsTheSameInstantAsZero() {
        #expect(TimeKey.make(-0.0) == TimeKey.make(0))
        #expect(TimeKey.time(TimeKey.make(-0.0)).sign == .plus)
        var scheduler = Scheduler<String>(start: -0.0)
        #expect(scheduler.now.sign == .plus)
        scheduler.schedule("second", at: 0)
        scheduler.schedule("first", at: -0.0, priority: .urgent)
        scheduler.schedule("third", at: -0.0)
        let order = drain(&scheduler)
        #expect(order.map(\.event) == ["first", "second", "third"])
        #expect(order.allSatisfy { $0.time.sign == .plus }, "times are reported as +0")
    }

    /// Events of one later instant wait in the heap in no particular order and leave it sorted.
    @Test func tiesOfALaterInstantLeaveTheHeapInOrder() {
        var scheduler = Scheduler<Int>()
        for id in 0..<200 {
            scheduler.schedule(
                id, at: Double(id % 3) + 1, priority: EventPriority(rawValue: UInt8(id % 5 == 0 ? 0 : 1)))
        }
        let order = drain(&scheduler)
        for instant in 1...3 {
            let ids = order.filter { $0.time == Double(instant) }.map(\.event)
            let urgent = ids.filter { $0 % 5 == 0 }
            #expect(ids == urgent + ids.filter { $0 % 5 != 0 }, "instant \(instant): urgent first")
            #expect(
                urgent == urgent.sorted()
                    && ids.dropFirst(urgent.count).elementsEqual(ids.dropFirst(urgent.count).sorted()))
            #expect(ids.count == (instant == 1 ? 67 : instant == 2 ? 67 : 66))
        }
    }
}

/// A popped heap event is only marked consumed until the handler schedules (it is then replaced) or the next
/// pop (it is then removed); every query must ignore it.
@Suite struct ConsumedTopTests {
    @Test func queriesIgnoreAConsumedTop() {
        var scheduler = Scheduler<Int>()
        for id in 0..<9 { scheduler.schedule(id, at: Double(10 - id)) }
        #expect(scheduler.popNext()?.event == 8)
        #expect(scheduler.count == 8 && !scheduler.isEmpty)
        #expect(scheduler.peek()?.event == 7, "the next is among the consumed top's children")
        let handle = scheduler.schedule(100, at: 3.5)
        #expect(scheduler.peek()?.event == 7 && scheduler.count == 9)
        #expect(scheduler.popNext()?.event == 7)
        #expect(scheduler.cancel(handle) == true)
        #expect(drain(&scheduler).map(\.event) == [6, 5, 4, 3, 2, 1, 0])
        #expect(scheduler.isEmpty && scheduler.count == 0 && scheduler.peek() == nil)
    }

    @Test func aSingleConsumedEventLeavesAnEmptyQueue() {
        var scheduler = Scheduler<Int>()
        scheduler.schedule(1, at: 1)
        #expect(scheduler.popNext()?.event == 1)
        #expect(scheduler.isEmpty && scheduler.peek() == nil && scheduler.popNext() == nil)
        scheduler.schedule(2, at: 1)
        #expect(scheduler.peek()?.event == 2 && scheduler.count == 1)
        scheduler.reset()
        #expect(scheduler.isEmpty && scheduler.count == 0)
    }
}

/// The queue's storage is shared between copies until one mutates, and owns its events' lifetimes.
@Suite struct SchedulerStorageTests {
    /// Counts live instances, to see that the queue releases every event it held.
    final class Tracker {
        var live = 0
    }

    final class Token {
        let tracker: Tracker
        let id: Int
        init(_ id: Int, _ tracker: Tracker) {
            self.id = id
            self.tracker = tracker
            tracker.live += 1
        }
        deinit { tracker.live -= 1 }
    }

    @Test func copiesAreIndependent() {
        var original = Scheduler<String>()
        for (name, time) in [("c", 3.0), ("a", 1), ("b", 2), ("d", 4)] { original.schedule(name, at: time) }
        original.schedule("lane", at: 0)
        #expect(original.popNext()?.event == "lane")
        #expect(original.popNext()?.event == "a", "the copy below is taken with a consumed heap top")
        var copy = original.copy()
        copy.schedule("copy-only", at: 1.5)
        copy.schedule("copy-now", after: 0)
        #expect(copy.popNext()?.event == "copy-now")
        #expect(drain(&copy).map(\.event) == ["copy-only", "b", "c", "d"])
        #expect(original.count == 3 && original.now == 1)
        #expect(drain(&original).map(\.event) == ["b", "c", "d"])
    }

    @Test func growsPastItsInitialCapacityInHeapAndLane() {
        var scheduler = Scheduler<Int>(capacity: 1)
        for id in 0..<1_000 { scheduler.schedule(id, at: Double(1_000 - id)) }
        #expect(scheduler.popNext()?.event == 999)
        for id in 1_000..<1_300 { scheduler.schedule(id, after: 0) }
        #expect(scheduler.count == 1_299)
        let order = drain(&scheduler).map(\.event)
        #expect(order == Array(1_000..<1_300) + Array((0..<999).reversed()))
    }

    @Test func everyEventIsReleasedExactlyOnce() {
        let tracker = Tracker()
        do {
            var scheduler = Scheduler<Token>(capacity: 2)
            var handles: [EventHandle] = []
            for id in 0..<100 { handles.append(scheduler.schedule(Token(id, tracker), at: Double(id % 7))) }
            for id in 100..<120 { handles.append(scheduler.schedule(Token(id, tracker), after: 0)) }
            #expect(tracker.live == 120)
            // The 15 heap events of instant 0 (ids 0, 7, ..., 98) come first, then 15 of the 20 lane events.
            for _ in 0..<30 { _ = scheduler.popNext() }
            #expect(tracker.live == 90, "popped events are released once the caller drops them")
            for _ in 0..<6 { _ = scheduler.popNext() }
            #expect(
                scheduler.now == 1 && tracker.live == 84,
                "instant 1's 15 heap events moved to the lane; the first left it")
            scheduler.schedule(Token(998, tracker), at: 1.5)
            #expect(scheduler.popNext()?.event.id == 8 && scheduler.popNext()?.event.id == 15)
            for handle in handles.prefix(60) { scheduler.cancel(handle) }
            let copy = scheduler.copy()
            scheduler.schedule(Token(999, tracker), after: 1)
            let scheduled = scheduler.count
            #expect(copy.count + 1 == scheduled)
            scheduler.reset()
            #expect(scheduler.isEmpty == true)
            #expect(copy.count + 1 == scheduled, "a copy keeps its events when the original is reset")
        }
        #expect(tracker.live == 0)
    }
}

/// The scheduler against a reference model (a plain array searched for its minimum) under random operations.
@Suite struct SchedulerModelTests {
    private struct Pending {
        var time: Double
        var priority: UInt8
        var sequence: UInt64
        var id: Int

        func precedes(_ other: Pending) -> Bool {
            (time, priority, sequence) < (other.time, other.priority, other.sequence)
        }
    }

    /// 40 seeds x 1,500 operations: schedules (often at the current instant, with few distinct times and
    /// priorities, so ties are the rule), cancels of pending and of already-handled events, peeks and pops.
    /// Odd seeds start the clock at -2.5, so negative times, -0 and 0 are ordered too.
    @Test(arguments: 0..<40)
    func matchesAReferenceQueue(seed: UInt64) {
        var random = RandomStream(key: StreamKey(seed: seed, trial: 0, entity: 0, purpose: 77))
        var scheduler = Scheduler<Int>(start: seed.isMultiple(of: 2) ? 0 : -2.5)
        var reference: [Pending] = []
        var handles: [EventHandle] = []
        var nextID = 0
        for _ in 0..<1_500 {
            let roll = random.next(upperBound: 100 as UInt64)
            if roll < 50 {
                let delay = random.next(upperBound: 3 as UInt64) == 0 ? 0 : Double(random.next(upperBound: 4 as UInt64))
                let priority = UInt8(random.next(upperBound: 3 as UInt64))
                let handle = scheduler.schedule(
                    nextID, after: delay, priority: EventPriority(rawValue: priority))
                reference.append(
                    Pending(time: scheduler.now + delay, priority: priority, sequence: handle.sequence, id: nextID))
                handles.append(handle)
                nextID += 1
            } else if roll < 62, !handles.isEmpty {
                let id = Int(random.next(upperBound: UInt64(handles.count)))
                let wasPending = reference.contains { $0.id == id }
                #expect(scheduler.cancel(handles[id]) == wasPending, "seed \(seed): cancel of \(id)")
                reference.removeAll { $0.id == id }
            } else {
                let expected = reference.indices.min { reference[$0].precedes(reference[$1]) }
                #expect(scheduler.peek()?.event == expected.map { reference[$0].id }, "seed \(seed): peek")
                let popped = scheduler.popNext()
                #expect(popped?.event == expected.map { reference[$0].id }, "seed \(seed): pop")
                if let expected {
                    #expect(popped?.time == reference[expected].time && scheduler.now == reference[expected].time)
                    reference.remove(at: expected)
                }
            }
            #expect(scheduler.count == reference.count, "seed \(seed): count")
            scheduler.checkInvariants()
        }
        let rest = drain(&scheduler).map(\.event)
        #expect(rest == reference.sorted { $0.precedes($1) }.map(\.id), "seed \(seed): final drain")
    }
}
