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
}

/// Brings an output folder in line with a built site, touching only what the build owns.
///
/// The rules come from how people lose data with static site generators: an output folder may be the only
/// deployed copy, or a folder named by mistake (`--output ~/Documents`). So:
/// - a manifest (`.build-site-manifest`) lists every file the last build wrote; only those are ever removed;
/// - a non-empty folder without a manifest is refused unless `force` is given;
/// - each file goes to a temporary name first and is renamed into place, so no reader sees half a file;
/// - nothing is written through a symbolic link, so nothing outside the folder is ever touched;
/// - a file whose bytes are unchanged is not rewritten (its mtime stays, and incremental deploys stay small).
public enum OutputSync {
    /// The manifest's file name inside the output folder.
    public static let manifestName = ".build-site-manifest"
    static let manifestHeader = "# build-site manifest: files written by the last build (do not edit)"

    /// Writes `site` into `output`, removing the files of the previous build that are gone.
    /// - Throws: `Diagnostic` naming the output path when the folder is not ours or a write fails.
    public static func write(_ site: BuiltSite, to output: URL, force: Bool = false) throws(Diagnostic) -> SyncReport {
        let root = output.standardizedFileURL
        let paths = site.files.keys.sorted()
        for path in paths where !isSafeRelativePath(path) {
            throw Diagnostic(file: nil, message: "refusing to write '\(path)': it would leave the output folder")
        }
        let previous = try prepareRoot(root, force: force)

        // Record everything this run may create before creating it: a build killed half-way still leaves
        // a manifest that covers its files, so the next build can clean up after it.
        let union = Set(previous).union(paths).sorted()
        removeLeftoverTemporaries(for: union, in: root)
        if union != previous.sorted() {
            try writeManifest(union, in: root)
        }

        var report = SyncReport()
        for path in paths {
            guard let data = site.files[path] else { continue }
            if try writeIfChanged(data, to: path, in: root) {
                report.written.append(path)
            } else {
                report.unchanged += 1
            }
        }

        let current = Set(paths)
        for path in previous.sorted() where !current.contains(path) {
            if try removeOwnedFile(path, in: root) {
                report.removed.append(path)
            }
        }
        if union != paths {
            try writeManifest(paths, in: root)
        }
        return report
    }

