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
        let (previous, startsEmpty) = try prepareRoot(root, force: force)

        // Record everything this run may create before creating it: a build killed half-way still leaves
        // a manifest that covers its files, so the next build can clean up after it.
        // With no previous build (a first build, the one that writes the most) that is `paths`, already sorted.
        let union = previous.isEmpty ? paths : Set(previous).union(paths).sorted()
        // An empty output folder (most often one made a moment ago) holds no leftovers to look for: the search
        // checks every folder the site writes to, serially, which a first build of a large site would wait for.
        let realFolders = startsEmpty ? [] : removeLeftoverTemporaries(for: union, in: root)
        if union != previous.sorted() {
            try writeManifest(union, in: root)
        }

        var report = SyncReport()
        for (path, wrote) in try syncFiles(paths, of: site, in: root, knownFolders: realFolders) {
            if wrote { report.written.append(path) } else { report.unchanged += 1 }
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
    /// Returns the previous build's manifest, and whether the output folder is empty (made just now, or
    /// found with nothing in it).
    private static func prepareRoot(_ root: URL, force: Bool) throws(Diagnostic) -> (previous: [String], startsEmpty: Bool) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if !fm.fileExists(atPath: root.path, isDirectory: &isDirectory) {
            do {
                try fm.createDirectory(at: root, withIntermediateDirectories: true)
            } catch {
                throw Diagnostic(file: root.path, message: "cannot create the output folder: \(error.localizedDescription)")
            }
            return ([], true)
        }
        guard isDirectory.boolValue else {
            throw Diagnostic(file: root.path, message: "the output path exists and is not a folder")
        }
        let manifest = root.appendingPathComponent(manifestName)
        if let text = try? String(contentsOf: manifest, encoding: .utf8) {
            let previous = text.split(separator: "\n").map(String.init)
                .filter { !$0.hasPrefix("#") && !$0.isEmpty && isSafeRelativePath($0) }
            return (previous, false)
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
        return ([], entries.isEmpty)
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

    private static func writeManifest(_ paths: [String], in root: URL) throws(Diagnostic) {
        let text = ([manifestHeader] + paths).joined(separator: "\n") + "\n"
        let target = root.appendingPathComponent(manifestName)
        if isSymbolicLink(target.path) {
            throw Diagnostic(file: target.path, message: "refusing to write through a symbolic link in the output folder")
        }
        try atomicWrite(Data(text.utf8), to: target.path)
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
