import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing the files themselves: compare and write every file on all cores, making its folders on the way.
///
/// A large site is ten thousand files in ten thousand folders, so the cost is system calls, not bytes:
/// each folder is checked (and made) once rather than once per file below it (`FolderMaker`), a file in a
/// folder just made is not compared, and a file is compared with one `open`, one `fstat` (a different size
/// needs no read) and `read`s into a buffer, never a `Data`. Folders are made by whichever core gets there
/// first, so making them (one at a time: the kernel locks the parent) overlaps with writing files.
extension OutputSync {
    /// Compares and writes every file of `site` under `root`, in parallel. Returns, in the order of `paths`,
    /// whether each was written (true) or already had exactly these bytes (false).
    ///
    /// - Throws: the `Diagnostic` of the first path, in the order of `paths`, that could not be written —
    ///   the same one a one-by-one sync in that order stops at (later files, and their folders, may have
    ///   been written by then).
    /// - Parameter knownFolders: folders just found to be real folders (not links) all the way down.
    static func syncFiles(_ paths: [String], of site: BuiltSite, in root: URL,
                          knownFolders: Set<String> = []) throws(Diagnostic) -> [(String, Bool)] {
        let rootPath = root.path
        let folders = FolderMaker(root: rootPath, known: knownFolders)
        let stop = FirstFailure()
        let outcomes = Array(paths.indices).concurrentMap { index -> Result<Bool, Diagnostic>? in
            // Files after a failed one are not started; files before it all are, so the failure reported
            // below is the first in path order, as in a one-by-one sync.
            if stop.isBefore(index) { return nil }
            let path = paths[index]
            guard let data = site.files[path] else { return nil }
            do throws(Diagnostic) {
                // A folder this sync has just made is empty: nothing in it to compare with.
                let isNew = try folders.prepare(path)
                return .success(try writeIfChanged(data, to: join(rootPath, path), isNew: isNew))
            } catch {
                stop.record(index)
                return .failure(error)
            }
        }
        var result: [(String, Bool)] = []
        result.reserveCapacity(outcomes.count)
        for (path, outcome) in zip(paths, outcomes) {
            switch outcome {
            case .success(let wrote)?: result.append((path, wrote))
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

    /// Writes one file unless its bytes on disk are already the same. Returns whether it wrote.
    private static func writeIfChanged(_ data: Data, to target: String, isNew: Bool) throws(Diagnostic) -> Bool {
        switch isNew ? .different : sameBytes(data, at: target) {
        case .same: return false
        case .symbolicLink:
            throw Diagnostic(file: target, message: "refusing to write through a symbolic link in the output folder")
        case .different:
            try atomicWrite(data, to: target)
            return true
        }
    }

    private enum Comparison { case same, different, symbolicLink }

    /// Compares the file at `path` with `data` without following a link and without reading a file whose
    /// size differs. Anything that is not a readable regular file counts as different (it is replaced).
    private static func sameBytes(_ data: Data, at path: String) -> Comparison {
        // O_NONBLOCK: a FIFO someone left in the output must not hang the build; it is replaced like any other.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ELOOP, isSymbolicLink(path) { return .symbolicLink }
            return .different
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else {
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
