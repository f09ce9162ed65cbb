import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat` said about each file a session's next build may read, and when it was asked: lets
/// `InputChanges` skip reading a file that has not been touched since.
///
/// Taken by `InputChanges.since` before it checks a file and before the build that follows reads it. When a
/// later check finds the same device, inode, type, size, modification and change times, the file has not been
/// written since (every write, rename onto it or `chmod` sets its change time, which no program can set back),
/// so it holds what the build that followed this stamp read, and what the log says. Two guards make this exact:
/// - **Racy stamps are not trusted** (as Git's index): a file changed within `margin` of the stamp could be
///   changed again within the same tick of the file system's clock, with the same times, so such a stamp
///   vouches for nothing and the file is read.
/// - **Only plain paths.** A stamp is kept only for a regular file (not a symbolic link) whose folders up to
///   the root are real folders, not links, and the root's real path is the same: `SiteInputs` then reads that
///   very file, and not another one a retargeted link now leads to.
/// A file without a stamp, or whose stamp differs, is read and compared by fingerprint as before.
struct InputStamps: Sendable {
    /// The `lstat` fields compared (`FileStamp`, which the CLI's cache keeps too).
    typealias Stamp = FileStamp

    /// Nanoseconds since 1970 (the file system's clock) just before the stamps were taken.
    var taken: Int64
    /// The root's real path when they were taken.
    var realRoot: String
    /// Root-relative path → stamp.
    var files: [String: Stamp]

    /// How close to `taken` a file's times may be before its stamp is not trusted: more than a tick of the
    /// kernel's coarse clock, which file times come from.
    static let margin: Int64 = 1_000_000_000

    /// Whether `now` shows that `path` has not changed since this stamp was taken.
    func vouches(for path: String, now: Stamp) -> Bool {
        guard let old = files[path], old == now else { return false }
        return max(old.modified, old.changed) < taken - Self.margin
    }

    /// The time on the file system's clock, in nanoseconds since 1970.
    static func clock() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// The root's real path, or nil when it has none.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The stamp of the regular file at `path` (absolute), or nil for anything else (a link, a folder, none).
    static func stamp(_ path: String) -> Stamp? {
        guard let stamp = FileStamp.of(path), stamp.isRegularFile else { return nil }
        return stamp
    }

    /// Whether the root-relative file `path` sits in one of `folders` (`plainFolders`), or at the root.
    static func isPlain(_ path: String, folders: Set<String>) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        return folders.contains(String(path[..<slash]))
    }

    /// The folders of `paths` (root-relative files) that are real folders all the way up to the root: a file
    /// in any other folder gets no stamp.
    static func plainFolders(of paths: [String], root: String) -> Set<String> {
        var folders = Set<String>()
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                folders.insert(String(folder))
            }
        }
        var plain = Set<String>()
        // Shortest first, so each folder's parent is decided before it.
        for folder in folders.sorted(by: { $0.count < $1.count }) {
            let parent = folder.lastIndex(of: "/").map { String(folder[..<$0]) }
            if let parent, !plain.contains(parent) { continue }
            var info = stat()
            if lstat(root + "/" + folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { plain.insert(folder) }
        }
        return plain
    }
}
