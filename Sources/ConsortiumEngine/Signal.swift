/// A one-shot condition that many entities wait on, released in the order they began waiting.
///
/// Before it fires, `wait(_:)` queues the entity. `fire()` marks the signal; the model then drains the
/// waiters with `popWaiter()` in FIFO order, resuming each. After firing, `wait(_:)` returns `true` at once
/// (the condition already holds), like waiting on a processed SimPy event.
///
/// A repeating condition (a launch window that opens every P days) is a `WaitQueue` swapped out when it fires,
/// or a `Signal` that is `reset()` after being drained.
public struct Signal: Sendable {
    /// Whether the signal has fired.
    public var isFired: Bool { fired }

    /// Entities waiting, in the order they began waiting.
    public var waiters: WaitQueue { queue }

    /// Stored state behind `isFired`.
    @usableFromInline
    var fired: Bool

    /// Stored state behind `waiters`.
    @usableFromInline
    var queue: WaitQueue

    /// Creates a signal that has not fired.
    public init() {
        fired = false
        queue = WaitQueue()
    }

    /// Waits for the signal on behalf of `id`.
    ///
    /// - Returns: `true` if the signal has already fired (the caller proceeds); `false` if `id` was queued.
    /// - Complexity: Amortized O(1).
    @inlinable
    public mutating func wait(_ id: Int32) -> Bool {
        if fired { return true }
        queue.append(id)
        return false
    }

    /// Marks the signal as fired; drain the waiters with `popWaiter()`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func fire() {
        fired = true
    }

    /// Removes and returns the longest-waiting entity, if any.
    ///
    /// - Complexity: O(1).
    @inlinable
    public mutating func popWaiter() -> Int32? {
        queue.popFirst()
    }

    /// Returns the signal to the unfired state with no waiters, keeping storage.
    @inlinable
    public mutating func reset() {
        fired = false
        queue.removeAll()
    }
}
