import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The site's root folder, and the one place that reads files from it.
///
/// Every source a build uses (`site.yml`, `content/`, `templates/`, `static/`, data files, images) is read
/// through here, for two reasons:
/// - **Nothing from outside gets in.** A symbolic link is followed only while its target stays inside the
///   root; one that leads out is an `InputError` naming the link and its target, wherever it sits.
/// - **Every read is recorded.** Given a `ReadLog`, each file read and folder listed is logged with a
///   fingerprint, so an incremental rebuild knows exactly what a build depended on.
///
/// Paths are root-relative with `/` separators (`templates/base.html`); `..`, absolute paths and empty
/// segments are refused, so no spelling of a path can leave the root either.
public struct SiteInputs: Sendable {
    /// The root as given (standardized): where paths are joined, and what messages show.
    public let root: URL
    /// The root with every symbolic link resolved: what "inside the root" is measured against.
    public let resolvedRoot: String
    /// Where reads are recorded, when someone is listening.
    public let log: ReadLog?

    /// Opens the root; it must exist and be a folder.
    public init(root: URL, log: ReadLog? = nil) throws(InputError) {
        self.root = root.standardizedFileURL
        self.log = log
        let shown = root.path
        guard let resolved = SiteInputs.realPath(self.root.path) else {
            let code = errno
            throw InputError(code == ELOOP ? .loop : .missing, path: shown,
                             message: code == ELOOP ? "the site's root folder is a symbolic link loop"
                                                    : "the site's root folder does not exist")
        }
        var info = stat()
        guard stat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw InputError(.notAFile, path: shown, message: "the site's root is not a folder")
        }
        resolvedRoot = resolved
    }

    /// The absolute path of a root-relative one, without resolving anything: for reading a path that
    /// `resolve` or `files(under:)` has already checked.
    public func location(of path: String) -> String {
        path.isEmpty ? root.path : root.path + "/" + path
    }

    /// Whether an absolute, fully resolved path is the root or lies inside it.
    public func contains(resolved path: String) -> Bool {
        path == resolvedRoot || path.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/")
    }

    // MARK: - Single paths

    /// What is at a root-relative path, after checking that every symbolic link on the way stays inside
    /// the root: `nil` when nothing is there (recorded as absent, so creating it later counts as a change).
    public func kind(of path: String) throws(InputError) -> FileKind? {
        try SiteInputs.checkSyntax(path)
        let full = location(of: path)
        guard let resolved = SiteInputs.realPath(full) else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                // A missing file is an answer; a broken link on the way is worth saying so.
                if let link = brokenLink(in: path) {
                    throw InputError(.missing, path: link.path, target: link.target,
                                     message: "broken symbolic link: its target '\(link.target)' does not exist")
                }
                log?.record(path, .absent)
                return nil
            }
            throw SiteInputs.failure(code, path: path)
        }
        try checkInside(path: path, resolved: resolved)
        var info = stat()
        guard stat(resolved, &info) == 0 else { throw SiteInputs.failure(errno, path: path) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// The bytes of the file at a root-relative path, recorded in the log.
    public func read(_ path: String) throws(InputError) -> [UInt8] {
        switch try kind(of: path) {
        case .file?: break
        case nil: throw InputError(.missing, path: path, message: "no such file")
        case .folder?: throw InputError(.notAFile, path: path, message: "this is a folder, not a file")
        case .other?: throw InputError(.notAFile, path: path, message: "not a regular file (a device, socket or pipe?)")
        }
        return try readChecked(path)
    }

    /// The bytes of a file that `files(under:)` listed (its links already checked), recorded in the log.
    public func read(_ file: File) throws(InputError) -> [UInt8] {
        try readChecked(file.path)
    }

    /// The bytes of a file at a root-relative path whose symbolic links a walk of the caller's own already
    /// checked (as `ContentTree` does for `content/`), recorded in the log. Nothing is resolved again: a
    /// parallel read of 10,000 pages costs one `open` each.
    public func read(walked path: String) throws(InputError) -> [UInt8] {
        try readChecked(path)
    }

    private func readChecked(_ path: String) throws(InputError) -> [UInt8] {
        guard let bytes = SiteInputs.contents(atPath: location(of: path)) else {
            throw SiteInputs.failure(errno, path: path)
        }
        log?.record(path, .file(fingerprint: ReadLog.fingerprint(bytes)))
        return bytes
    }

    // MARK: - Checks

    /// Refuses `..`, absolute paths, empty segments and NUL: a root-relative path names one place inside.
    static func checkSyntax(_ path: String) throws(InputError) {
        if path.isEmpty { return }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || path.utf8.contains(0)
            || segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            throw InputError(.notAFile, path: path, message: "not a plain path inside the site's root")
        }
    }

    /// Throws `.outsideRoot` naming the first symbolic link on `path` that leads out of the root.
    func checkInside(path: String, resolved: String) throws(InputError) {
        guard !contains(resolved: resolved) else { return }
        let segments = path.split(separator: "/")
        for count in 1...max(segments.count, 1) {
            let prefix = segments.prefix(count).joined(separator: "/")
            let full = location(of: prefix)
            guard let target = SiteInputs.linkTarget(full) else { continue }
            if let end = SiteInputs.realPath(full), contains(resolved: end) { continue }
            throw InputError(.outsideRoot, path: prefix, target: target,
                             message: "symbolic link leads outside the site's root (to '\(target)'); "
                                 + "copy the file into the site instead")
        }
        throw InputError(.outsideRoot, path: path, target: resolved,
                         message: "resolves outside the site's root (to '\(resolved)')")
    }

    /// The first symbolic link on `path` whose target does not exist, if any.
    private func brokenLink(in path: String) -> (path: String, target: String)? {
        let segments = path.split(separator: "/")
        for count in 1...max(segments.count, 1) {
            let prefix = segments.prefix(count).joined(separator: "/")
            let full = location(of: prefix)
            var info = stat()
            guard lstat(full, &info) == 0 else { return nil }
            if info.st_mode & S_IFMT == S_IFLNK, stat(full, &info) != 0, let target = SiteInputs.linkTarget(full) {
                return (prefix, target)
            }
        }
        return nil
    }

    static func failure(_ code: Int32, path: String) -> InputError {
        switch code {
        case ELOOP: return InputError(.loop, path: path, message: "symbolic link loop: the link resolves to itself")
        case ENOENT, ENOTDIR: return InputError(.missing, path: path, message: "no such file")
        case EACCES: return InputError(.unreadable, path: path, message: "cannot read: permission denied")
        default: return InputError(.unreadable, path: path, message: "cannot read: " + String(cString: strerror(code)))
        }
    }
}

/// What a path holds.
public enum FileKind: Sendable, Equatable {
    case file, folder, other
}
