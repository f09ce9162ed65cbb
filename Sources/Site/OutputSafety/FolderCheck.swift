import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks, without changing anything, that the folders above a file of the output can hold it.
///
/// Used before a single file is staged: a parent that is a symbolic link (it could point anywhere) or a
/// file is an error found while the output is still untouched, not half-way through the rename pass. A
/// missing folder is fine (the rename pass makes it), and nothing below it needs comparing. Each folder is
/// looked at once; the answers are shared by all cores.
final class FolderCheck: @unchecked Sendable {
    private let root: String
    private let lock = NSLock()
    /// Folders (relative to the root) known: true when they exist as real folders, false when absent.
    private var known: [Substring: Bool] = [:]
    private var failures: [Substring: Diagnostic] = [:]

    /// - Parameter known: folders already found to be real folders all the way down.
    init(root: String, known folders: Set<String> = []) {
        self.root = root
        for folder in folders { known[Substring(folder)] = true }
    }

    /// Whether every parent folder of `path` exists (false: one is missing, so the file is new).
    /// - Throws: the `Diagnostic` of the first parent that is a link or a file.
    func exists(parentsOf path: String) throws(Diagnostic) -> Bool {
        for folder in ParentFolders(of: path) {
            if let failure = lock.withLock({ failures[folder] }) { throw failure }
            if let exists = lock.withLock({ known[folder] }) {
                if !exists { return false }
                continue
            }
            let exists: Bool
            do {
                exists = try Self.isFolder(OutputSync.join(root, String(folder)))
            } catch {
                lock.withLock { failures[folder] = error }
                throw error
            }
            lock.withLock { known[folder] = exists }
            if !exists { return false }
        }
        return true
    }

    /// Whether `path` is a real folder (false: nothing is there). Throws for a link or a file.
    static func isFolder(_ path: String) throws(Diagnostic) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            throw Diagnostic(file: path, message: "refusing to write through a symbolic link in the output folder")
        }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            throw Diagnostic(file: path, message: "expected a folder here, found a file")
        }
        return true
    }
}
