import ConsortiumModel
import ConsortiumXML
import Foundation
import Testing

@testable import ConsortiumCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is on disk besides regular files and readable folders: empty and unreadable folders, symbolic links
/// (followed to a file, not to a folder), named pipes, devices and link loops (refused without blocking).
@Suite(.serialized)
struct FileKindsTests {
    func link(_ library: TestLibrary, _ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: library.root.appendingPathComponent(relative).path, withDestinationPath: target)
    }

    /// A folder with no `.xml` file has nothing to check: a usage error (exit 64, like a path that does not
    /// exist), not "0 files valid" with exit 0 as before.
    @Test func validateOfAFolderWithNoXMLFileIsAUsageError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consortium-empty-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(ConsortiumCommand.run(arguments: ["validate", folder.path]) == 64)
        try Data("notes".utf8).write(to: folder.appendingPathComponent("README.txt"))
        #expect(ConsortiumCommand.run(arguments: ["validate", folder.path]) == 64)
        let result = try Executable.run(["validate", folder.path])
        #expect(result.status == 64)
        #expect(result.standardError.contains("no .xml file"), "\(result.standardError)")
        #expect(!result.standardOutput.contains("valid"))
        // Only a link to a folder (not followed, a warning): still nothing to check. It said "0 files valid".
        try FileManager.default.removeItem(at: folder.appendingPathComponent("README.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("elsewhere").path, withDestinationPath: "/tmp")
        let linked = try Executable.run(["validate", folder.path])
        #expect(linked.status == 64, "\(linked.standardError)")
        #expect(linked.standardError.contains("[linked-folder]"), "\(linked.standardError)")
        #expect(linked.standardError.contains("no .xml file"), "\(linked.standardError)")
    }

    /// How to run the program so that a `chmod 000` folder cannot be read: as root (as the tests run here)
    /// permissions do not stop reads, so the program is started in a new user namespace (`unshare -U`),
    /// where it runs as an unmapped user; `nil` when that is not possible.
    static let unprivileged: [String]? = {
        guard geteuid() == 0 else { return [] }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
            let probe = try? Executable.run(["--version"], launcher: ["/usr/bin/unshare", "-U"]), probe.status == 0
        else { return nil }
        return ["/usr/bin/unshare", "-U"]
    }()

    /// An unreadable folder is an error (exit 65, as for an unreadable file), given directly or met inside
    /// `Missions/`; before, it was "0 files valid", exit 0. A run that does not need it gets a warning.
    @Test func anUnreadableFolderIsAnError() throws {
        guard let launcher = Self.unprivileged else {
            print("skipped: running as root without user namespaces, a chmod 000 folder stays readable")
            return
        }
        let library = try TestLibrary()
        defer { library.remove() }
        let locked = library.root.appendingPathComponent("Missions/locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: library.root.appendingPathComponent("Missions/mini.xml"), to: locked.appendingPathComponent("m.xml"))
        chmod(locked.path, 0)
        defer { chmod(locked.path, 0o755) }
        let direct = try Executable.run(["validate", locked.path], launcher: launcher)
        #expect(direct.status == 65, "\(direct.standardError)")
        #expect(direct.standardError.contains("\(locked.path): error: "), "\(direct.standardError)")
        #expect(direct.standardError.contains("[unreadable-folder]"))
        let inside = try Executable.run(
            ["validate", library.root.appendingPathComponent("Missions").path], launcher: launcher)
        #expect(inside.status == 65, "\(inside.standardError)")
        #expect(inside.standardError.contains("[unreadable-folder]"))
        let run = try Executable.run(
            ["simulate", library.root.appendingPathComponent("Missions/mini.xml").path], launcher: launcher)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("\(locked.path): warning: "), "\(run.standardError)")
    }

    /// A symbolic link to a mission kept elsewhere is followed (before: "this is not a regular file").
    @Test func aSymlinkToAFileIsFollowed() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("consortium-real-\(UUID()).xml")
        let mini = try String(contentsOf: library.root.appendingPathComponent("Missions/mini.xml"), encoding: .utf8)
        try Data(mini.replacingOccurrences(of: #"id="mini""#, with: #"id="linked""#).utf8).write(to: elsewhere)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try link(library, "Missions/linked.xml", to: elsewhere.path)
        let linked = library.root.appendingPathComponent("Missions/linked.xml").path
        #expect(library.load(["Missions/linked.xml"]).diagnostics.isEmpty)
        #expect(library.load().diagnostics.isEmpty)
        #expect(ConsortiumCommand.run(arguments: ["validate", linked]) == 0)
        #expect(ConsortiumCommand.run(arguments: ["simulate", linked]) == 0)
    }

    /// Named pipes, devices and link loops are refused with a message naming what they are, before they are
    /// opened (opening a pipe with no writer blocks; reading /dev/zero never ends), given directly or met in
    /// `Missions/`, directly or through a link. Each run is bounded by `timeout`: 124 would mean it hung.
    @Test func pipesDevicesAndLoopsAreRefusedWithoutBlocking() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let pipe = library.root.appendingPathComponent("Missions/pipe.xml").path
        #expect(mkfifo(pipe, 0o644) == 0)
        // A second pipe outside Missions/, reached through a link (a link to pipe.xml would be pipe.xml).
        let outsidePipe = library.root.appendingPathComponent("pipe").path
        #expect(mkfifo(outsidePipe, 0o644) == 0)
        try link(library, "Missions/pipe-link.xml", to: outsidePipe)
        try link(library, "Missions/zero.xml", to: "/dev/zero")
        try link(library, "Missions/loop.xml", to: "loop.xml")
        try link(library, "Missions/gone.xml", to: "no-such-file.xml")
        let expected = [
            "pipe.xml": "a named pipe (FIFO)", "pipe-link.xml": "a named pipe (FIFO)", "zero.xml": "a character device",
            "loop.xml": "symbolic link loop", "gone.xml": "no-such-file.xml, which does not exist",
        ]
        for (name, words) in expected {
            let file = library.root.appendingPathComponent("Missions/\(name)").path
            let result = try Executable.run(["validate", file], launcher: ["/usr/bin/timeout", "20"])
            #expect(result.status == 65, "\(name): \(result.standardError)")
            #expect(result.standardError.contains("\(file):1:1: error: "), "\(name): \(result.standardError)")
            #expect(result.standardError.contains(words), "\(name): \(result.standardError)")
            #expect(result.cpuSeconds < 2)
        }
        let outcome = library.load(["Missions"])
        for name in expected.keys {
            #expect(outcome.diagnostics.contains { $0.location.file == "Missions/\(name)" && $0.severity == .error })
        }
        // A run that needs none of them warns about each and runs.
        let run = try Executable.run(
            ["simulate", library.root.appendingPathComponent("Missions/mini.xml").path],
            launcher: ["/usr/bin/timeout", "20"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").filter { $0.contains(": warning: ") }.count == expected.count)
    }

    /// A link to a folder inside `Missions/` is not followed (it could lead anywhere, even back up the tree),
    /// and says so as a warning; the folder given directly is read.
    @Test func aSymlinkedFolderInMissionsIsNamedButNotRead() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let shared = FileManager.default.temporaryDirectory.appendingPathComponent("consortium-shared-\(UUID())")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: shared) }
        try Data("<campaign".utf8).write(to: shared.appendingPathComponent("broken.xml"))
        try link(library, "Missions/shared", to: shared.path)
        try link(library, "Missions/up", to: "..")
        let outcome = library.load(["Missions"])
        #expect(!outcome.diagnostics.containsErrors, "\(outcome.diagnostics)")
        let warned = outcome.diagnostics.filter { $0.code == "linked-folder" }.map(\.location.file)
        #expect(warned == ["Missions/shared", "Missions/up"])
        #expect(
            ConsortiumCommand.run(arguments: ["validate", library.root.appendingPathComponent("Missions").path]) == 0)
        #expect(
            ConsortiumCommand.run(arguments: ["validate", library.root.appendingPathComponent("Missions/shared").path])
                == 65)
    }
}
