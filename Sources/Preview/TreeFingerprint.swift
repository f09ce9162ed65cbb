import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cheap summary of the site's inputs: one `lstat` per entry, no file is read.
///
/// Any create, delete, rename, write or `touch` changes some entry's size, times or inode, so comparing two
/// fingerprints tells whether anything changed. It also lists the folders, for the inotify watches.
struct TreeFingerprint: Equatable, Sendable {
    var value: Int
    var directories: [String]
    /// Whether an entry is a symbolic link or a file with more than one name: a change through the link's target
    /// or the other name reaches no watch, so the watcher cannot say which files changed (`ChangeSignal.takeChanges`).
    var hasLinks = false

    /// The inputs of a site under `root`: `content/`, `templates/`, `static/`, `data/`, `i18n/` and `site.yml`.
    static func inputs(of root: URL) -> [String] {
        ["content", "templates", "static", "data", "i18n", "site.yml"].map { root.appendingPathComponent($0).path }
    }

    /// Stats every entry under `paths` (missing ones count as missing, so creating them is a change).
    static func make(paths: [String]) -> TreeFingerprint {
        var hasher = Hasher()
        var directories: [String] = []
        var links = false
        for path in paths { visit(path, into: &hasher, directories: &directories, links: &links) }
        return TreeFingerprint(value: hasher.finalize(), directories: directories, hasLinks: links)
    }

    private static func visit(_ path: String, into hasher: inout Hasher, directories: inout [String], links: inout Bool) {
        hasher.combine(path)
        var info = stat()
        guard lstat(path, &info) == 0 else {
            hasher.combine(-1)
            return
        }
        hasher.combine(UInt64(info.st_mode))
        hasher.combine(UInt64(info.st_ino))
        hasher.combine(Int64(info.st_size))
        #if canImport(Darwin)
        hasher.combine(info.st_mtimespec.tv_sec)
        hasher.combine(info.st_mtimespec.tv_nsec)
        hasher.combine(info.st_ctimespec.tv_sec)
        hasher.combine(info.st_ctimespec.tv_nsec)
        #else
        hasher.combine(info.st_mtim.tv_sec)
        hasher.combine(info.st_mtim.tv_nsec)
        hasher.combine(info.st_ctim.tv_sec)
        hasher.combine(info.st_ctim.tv_nsec)
        #endif
        let kind = info.st_mode & S_IFMT
        if kind == S_IFLNK || (kind == S_IFREG && info.st_nlink > 1) { links = true }
        guard kind == S_IFDIR else { return }
        directories.append(path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names.sorted() {
            visit(path + "/" + name, into: &hasher, directories: &directories, links: &links)
        }
    }
}
