import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes the folders of the output, each once, for the files that the output sync writes in parallel.
///
/// A folder is checked the first time a file below it comes by: a symbolic link is refused (it could point
/// anywhere), so is a file, and a missing folder is made. The answer is kept, so the ten thousand files
/// of a large site cost one `lstat` or `mkdir` per folder, not per file and parent.
///
/// The lock guards only what is known; the system calls run outside it. Holding it across `mkdir` made
/// every other core sleep on it while one folder was made (a tenth of writing a large site went to waking
/// threads). Two files may now race to make the same folder: one `mkdir` wins, the other finds the folder
/// there and checks it like any existing folder, which is also all it needs.
final class FolderMaker: @unchecked Sendable {
    private let root: String
    private let lock = NSLock()
    /// Folders (relative to the root) known to be real folders, not links.
    private var ready: Set<Substring> = []
    /// Folders this sync made: empty when made, so nothing in them needs comparing.
    private var made: Set<Substring> = []
    /// Folders that failed, with the error every file below them reports.
    private var failures: [Substring: Diagnostic] = [:]

    /// - Parameter known: folders already checked (by the search for leftover temporary files a moment ago).
    init(root: String, known: Set<String> = []) {
        self.root = root
        ready = Set(known.map { Substring($0) })
    }

    /// Makes sure every parent folder of `path` is a real folder. Returns whether its own folder was
    /// made by this sync.
    /// - Throws: the `Diagnostic` of the first parent that is a link, a file, or cannot be made.
    func prepare(_ path: String) throws(Diagnostic) -> Bool {
        var parentIsNew = false
        for folder in ParentFolders(of: path) {
            switch known(folder) {
            case .failed(let failure): throw failure
            case .ready(let isNew):
                parentIsNew = isNew
                continue
            case .unknown:
                break
            }
            do {
                parentIsNew = try make(folder, insideNewFolder: parentIsNew)
            } catch {
                lock.withLock { failures[folder] = error }
                throw error
            }
            lock.withLock {
                ready.insert(folder)
                if parentIsNew { made.insert(folder) }
            }
        }
        return parentIsNew
    }

    private enum Knowledge { case unknown, ready(isNew: Bool), failed(Diagnostic) }

    private func known(_ folder: Substring) -> Knowledge {
        lock.withLock {
            if let failure = failures[folder] { return .failed(failure) }
            if ready.contains(folder) { return .ready(isNew: made.contains(folder)) }
            return .unknown
        }
    }

    /// Checks or makes one folder. Returns whether it made it.
    private func make(_ folder: Substring, insideNewFolder: Bool) throws(Diagnostic) -> Bool {
        let current = OutputSync.join(root, String(folder))
        // Inside a folder made a moment ago nothing can be in the way: try to make it straight away.
        if insideNewFolder, mkdir(current, 0o777) == 0 { return true }
        if try FolderCheck.isFolder(current) { return false }
        if mkdir(current, 0o777) == 0 { return true }
        // Another core made it between our `lstat` and `mkdir`.
        if errno == EEXIST, try FolderCheck.isFolder(current) { return false }
        // Let Foundation say why, in the words the sync has always used.
        do {
            try FileManager.default.createDirectory(atPath: current, withIntermediateDirectories: false)
        } catch {
            throw Diagnostic(file: current, message: "cannot create folder: \(error.localizedDescription)")
        }
        return false
    }
}
