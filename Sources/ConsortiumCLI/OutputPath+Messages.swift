import ArgumentParser
import ConsortiumOutput
import Foundation

/// `OutputPath` (ConsortiumOutput) at the command line's edge: a refusal or a failed write is printed as
/// `error: ...` and ends the run with 64 (a refused path) or 74 (the system could not resolve or write it).
extension OutputPath {
    /// Resolves `path` (see `OutputPath.destination(for:what:)`), printing why and throwing the exit status
    /// when it is refused or cannot be resolved.
    func checkedDestination(for path: String, what: String) throws -> OutputDestination {
        do throws(OutputPathError) {
            return try destination(for: path, what: what)
        } catch {
            throw Self.report(error)
        }
    }

    /// Checks `path` when there is one, before a long run, so that a refusal comes before the work.
    func check(_ path: String?, what: String) throws {
        if let path { _ = try checkedDestination(for: path, what: what) }
    }

    /// Writes `text` to `path` (see `OutputPath.write(_:to:what:)`).
    func write(_ text: String, to path: String, what: String) throws {
        try write(Data(text.utf8), to: path, what: what)
    }

    /// Writes `data` to `path`: to a descriptor or a device in place, to a regular file or a new path by
    /// atomic rename. A refusal exits 64; a failed write says why and exits 74.
    func write(_ data: Data, to path: String, what: String) throws {
        let failure = data.withUnsafeBytes { bytes -> OutputPathError? in
            do throws(OutputPathError) {
                try write(bytes, to: path, what: what)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw Self.report(failure) }
    }

    /// Prints `error` and returns its exit status.
    private static func report(_ error: OutputPathError) -> ExitCode {
        switch error {
        case .refused(let message):
            printError("error: " + message)
            return ExitStatus.usage
        case .failed(let path, let code):
            printError("error: cannot write \(path): \(describe(errno: code))")
            return ExitStatus.ioError
        }
    }
}