    /// Reads the old manifest, creating the folder when it does not exist.
    private static func prepareRoot(_ root: URL, force: Bool) throws(Diagnostic) -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if !fm.fileExists(atPath: root.path, isDirectory: &isDirectory) {
            do {
                try fm.createDirectory(at: root, withIntermediateDirectories: true)
            } catch {
                throw Diagnostic(file: root.path, message: "cannot create the output folder: \(error.localizedDescription)")
            }
            return []
        }
        guard isDirectory.boolValue else {
            throw Diagnostic(file: root.path, message: "the output path exists and is not a folder")
        }
        let manifest = root.appendingPathComponent(manifestName)
        if let text = try? String(contentsOf: manifest, encoding: .utf8) {
            return text.split(separator: "\n").map(String.init)
                .filter { !$0.hasPrefix("#") && !$0.isEmpty && isSafeRelativePath($0) }
        }
        // A first build killed before its manifest was renamed into place leaves only our temporary manifest.
        removeLeftoverTemporaries(for: [manifestName], in: root)
        let entries = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
        if !entries.isEmpty && !force {
            throw Diagnostic(
                file: root.path,
                message: "the output folder is not empty and was not written by build-site (no \(manifestName)); "
                    + "refusing to touch it",
                notes: ["pass --force to build into it anyway; files the build does not produce are then left alone"])
        }
        return []
    }

    /// Writes one file unless its bytes on disk are already the same. Returns whether it wrote.
    private static func writeIfChanged(_ data: Data, to path: String, in root: URL) throws(Diagnostic) -> Bool {
        let target = root.appendingPathComponent(path)
        try ensureDirectories(for: path, in: root)
        if isSymbolicLink(target.path) {
            throw Diagnostic(file: target.path, message: "refusing to write through a symbolic link in the output folder")
        }
        if let existing = FileManager.default.contents(atPath: target.path), existing == data {
            return false
        }
        try atomicWrite(data, to: target)
        return true
    }

    /// Creates the parent folders of `path`, refusing any that is a symbolic link (it could point anywhere).
    private static func ensureDirectories(for path: String, in root: URL) throws(Diagnostic) {
        var current = root
        let components = path.split(separator: "/").dropLast()
        for component in components {
            current = current.appendingPathComponent(String(component))
            if isSymbolicLink(current.path) {
                throw Diagnostic(file: current.path, message: "refusing to write through a symbolic link in the output folder")
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: current.path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue {
                    throw Diagnostic(file: current.path, message: "expected a folder here, found a file")
                }
                continue
            }
            do {
                try FileManager.default.createDirectory(at: current, withIntermediateDirectories: false)
            } catch {
                throw Diagnostic(file: current.path, message: "cannot create folder: \(error.localizedDescription)")
            }
        }
    }

    /// Removes the temporary files a killed build left behind (`.<name>.tmp-<pid>` next to a file the
    /// manifest covers), so that the next build completes the update cleanly.
    ///
    /// Only exact matches of our own pattern, for names we write, are touched, only regular files (never
    /// a link), and only when the process that made them is gone: a build running at the same moment keeps
    /// its files.
    private static func removeLeftoverTemporaries(for paths: [String], in root: URL) {
        var namesByFolder: [String: Set<String>] = [:]
        for path in paths {
            let parts = path.split(separator: "/")
            guard let name = parts.last else { continue }
            namesByFolder[parts.dropLast().joined(separator: "/"), default: []].insert(String(name))
        }
        for (folder, names) in namesByFolder {
            let directory = folder.isEmpty ? root : root.appendingPathComponent(folder)
            if folderIsLinkedOrMissing(folder, in: root) { continue }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            for entry in entries {
                guard let (name, pid) = temporaryParts(entry), names.contains(name), !isRunning(pid) else { continue }
                let path = directory.appendingPathComponent(entry).path
                var info = stat()
                if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG {
                    unlink(path)
                }
            }
        }
    }

    /// `.index.html.tmp-1234` → ("index.html", 1234); nil for anything else.
    static func temporaryParts(_ entry: String) -> (name: String, pid: pid_t)? {
        guard entry.hasPrefix("."), let marker = entry.range(of: ".tmp-", options: .backwards) else { return nil }
        let name = entry[entry.index(after: entry.startIndex)..<marker.lowerBound]
        let digits = entry[marker.upperBound...]
        guard !name.isEmpty, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let pid = pid_t(digits), pid > 0 else { return nil }
        return (String(name), pid)
    }

    private static func isRunning(_ pid: pid_t) -> Bool {
        if pid == getpid() { return false }
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    /// True when `folder` (relative to root) or one of its parents is a symbolic link, or it does not exist.
    private static func folderIsLinkedOrMissing(_ folder: String, in root: URL) -> Bool {
        var current = root
        for component in folder.split(separator: "/") {
            current = current.appendingPathComponent(String(component))
            var info = stat()
            guard lstat(current.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return true }
        }
        return false
    }

    /// Writes to a temporary sibling and renames it over the target: readers see the old file or the new one.
    ///
    /// Plain POSIX `open`/`write`/`close`, not `Data.write(to:)`: Foundation's write calls `fsync` on every
    /// file, which made syncing 10,000 pages take longer than building them. The rename is what gives
    /// readers whole files; durability against power loss is the file system's ordinary business.
    private static func atomicWrite(_ data: Data, to target: URL) throws(Diagnostic) {
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Diagnostic(file: target.path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        let written = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let result = Glibc.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += result
            }
            return true
        }
        let reason = String(cString: strerror(errno))
        if close(descriptor) != 0 || !written {
            unlink(temporary.path)
            throw Diagnostic(file: target.path, message: "cannot write: \(reason)")
        }
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw Diagnostic(file: target.path, message: "cannot move the new file into place: \(reason)")
        }
    }

    /// Removes a file listed in the manifest, then any folders it leaves empty. Never follows links.
    private static func removeOwnedFile(_ path: String, in root: URL) throws(Diagnostic) -> Bool {
        let target = root.appendingPathComponent(path)
        var components = path.split(separator: "/").map(String.init)
        // A manifest entry whose parent folder is now a link (or a file) is not ours to chase.
        var parent = root
        for component in components.dropLast() {
            parent = parent.appendingPathComponent(component)
            if isSymbolicLink(parent.path) { return false }
        }
        var info = stat()
        guard lstat(target.path, &info) == 0 else { return false }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        guard isRegular || isLink else { return false }
        if unlink(target.path) != 0 {
            throw Diagnostic(file: target.path, message: "cannot remove stale file: \(String(cString: strerror(errno)))")
        }
        components.removeLast()
        while !components.isEmpty {
            let folder = root.appendingPathComponent(components.joined(separator: "/"))
            // rmdir only succeeds on an empty folder: a folder holding anything else is left alone.
            if rmdir(folder.path) != 0 { break }
            components.removeLast()
        }
        return true
    }

    private static func writeManifest(_ paths: [String], in root: URL) throws(Diagnostic) {
        let text = ([manifestHeader] + paths).joined(separator: "\n") + "\n"
        let target = root.appendingPathComponent(manifestName)
        if isSymbolicLink(target.path) {
            throw Diagnostic(file: target.path, message: "refusing to write through a symbolic link in the output folder")
        }
        try atomicWrite(Data(text.utf8), to: target)
    }

    /// A path inside the output: relative, no empty, `.` or `..` components, no backslashes or NULs.
    static func isSafeRelativePath(_ path: String) -> Bool {
        if path.isEmpty || path.hasPrefix("/") || path.contains("\\") || path.contains("\0") { return false }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return !components.contains { $0.isEmpty || $0 == "." || $0 == ".." } && path != manifestName
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
