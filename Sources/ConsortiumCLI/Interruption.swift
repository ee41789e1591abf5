import ArgumentParser
import ConsortiumAnalysis
import ConsortiumEngine
import ConsortiumSimulation
import Dispatch
import Foundation

/// Ctrl-C during a long run: the Monte Carlo stops at its next block, nothing is written, and the program
/// exits 130 (128 + SIGINT, the shell's convention) after saying so.
///
/// The flag is the program's one piece of process-wide mutable state, because a signal is a process-wide
/// event: SIGINT is ignored and delivered instead through a dispatch source, which sets the flag; runs
/// check it between blocks of trials. A second Ctrl-C restores the default action, so it kills the
/// process at once (files are replaced atomically, so even then no partial file is left at an output's path).
enum Interruption {
    /// Requested by the first SIGINT once `install()` ran.
    static let flag = StopFlag()

    /// Routes SIGINT to `flag`; idempotent. Call before a long run starts.
    static func install() {
        _ = installed
    }

    private static let installed: Bool = {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            flag.request()
            signal(SIGINT, SIG_DFL)
        }
        source.resume()
        // The source lives as long as the process.
        _ = Unmanaged.passRetained(source as AnyObject)
        return true
    }()

    /// Throws the exit status for an interruption when one was requested (call before writing results).
    static func check() throws {
        if flag.isRequested { throw interrupted() }
    }

    /// Says that the run was interrupted and returns the exit status 130.
    static func interrupted() -> ExitCode {
        printError("interrupted; no output written")
        return ExitStatus.interrupted
    }

    /// The exit status for a failed run of `plan`: 130 after an interruption, else 65 with the error printed.
    static func failure(_ error: SimulationError, plan: SimulationPlan) -> ExitCode {
        switch error {
        case .interrupted:
            return interrupted()
        case .eventLimitExceeded(let limit, let time, let next):
            printError(
                "error: a trial passed the limit of \(limit) events on \(plan.date(ofDay: time)) (next event: \(next)); "
                    + "the scenario keeps generating events without finishing: check its overrides and "
                    + "dependencies, or replay it with --trials 1 --trace to see the loop")
            return ExitStatus.dataError
        case .handlerFailed:
            printError("error: \(error)")
            return ExitStatus.dataError
        }
    }
}
