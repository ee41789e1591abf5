import ConsortiumModel
import ConsortiumXML
import Foundation

/// A throw-away copy of the test library in a temporary folder, so tests can break files freely.
struct TestLibrary {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    let root: URL

    /// Copies `Corpus/valid` into a new temporary folder.
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("consortium-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent("valid"), to: root)
    }

    /// Writes `bytes` at `relativePath` in the library, replacing any file there.
    func write(_ bytes: Data, at relativePath: String) throws {
        try bytes.write(to: root.appendingPathComponent(relativePath))
    }

    /// Held while a load runs in a library's folder: the current folder is the process's, and suites run in
    /// parallel.
    static let currentFolderLock = NSLock()

    /// Loads the whole library, with paths displayed relative to its root (as a user running in it sees them).
    func load(_ paths: [String] = ["."], limits: LoadLimits = .default) -> LoadOutcome {
        Self.currentFolderLock.lock()
        defer { Self.currentFolderLock.unlock() }
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(root.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        return LibraryLoader(limits: limits).load(paths)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// The processor time the calling thread spends in `body`.
///
/// Loading runs on the calling thread, so its thread time is the work it did, whatever else the machine (or
/// the tests running in parallel) is doing; wall-clock time on a shared machine is not a measure of the code.
func threadCPUTime(_ body: () -> Void) -> Duration {
    func now() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
    let start = now()
    body()
    return now() - start
}
