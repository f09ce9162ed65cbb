import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Comparing the files themselves: every file of the site against the output, on all cores.
///
/// A large site is ten thousand files in ten thousand folders, so the cost is system calls, not bytes:
/// each folder is checked once rather than once per file below it (`FolderCheck`), a file in a folder that
/// does not exist yet is not looked for, and a file is compared with one `open`, one `fstat` (a different
/// size needs no read) and `read`s into a buffer, never a `Data`. Nothing is written here: what differs is
/// staged and renamed into place afterwards (`OutputStaging`, `OutputJournal`).
extension OutputSync {
    /// What the output holds where a file of the site goes.
    enum FileComparison: Equatable { case same, different, absent }

    /// Compares every file of `site` with what is at its place under `root`, in parallel, in the order of `paths`.
    ///
    /// - Throws: the `Diagnostic` of the first path, in the order of `paths`, whose place cannot take a file: a
    ///   parent that is a link or a file, a link or a folder where the file goes.
    /// - Parameter knownFolders: folders just found to be real folders (not links) all the way down.
    static func compareFiles(_ paths: [String], of site: BuiltSite, in root: URL,
                             knownFolders: Set<String> = [],
                             unchanged: (files: Unchanged, folders: Set<String>)? = nil) throws(Diagnostic) -> [FileComparison] {
        let rootPath = root.path
        let folders = FolderCheck(root: rootPath, known: knownFolders)
        let stop = FirstFailure()
        let outcomes = Array(paths.indices).concurrentMap { index -> Result<FileComparison, Diagnostic>? in
            // Files after a failed one are not started; files before it all are, so the failure reported
            // below is the first in path order.
            if stop.isBefore(index) { return nil }
            let path = paths[index]
            guard let data = site.files[path] else { return nil }
            if let unchanged, unchanged.files.isUnchanged(path, data: data, root: rootPath, folders: unchanged.folders) {
                return .success(.same)
            }
            do throws(Diagnostic) {
                guard try folders.exists(parentsOf: path) else { return .success(.absent) }
                let target = join(rootPath, path)
                switch sameBytes(data, at: target) {
                case .same: return .success(.same)
                case .different: return .success(.different)
                case .absent: return .success(.absent)
                case .symbolicLink:
                    throw Diagnostic(file: target, message: "refusing to write through a symbolic link in the output folder")
                case .folder:
                    throw Diagnostic(file: target, message: "expected a file here, found a folder")
                }
            } catch {
                stop.record(index)
                return .failure(error)
            }
        }
        var result: [FileComparison] = []
        result.reserveCapacity(outcomes.count)
        for outcome in outcomes {
            switch outcome {
            case .success(let comparison)?: result.append(comparison)
            case .failure(let diagnostic)?: throw diagnostic
            case nil: break
            }
        }
        return result
    }

    /// `root/path`, the way `URL.appendingPathComponent(path).path` spells it (diagnostics name it).
    static func join(_ root: String, _ path: String) -> String {
        root.hasSuffix("/") ? root + path : root + "/" + path
    }

    private enum Comparison { case same, different, absent, symbolicLink, folder }

    /// Compares the file at `path` with `data` without following a link and without reading a file whose
    /// size differs. Anything else that is not a readable regular file counts as different (it is replaced).
    private static func sameBytes(_ data: Data, at path: String) -> Comparison {
        // O_NONBLOCK: a FIFO someone left in the output must not hang the build; it is replaced like any other.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP, isSymbolicLink(path) { return .symbolicLink }
            return code == ENOENT ? .absent : .different
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .different }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .folder }
        guard (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else {
            return .different
        }
        if data.isEmpty { return .same }
        // A heap buffer, not withUnsafeTemporaryAllocation: for a size known only at run time that asks
        // whether the stack has room, three system calls per file. 64 KiB stays below malloc's mmap threshold.
        let chunk = min(data.count, 1 << 16)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        return data.withUnsafeBytes { expected -> Comparison in
            guard let expectedBase = expected.baseAddress, let bufferBase = buffer.baseAddress else { return .different }
            var offset = 0
            while offset < expected.count {
                let count = read(descriptor, bufferBase, min(chunk, expected.count - offset))
                if count < 0, errno == EINTR { continue }
                guard count > 0, memcmp(bufferBase, expectedBase + offset, count) == 0 else { return .different }
                offset += count
            }
            return .same
        }
    }

    /// Writes to a temporary sibling and renames it over the target: readers see the old file or the new one.
    ///
    /// Plain POSIX `open`/`write`/`close`, not `Data.write(to:)`: Foundation's write calls `fsync` on every
    /// file, which made syncing 10,000 pages take longer than building them. The rename is what gives
    /// readers whole files; durability against power loss is the file system's ordinary business.
    static func atomicWrite(_ data: Data, to target: String) throws(Diagnostic) {
        let slash = target.lastIndex(of: "/").map { target.index(after: $0) } ?? target.startIndex
        let temporary = String(target[..<slash]) + "." + String(target[slash...]) + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Diagnostic(file: target, message: "cannot write: \(String(cString: strerror(errno)))")
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
            unlink(temporary)
            throw Diagnostic(file: target, message: "cannot write: \(reason)")
        }
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Diagnostic(file: target, message: "cannot move the new file into place: \(reason)")
        }
    }
}

/// The lowest index of a file that failed in a parallel sync, so the workers start no file after it.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var lowest = Int.max

    /// Whether a file before `index` has failed.
    func isBefore(_ index: Int) -> Bool { lock.withLock { lowest < index } }
    func record(_ index: Int) { lock.withLock { lowest = min(lowest, index) } }
}
