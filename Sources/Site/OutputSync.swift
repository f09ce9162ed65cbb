import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a sync did to the output folder.
public struct SyncReport: Sendable, Equatable {
    /// Files whose bytes changed or that did not exist.
    public var written: [String] = []
    /// Files already on disk with exactly the new bytes: not touched, so their mtimes stay.
    public var unchanged: Int = 0
    /// Files the previous build wrote that this build no longer produces.
    public var removed: [String] = []
    /// How long the rename pass took (journal written, files renamed and removed, manifest replaced): the
    /// only time during which the output holds files of two builds.
    public var renamePass: Duration = .zero
    /// The CPU time the process used during the pass, on all cores: on a busy machine, what the pass costs.
    public var renamePassCPU: Duration = .zero
}

/// Brings an output folder in line with a built site, touching only what the build owns.
///
/// The rules come from how people lose data with static site generators: an output folder may be the only
/// deployed copy, or a folder named by mistake (`--output ~/Documents`). So:
/// - a manifest (`.build-site-manifest`) lists every file the last build wrote; only those are ever removed;
/// - a non-empty folder without a manifest is refused unless `force` is given, and even then no file that the
///   manifest does not list is overwritten unless it already has the new bytes;
/// - new files are staged, then renamed into place in one journaled pass, so no reader sees half a file and
///   no build leaves the tree half old and half new (see `OutputJournal`);
/// - one build at a time: an exclusive `flock` on the folder (`OutputLock`);
/// - nothing is written through a symbolic link, so nothing outside the folder is ever touched;
/// - a file whose bytes are unchanged is not rewritten (its mtime stays, and incremental deploys stay small).
public enum OutputSync {
    /// The manifest's file name inside the output folder.
    public static let manifestName = ".build-site-manifest"
    static let manifestHeader = "# build-site manifest: files written by the last build (do not edit)"

    /// Writes `site` into `output`, removing the files of the previous build that are gone.
    ///
    /// The folder changes as a whole: every new or changed file is first written into the staging folder
    /// (`.build-site-staging/`, see `OutputStaging`), so a full disk or any write error is found before a
    /// published file changes; then a journal is written and the files are renamed into place in one short
    /// pass (`OutputJournal`). A build killed during that pass is completed by the next one, first thing.
    /// - Parameter lock: the lock on `output` when the caller already holds it (the CLI takes it before
    ///   building); otherwise it is taken here.
    /// - Parameter unchanged: files and folders the caller found as the last build left them (`SessionCache`):
    ///   not read or listed again while their stamps are the same (`Unchanged`).
    /// - Throws: `Diagnostic` naming the output path when the folder is not ours or a write fails.
    public static func write(_ site: BuiltSite, to output: URL, force: Bool = false,
                             lock: OutputLock? = nil, unchanged: Unchanged = Unchanged()) throws(Diagnostic) -> SyncReport {
        let root = output.standardizedFileURL
        let paths = site.files.keys.sorted()
        // A newline byte first: Foundation's `contains` alone took 10,000 instructions a path.
        for path in paths where !isSafeRelativePath(path) || path.utf8.contains(UInt8(ascii: "\n")) && path.contains("\n")
            || path == OutputStaging.folderName || path.hasPrefix(OutputStaging.folderName + "/") {
            throw Diagnostic(file: nil, message: "refusing to write '\(path)': it would leave the output folder")
        }
        var held = lock
        if held == nil { held = try OutputLock.acquire(root, creating: true) }
        defer { withExtendedLifetime(held) {} }
        // A build killed during its rename pass is completed before anything else is looked at.
        try OutputJournal.recover(in: root)
        let (previous, startsEmpty) = try prepareRoot(root, force: force)
        let published = previous.filter { $0.hasSuffix(".html") }.count
        if site.pageCount == 0, published > 0 {
            throw Diagnostic(file: root.path,
                             message: "the site has no pages, but the last build here published \(published) HTML files; "
                                 + "refusing to remove them",
                             notes: ["check content/; to publish an empty site on purpose, delete the output folder first"])
        }
        OutputStaging.clear(in: root)
        let settled = startsEmpty || unchanged.isEmpty ? [] : unchanged.settledFolders(in: root.path)
        // Output folders left by a killed build of an older version hold `.<name>.tmp-<pid>` files instead.
        let realFolders = startsEmpty ? [] : removeLeftoverTemporaries(for: paths, in: root, skipping: settled)

        var report = SyncReport()
        let owned = Set(previous)
        let comparisons = try compareFiles(paths, of: site, in: root, knownFolders: realFolders,
                                           unchanged: settled.isEmpty ? nil : (unchanged, settled))
        var changed: [String] = []
        var conflicts: [String] = []
        for (path, comparison) in zip(paths, comparisons) {
            switch comparison {
            case .same: report.unchanged += 1
            case .absent: changed.append(path)
            case .different:
                if owned.contains(path) { changed.append(path) } else { conflicts.append(path) }
            }
        }
        if !conflicts.isEmpty { throw overwriteRefusal(conflicts, in: root) }

        let current = Set(paths)
        let stale = previous.sorted().filter { !current.contains($0) }
        // Nothing to change, the manifest included: the folder is left exactly as it is.
        if changed.isEmpty && stale.isEmpty && previous == paths { return report }
        let journal = OutputJournal(moves: changed, removals: stale, manifest: paths)
        try OutputStaging.stage(changed, of: site, in: root)
        let passStart = ContinuousClock.now
        let passCPUStart = StepClock.processCPUTime()
        report.removed = try journal.commit(in: root)
        report.renamePass = ContinuousClock.now - passStart
        report.renamePassCPU = StepClock.processCPUTime() - passCPUStart
        report.written = changed
        return report
    }

