import ConsortiumModel
import Foundation
import Testing

@testable import ConsortiumCLI
@testable import ConsortiumXML

/// How a file finds its library, and what a run says when there is none or when it is given a folder.
@Suite(.serialized)
struct LibrarySearchTests {
    /// A temporary folder outside any library, holding a copy of mini.xml at `x/mini.xml`.
    struct Outside {
        let folder: URL
        let mission: URL

        init(_ library: TestLibrary) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("consortium-outside-\(UUID())")
            mission = folder.appendingPathComponent("x/mini.xml")
            try FileManager.default.createDirectory(
                at: mission.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: library.root.appendingPathComponent("Missions/mini.xml"), to: mission)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Copied out of the library and run from a folder with no library: one error saying where the program
    /// looked and how to point it at a library, not one "unknown agency" per reference. Before: 14 errors
    /// (`unknown agency 'alpha'`, ...) and no word of `--library`.
    @Test func aMissionCopiedOutOfTheLibraryGetsOneErrorNamingWhereItLooked() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let outside = try Outside(library)
        defer { outside.remove() }
        let result = try Executable.run(
            ["simulate", outside.mission.path], launcher: ["/usr/bin/env", "-C", outside.folder.path])
        #expect(result.status == 65, "\(result.standardError)")
        let lines = result.standardError.split(separator: "\n")
        #expect(!result.standardError.contains("[unknown-reference]"), "\(result.standardError)")
        #expect(lines.filter { $0.contains(": error: ") }.count == 1, "\(result.standardError)")
        #expect(result.standardError.contains("[no-library]"))
        // Every folder from the file's up to the root is named, and the way out.
        var folder = outside.mission.deletingLastPathComponent().standardizedFileURL
        var named: [String] = []
        while true {
            named.append(folder.path)
            if folder.path == "/" { break }
            folder = folder.deletingLastPathComponent().standardizedFileURL
        }
        for path in named {
            #expect(result.standardError.contains(path), "\(path) not named in:\n\(result.standardError)")
        }
        #expect(result.standardError.contains("--library DIR"))
        // Pointed at the library, it runs.
        let pointed = try Executable.run(
            ["simulate", outside.mission.path, "--library", library.root.path],
            launcher: ["/usr/bin/env", "-C", outside.folder.path])
        #expect(pointed.status == 0, "\(pointed.standardError)")
    }

    /// Run from inside a library, a file outside any library uses the current folder's library, with a note.
    @Test func aMissionOutsideTheLibraryFallsBackToTheCurrentFoldersLibraryWithANote() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let outside = try Outside(library)
        defer { outside.remove() }
        let result = try Executable.run(
            ["simulate", outside.mission.path], launcher: ["/usr/bin/env", "-C", library.root.path])
        #expect(result.status == 0, "\(result.standardError)")
        let notes = result.standardError.split(separator: "\n").filter { $0.hasPrefix("note: ") }
        #expect(notes.count == 1, "\(result.standardError)")
        #expect(notes.first?.contains(library.root.path) == true && notes.first?.contains("--library") == true)
        let validate = try Executable.run(
            ["validate", outside.mission.path], launcher: ["/usr/bin/env", "-C", library.root.path])
        #expect(validate.status == 0, "\(validate.standardError)")
    }

    /// `--library DIR` must name a folder holding `Agencies/`: a usage error otherwise, before anything is read.
    /// An `Agencies/` folder inside `Missions/` (as `generate --out Missions --force` makes) took the library
    /// over: `validate Missions` then checked only that folder's agency and hid every mission and a broken
    /// file; now the library is the folder above `Missions/`, and the copy is a duplicate definition.
    @Test func anAgenciesFolderInsideMissionsDoesNotTakeTheLibraryOver() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let missions = library.root.appendingPathComponent("Missions")
        let inner = missions.appendingPathComponent("Agencies")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: library.root.appendingPathComponent("Agencies/alpha.xml"), to: inner.appendingPathComponent("alpha.xml")
        )
        try Data("<campaign".utf8).write(to: missions.appendingPathComponent("zz-broken.xml"))
        let result = try Executable.run(["validate", missions.path])
        #expect(result.status == 65, "\(result.standardError)")
        #expect(result.standardError.contains("zz-broken.xml:1:"), "\(result.standardError)")
        // The copy is read as what it is, a second definition of the library's agency.
        #expect(result.standardError.contains("duplicate agency id 'alpha'"), "\(result.standardError)")
    }

    /// `validate a/m.xml` (a folder of one character, given relative) trapped with exit 132: Foundation's
    /// `deletingLastPathComponent` traps on the one-character name `a` that the library search walked up to.
    @Test func aOneCharacterFolderNameDoesNotCrashTheLibrarySearch() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let folder = library.root.appendingPathComponent("Missions/a")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: library.root.appendingPathComponent("Missions/mini.xml"), to: folder.appendingPathComponent("m.xml"))
        try FileManager.default.removeItem(at: library.root.appendingPathComponent("Missions/mini.xml"))
        let result = try Executable.run(
            ["validate", "a/m.xml"],
            launcher: ["/usr/bin/env", "-C", library.root.appendingPathComponent("Missions").path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(FileFinder.folder(of: "a") == ".")
        #expect(FileFinder.folder(of: "/a") == "/")
        #expect(FileFinder.folder(of: "a/b/") == "a")
        #expect(FileFinder.folder(of: "/") == "/")
    }

    @Test func theLibraryOptionMustHoldAgencies() throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let mini = library.root.appendingPathComponent("Missions/mini.xml").path
        let missions = library.root.appendingPathComponent("Missions").path
        #expect(ConsortiumCommand.run(arguments: ["simulate", mini, "--library", missions]) == 64)
        #expect(ConsortiumCommand.run(arguments: ["validate", mini, "--library", missions]) == 64)
        #expect(ConsortiumCommand.run(arguments: ["simulate", mini, "--library", library.root.path]) == 0)
    }

    /// A folder given to a run is refused (exit 64) with the runnable files in it; before, `simulate Missions/`
    /// silently ran the first scenario in alphabetical order (exit 0).
    @Test(arguments: ["simulate", "whatif", "compare"])
    func aFolderIsNotRunButItsRunnableFilesAreListed(_ command: String) throws {
        let library = try TestLibrary()
        defer { library.remove() }
        let missions = library.root.appendingPathComponent("Missions").path
        var arguments = [command, missions]
        if command == "whatif" { arguments += ["--delay", "capsule-1=30d", "--trials", "10"] }
        if command == "compare" { arguments += [missions + "/mini.xml", "--trials", "10"] }
        #expect(ConsortiumCommand.run(arguments: arguments) == 64)
        let result = try Executable.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
        for file in ["mini.xml", "mini-cut.xml"] {
            #expect(result.standardError.contains("\(missions)/\(file)"), "\(result.standardError)")
        }
        // The library folder itself lists its Missions/.
        #expect(ConsortiumCommand.run(arguments: ["simulate", library.root.path]) == 64)
    }
}
