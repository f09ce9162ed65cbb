import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The rename pass of a sync, written down before it starts so that a build killed during it is completed
/// by the next one.
///
/// Once every new and changed file is staged (`OutputStaging`), the journal is written beside them
/// (`.build-site-staging/journal`, made whole by a rename) and then carried out: each staged file is renamed
/// to its place (making its folders), the previous build's stale files are removed, the manifest is
/// replaced, and the staging folder goes. Every step can be done twice: a staged file that is no longer there
/// was already moved, a stale file already gone was already removed. So a killed pass is finished by carrying
/// out the same journal again, which every sync does first (`recover`), before it reads the manifest.
struct OutputJournal: Equatable {
    static let fileName = "journal"
    private static let header = "# build-site journal: a rename pass in progress (the next build completes it)"

    /// Output paths whose new bytes are staged as `0`, `1`, … in this order.
    var moves: [String]
    /// Files of the previous build that this build no longer produces.
    var removals: [String]
    /// The new manifest: every file of this build.
    var manifest: [String]

    /// Writes the journal, then carries it out. Returns the files removed.
    func commit(in root: URL) throws(Diagnostic) -> [String] {
        let staging = OutputStaging.folder(in: root)
        if TestHook.killPoint == .staged { kill(getpid(), SIGKILL) }
        let text = ([Self.header] + moves.enumerated().map { "w \($0.offset) \($0.element)" }
            + removals.map { "r " + $0 } + manifest.map { "m " + $0 }).joined(separator: "\n") + "\n"
        try OutputSync.atomicWrite(Data(text.utf8), to: OutputSync.join(staging, Self.fileName))
        if case .renames(let count) = TestHook.killPoint { return try carryOut(in: root, killAfter: count, resuming: false) }
        return try carryOut(in: root, killAfter: nil, resuming: false)
    }

    /// Completes the rename pass of a build that was killed during it, if there is one.
    static func recover(in root: URL) throws(Diagnostic) {
        let path = OutputSync.join(OutputStaging.folder(in: root), fileName)
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let data = FileManager.default.contents(atPath: path), let journal = parse(String(decoding: data, as: UTF8.self)) else {
            throw Diagnostic(file: path, message: "cannot read the journal of an unfinished build",
                             notes: ["the output folder may hold a mix of two builds: delete it and build again"])
        }
        _ = try journal.carryOut(in: root, killAfter: nil, resuming: true)
    }

    static func parse(_ text: String) -> OutputJournal? {
        var journal = OutputJournal(moves: [], removals: [], manifest: [])
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let rest = String(line.dropFirst(2))
            switch line.prefix(2) {
            case "w ":
                guard let space = rest.firstIndex(of: " "), Int(rest[..<space]) == journal.moves.count else { return nil }
                journal.moves.append(String(rest[rest.index(after: space)...]))
            case "r ": journal.removals.append(rest)
            case "m ": journal.manifest.append(rest)
            default: return nil
            }
        }
        let all = journal.moves + journal.removals + journal.manifest
        return all.allSatisfy(OutputSync.isSafeRelativePath) ? journal : nil
    }

    /// The pass itself. Returns the files removed.
    ///
    /// The renames run on all cores: each is independent (a file to its own place), and on a large site they
    /// are the whole cost of the pass, mostly the kernel's (replacing a file frees the old one). A failure is
    /// reported after the others finish; the journal stays, and the next build completes the pass.
    ///
    /// - Parameter resuming: whether this completes a killed pass (`recover`), whose staged files may already
    ///   have been moved. A pass that follows its own staging knows every staged file is there, and spares the
    ///   `lstat` per file that asks.
    private func carryOut(in root: URL, killAfter: Int?, resuming: Bool) throws(Diagnostic) -> [String] {
        let staging = OutputStaging.folder(in: root)
        let stagingFolder = StagingFolderDescriptor(staging)
        defer { withExtendedLifetime(stagingFolder) {} }
        let folders = FolderMaker(root: root.path)
        let failures = Array(moves.indices).concurrentMap { index -> Diagnostic? in
            if index == killAfter { kill(getpid(), SIGKILL) }
            let path = moves[index]
            let staged = stagingFolder.relative(String(index))
            var info = stat()
            // Already moved by the pass this one completes.
            if resuming, fstatat(stagingFolder.descriptor, staged, &info, AT_SYMLINK_NOFOLLOW) != 0 { return nil }
            let target = OutputSync.join(root.path, path)
            do throws(Diagnostic) {
                _ = try folders.prepare(path)
            } catch {
                return error
            }
            guard renameat(stagingFolder.descriptor, staged, AT_FDCWD, target) == 0 else {
                return Diagnostic(file: target, message: "cannot move the new file into place: \(String(cString: strerror(errno)))",
                                  notes: ["the output folder is half updated; the next build completes the update first"])
            }
            return nil
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        var removed: [String] = []
        for path in removals {
            if try OutputSync.removeOwnedFile(path, in: root) { removed.append(path) }
        }
        try OutputSync.writeManifest(manifest, in: root)
        unlink(OutputSync.join(staging, Self.fileName))
        OutputStaging.clear(in: root)
        return removed
    }
}

/// For the kill tests only, so that a kill lands exactly where a test needs it instead of by chance:
/// `BUILD_SITE_TEST_KILL_AT=staged` makes a build SIGKILL itself once every file is staged, before the journal
/// is written; `BUILD_SITE_TEST_KILL_AT=rename:N` once the journal is written and N files are renamed.
enum TestHook {
    enum KillPoint: Equatable { case staged, renames(Int) }

    static let killPoint: KillPoint? = {
        guard let value = ProcessInfo.processInfo.environment["BUILD_SITE_TEST_KILL_AT"] else { return nil }
        if value == "staged" { return .staged }
        if value.hasPrefix("rename:"), let count = Int(value.dropFirst(7)) { return .renames(count) }
        return nil
    }()
}