    /// Completes the rename pass of a build that was killed during it (see `OutputJournal`); does nothing
    /// when there is none. The caller holds the folder's `OutputLock`.
    public static func recover(_ output: URL) throws(Diagnostic) {
        try OutputJournal.recover(in: output.standardizedFileURL)
    }

    /// The error for files the build would overwrite that no build of ours wrote: listed, none touched.
    private static func overwriteRefusal(_ conflicts: [String], in root: URL) -> Diagnostic {
        let shown = conflicts.prefix(20).map { "would overwrite \($0)" }
        let more = conflicts.count > 20 ? ["… and \(conflicts.count - 20) more like it"] : []
        let noun = conflicts.count == 1 ? "file" : "files"
        return Diagnostic(
            file: root.path,
            message: "refusing to overwrite \(conflicts.count) \(noun) that build-site did not write (not in "
                + "\(manifestName)); nothing was changed",
            notes: shown + more + ["move or delete them, then build again: not even --force overwrites a file "
                + "the build did not write, unless it already has exactly the new bytes"])
    }

    /// Reads the old manifest, creating the folder when it does not exist.
    /// Returns the previous build's manifest, and whether the output folder is empty (made just now, or
    /// found with nothing in it but the lock's and staging's own entries).
    private static func prepareRoot(_ root: URL, force: Bool) throws(Diagnostic) -> (previous: [String], startsEmpty: Bool) {
        let fm = FileManager.default
        let manifest = root.appendingPathComponent(manifestName)
        if let text = try? String(contentsOf: manifest, encoding: .utf8) {
            let previous = manifestLines(text).filter { !$0.hasPrefix("#") && !$0.isEmpty && isSafeRelativePath($0) }
            return (previous, false)
        }
        // A first build killed before its manifest was renamed into place leaves only our temporary manifest.
        removeLeftoverTemporaries(for: [manifestName], in: root)
        let entries = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0 != OutputStaging.folderName }
        if !entries.isEmpty && !force {
            throw Diagnostic(
                file: root.path,
                message: "the output folder is not empty and was not written by build-site (no \(manifestName)); "
                    + "refusing to touch it",
                notes: ["pass --force to build into it anyway: files the build does not produce are then left alone, "
                    + "and a file it would overwrite stops the build unless it already has the new bytes"])
        }
        return ([], entries.isEmpty)
    }

    /// The manifest's lines, as `split(separator: "\n")` cuts them: on the bytes (by `Character`, it was 2 M
    /// instructions a build), unless the text holds a carriage return, which makes "\r\n" one `Character`.
    static func manifestLines(_ text: String) -> [String] {
        if text.utf8.contains(UInt8(ascii: "\r")) { return text.split(separator: "\n").map(String.init) }
        return text.utf8.split(separator: UInt8(ascii: "\n")).map { String(Substring($0)) }
    }

    /// Removes a file listed in the manifest, then any folders it leaves empty. Never follows links.
    static func removeOwnedFile(_ path: String, in root: URL) throws(Diagnostic) -> Bool {
        let target = root.appendingPathComponent(path)
        var components = path.split(separator: "/").map(String.init)
        // A manifest entry whose parent folder is now a link (or a file) is not ours to chase.
        var parent = root
        for component in components.dropLast() {
            parent = parent.appendingPathComponent(component)
            if isSymbolicLink(parent.path) { return false }
        }
        components.removeLast()
        var info = stat()
        guard lstat(target.path, &info) == 0 else {
            // Already gone: a build killed between removing the file and its folders left them empty.
            if errno == ENOENT { removeEmptyFolders(components, in: root) }
            return false
        }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        guard isRegular || isLink else { return false }
        if unlink(target.path) != 0 {
            throw Diagnostic(file: target.path, message: "cannot remove stale file: \(String(cString: strerror(errno)))")
        }
        removeEmptyFolders(components, in: root)
        return true
    }

    /// Removes the folder `components` names and then its parents, innermost first, while they are empty.
    /// rmdir only succeeds on an empty folder: a folder holding anything else is left alone.
    private static func removeEmptyFolders(_ components: [String], in root: URL) {
        var components = components
        while !components.isEmpty {
            let folder = root.appendingPathComponent(components.joined(separator: "/"))
            if rmdir(folder.path) != 0 { break }
            components.removeLast()
        }
    }

    /// Replaces the manifest; written in the staging folder first, so a kill leaves no temporary beside it.
    static func writeManifest(_ paths: [String], in root: URL) throws(Diagnostic) {
        let text = ([manifestHeader] + paths).joined(separator: "\n") + "\n"
        let target = root.appendingPathComponent(manifestName)
        if isSymbolicLink(target.path) {
            throw Diagnostic(file: target.path, message: "refusing to write through a symbolic link in the output folder")
        }
        let staged = join(OutputStaging.folder(in: root), manifestName)
        try atomicWrite(Data(text.utf8), to: staged)
        if rename(staged, target.path) != 0 {
            throw Diagnostic(file: target.path, message: "cannot move the new file into place: \(String(cString: strerror(errno)))")
        }
    }

    /// A path inside the output: relative, no empty, `.` or `..` components, no backslashes or NULs.
    static func isSafeRelativePath(_ path: String) -> Bool {
        // Checked for every file of every build: plain ASCII (every generated path) is checked on bytes,
        // where the rules below mean the same; anything else goes through them as written.
        if path.utf8.allSatisfy({ $0 < 0x80 }) { return isSafeASCIIPath(path) }
        if path.isEmpty || path.hasPrefix("/") || path.contains("\\") || path.contains("\0") { return false }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return !components.contains { $0.isEmpty || $0 == "." || $0 == ".." } && path != manifestName
    }

    private static func isSafeASCIIPath(_ path: String) -> Bool {
        let bytes = path.utf8
        guard let first = bytes.first, first != UInt8(ascii: "/"), path != manifestName else { return false }
        var componentLength = 0
        var dots = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"), 0: return false
            case UInt8(ascii: "/"):
                if componentLength == 0 || componentLength == dots && dots <= 2 { return false }
                componentLength = 0
                dots = 0
            default:
                componentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return !(componentLength == 0 || componentLength == dots && dots <= 2)
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
