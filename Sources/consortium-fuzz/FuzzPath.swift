import ConsortiumOutput
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `path` target: the output-path check and writer (`ConsortiumOutput.OutputPath`, which every `--out`,
/// `--trace` and `--report` goes through) on a path made from the input (`PathSpec`), in a fresh temporary
/// copy of the test library.
///
/// The invariants, each checked by the kernel's view (realpath, device and inode), not by the code under test:
/// an allowed destination is never a file the run read, nor inside `Agencies/` or `Missions/` without
/// `--force`, and is where the kernel would put the path; a write never turns a non-regular file into a
/// regular one, never changes a read file, and changes nothing but its destination; a refused or failed write
/// changes nothing. The target writes only inside its temporary folder or to `/dev/null`: any other
/// destination is checked but not written, and descriptors (`-`, `/dev/stdout`) are never written.
enum FuzzPath {
    static let bytes = Array("day,event\n0,fuzz\n".utf8)

    nonisolated(unsafe) static var count = 0

    static func exercise(_ input: [UInt8]) {
        let spec = PathSpec(input)
        count += 1
        // A folder of this input's own, with its symlinks resolved (as `getcwd` gives paths).
        let made = NSTemporaryDirectory() + "/consortium-fuzz-path-\(getpid())-\(count)"
        guard mkdir(made, 0o755) == 0, let root = realPath(made) else {
            fatalError("consortium-fuzz: cannot create \(made)")
        }
        let previous = FileManager.default.currentDirectoryPath
        var readers: [Int32] = []
        defer {
            _ = chdir(previous)
            for reader in readers { close(reader) }
            try? FileManager.default.removeItem(atPath: root)
        }
        guard chdir(root) == 0 else { fatalError("consortium-fuzz: cannot enter \(root)") }
        var read = [String]()
        for file in FuzzInputs.testLibrary {
            mkdir(folder(of: file.path), 0o755)
            guard FileManager.default.createFile(atPath: file.path, contents: Data(file.bytes)) else {
                fatalError("consortium-fuzz: cannot write \(root)/\(file.path)")
            }
            read.append(file.path)
        }
        for step in spec.steps {
            switch step {
            case .folder(let name): if creatable(name, in: root) { mkdir(name, 0o755) }
            case .file(let name):
                if creatable(name, in: root) {
                    _ = FileManager.default.createFile(atPath: name, contents: Data("x\n".utf8))
                }
            case .fifo(let name):
                if creatable(name, in: root), mkfifo(name, 0o644) == 0 {
                    let reader = open(name, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
                    if reader >= 0 { readers.append(reader) } else { unlink(name) }  // never a FIFO without a reader
                }
            case .link(let name, let target): if creatable(name, in: root) { symlink(expand(target, root), name) }
            case .hardLink(let name, let target):
                if creatable(name, in: root), let real = realPath(target), inside(real, root) { link(real, name) }
            case .read(let path):
                var status = stat()
                if stat(expand(path, root), &status) == 0, status.st_mode & S_IFMT == S_IFREG {
                    read.append(expand(path, root))
                }
            }
        }
        check(output: expand(spec.output, root), read: read, force: spec.force, root: root, readers: readers)
    }

    static func check(output: String, read: [String], force: Bool, root: String, readers: [Int32]) {
        let rules = OutputPath(read: ReadFiles(read), force: force)
        let readReal = Set(read.compactMap(realPath))
        let readIdentity = Set(read.compactMap { FileIdentity(path: $0) })
        let before = Snapshot(root)
        let null = Snapshot.entry("/dev/null")
        let decision = Result { () throws(OutputPathError) in try rules.destination(for: output, what: "the output") }
        func fail(_ message: String) -> Never {
            fatalError("consortium-fuzz: output path \(output) (force \(force)): \(message); decided \(decision)")
        }
        var writable = false
        var landing: String?  // where an atomic write puts its file
        switch decision {
        case .failure:
            reached("OutputPath refused")
        case .success(.descriptor(let fd)):
            reached("OutputPath descriptor")
            if let identity = FileIdentity(descriptor: fd), readIdentity.contains(identity) {
                fail("descriptor \(fd) is a file the run read")
            }
        case .success(.inPlace(let path)):
            reached("OutputPath in place")
            guard let real = realPath(path), let identity = FileIdentity(path: real) else {
                fail("the in-place destination does not exist")
            }
            if readReal.contains(real) || readIdentity.contains(identity) { fail("it is a file the run read") }
            let kind = Snapshot.entry(real)
            if case .regular = kind { fail("a regular file to write in place") }
            if case .folder = kind { fail("a folder to write in place") }
            if !force, inLibraryFolder(real, root) { fail("inside Agencies/ or Missions/ without --force") }
            agrees(output, real, fail)
            writable = real == "/dev/null" || (inside(real, root) && isFIFO(real))
        case .success(.atomic(let path)):
            reached("OutputPath atomic")
            let folder = folder(of: path)
            let name = (path as NSString).lastPathComponent
            guard let realFolder = realPath(folder) else { break }  // the write fails: no folder
            let file = realFolder == "/" ? "/" + name : realFolder + "/" + name
            landing = file
            if readReal.contains(file) { fail("\(file) is a file the run read") }
            if let identity = FileIdentity(path: file), readIdentity.contains(identity) {
                fail("\(file) is a file the run read (device and inode)")
            }
            switch Snapshot.entry(file) {
            case .missing, .regular: break
            default: fail("\(file) exists and is not a regular file, to be replaced")
            }
            if !force, inLibraryFolder(file, root) { fail("inside Agencies/ or Missions/ without --force") }
            agrees(output, file, fail)
            writable = realFolder == root || inside(realFolder, root)
        }
        guard writable || (try? decision.get()) == nil else { return }  // allowed, but not ours to write
        let written = bytes.withUnsafeBytes { buffer in
            Result { () throws(OutputPathError) in try rules.write(buffer, to: output, what: "the output") }
        }
        let after = Snapshot(root)
        if Snapshot.entry("/dev/null") != null { fail("/dev/null changed: \(Snapshot.entry("/dev/null"))") }
        switch (decision, written) {
        case (.failure(let refusal), .failure(let again)):
            if refusal != again { fail("refused as \(refusal), then written as \(again)") }
            if after != before { fail("a refused write changed the folder: \(before.difference(after))") }
        case (.failure, .success): fail("refused, then written")
        case (.success, .failure):
            reached("OutputPath write failed")
            if after != before { fail("a failed write changed the folder: \(before.difference(after))") }
        case (.success(let destination), .success):
            reached("OutputPath written")
            var expected = before
            if case .atomic = destination, let landing {
                if case .folder = before.entries[relative(landing, root)] ?? .missing {
                    fail("a folder replaced by a file")
                }
                expected.entries[relative(landing, root)] = .regular(Data(bytes))
            }
            if case .inPlace(let path) = destination, path != "/dev/null" {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let got = readers.map { systemRead($0, &buffer, buffer.count) }.filter { $0 > 0 }
                if got != [bytes.count] { fail("the FIFO's reader got \(got) bytes, not \(bytes.count)") }
            }
            if after != expected { fail("the folder is not as expected: \(expected.difference(after))") }
        }
    }

    /// The kernel's view of `output`: what realpath gives, or for a new file its resolved folder and name;
    /// the destination must be that file (a dangling symlink at the end is left out of the comparison).
    static func agrees(_ output: String, _ destination: String, _ fail: (String) -> Never) {
        var status = stat()
        let kernel: String?
        if let real = realPath(output) {
            kernel = real
        } else if lstat(output, &status) != 0, !output.hasSuffix("/") {
            let folder = folder(of: output)
            let name = (output as NSString).lastPathComponent
            kernel = realPath(folder.isEmpty ? "." : folder).map { $0 == "/" ? "/" + name : $0 + "/" + name }
        } else {
            kernel = nil
        }
        if let kernel, kernel != destination { fail("the kernel would write \(kernel), not \(destination)") }
    }

    /// Names what the input reached, for the replay tool's `rendered:` list.
    static func reached(_ outcome: String) { FuzzPipeline.rendered[outcome, default: 0] += 1 }

    static func systemRead(_ fd: Int32, _ buffer: inout [UInt8], _ count: Int) -> Int { read(fd, &buffer, count) }

    static func creatable(_ name: String, in root: String) -> Bool {
        var status = stat()
        guard lstat(name, &status) != 0 else { return false }
        let folder = folder(of: name)
        guard let real = realPath(folder.isEmpty ? "." : folder) else { return false }
        return real == root || inside(real, root)
    }

    /// `@PATH` as the temporary folder's absolute path.
    static func expand(_ path: String, _ root: String) -> String {
        path.hasPrefix("@") ? root + "/" + path.dropFirst() : path
    }

    static func inside(_ path: String, _ root: String) -> Bool { path.hasPrefix(root + "/") }

    static func relative(_ path: String, _ root: String) -> String { String(path.dropFirst(root.count + 1)) }

    static func inLibraryFolder(_ file: String, _ root: String) -> Bool {
        let folders = folder(of: file).split(separator: "/")
        return folders.contains("Agencies") || folders.contains("Missions")
    }

    static func isFIFO(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO
    }

    /// `a/b/c` gives `a/b`, `/a` gives `/`, `a` gives "" (NSString's `deletingLastPathComponent` traps on a
    /// one-character string in swift-corelibs-foundation).
    static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        var head = path[..<slash]
        while head.hasSuffix("/") { head = head.dropLast() }
        return head.isEmpty ? "/" : String(head)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Every entry under a folder (symlinks not followed): regular files with their bytes, links with their
/// targets, other files with their kind and inode.
struct Snapshot: Equatable {
    enum Entry: Equatable {
        case missing
        case regular(Data)
        case folder(UInt64)
        case link(String)
        case other(UInt32, UInt64, UInt64)  // kind, inode, device number
    }

    var entries: [String: Entry] = [:]

    init(_ root: String) {
        var pending = [""]
        while let folder = pending.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
            for name in names {
                let path = folder.isEmpty ? name : folder + "/" + name
                let entry = Self.entry(root + "/" + path)
                entries[path] = entry
                if case .folder = entry { pending.append(path) }
            }
        }
    }

    static func entry(_ path: String) -> Entry {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular(FileManager.default.contents(atPath: path) ?? Data())
        case S_IFDIR: return .folder(UInt64(status.st_ino))
        case S_IFLNK:
            return .link((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
        default: return .other(UInt32(status.st_mode & S_IFMT), UInt64(status.st_ino), UInt64(status.st_rdev))
        }
    }

    /// The entries that differ, for messages.
    func difference(_ other: Snapshot) -> String {
        Set(entries.keys).union(other.entries.keys).sorted().filter { entries[$0] != other.entries[$0] }.map {
            "\($0): \(entries[$0].map { "\($0)" } ?? "none") -> \(other.entries[$0].map { "\($0)" } ?? "none")"
        }.joined(separator: "; ")
    }
}
