import Foundation

/// A request to stop a Monte Carlo run early (the command line sets it on Ctrl-C), from any thread.
///
/// Runs check it before each block of trials and each round of blocks, so a run stops within one block's
/// time (a few hundred trials) and throws `SimulationError.interrupted` with no partial result.
public final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    public init() {}

    /// Asks every run that checks this flag to stop.
    public func request() {
        lock.lock()
        requested = true
        lock.unlock()
    }

    /// Whether a stop was requested.
    public var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }
}
