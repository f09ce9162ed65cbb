import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on an output folder, held from before the build until its files are in place.
///
/// Two builds into one folder would otherwise interleave their renames and both exit 0. The lock is taken on
/// the folder itself (opened read-only), so it adds no file that a host would serve; a deploy script can take
/// the same lock with `flock site/ rsync …`. The kernel releases it when the process ends, killed or not.
public final class OutputLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Locks `folder`, or fails at once when another process holds the lock.
    /// - Parameter creating: make the folder first when it does not exist (only when about to write into it:
    ///   a build that fails must not leave a new empty folder behind).
    /// - Returns: nil when `folder` does not exist and `creating` is false.
    /// - Throws: `Diagnostic` naming the folder when it cannot be made or opened, or another build holds it.
    public static func acquire(_ folder: URL, creating: Bool) throws(Diagnostic) -> OutputLock? {
        let path = folder.path
        var info = stat()
        if stat(path, &info) != 0 {
            guard creating else { return nil }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw Diagnostic(file: path, message: "cannot create the output folder: \(error.localizedDescription)")
            }
        } else if (info.st_mode & S_IFMT) != S_IFDIR {
            throw Diagnostic(file: path, message: "the output path exists and is not a folder")
        }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Diagnostic(file: path, message: "cannot open the output folder: \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(descriptor)
            if busy {
                throw Diagnostic(file: path, message: "another build is writing to this output folder right now; "
                                     + "nothing was changed", notes: ["build again once it has finished"])
            }
            throw Diagnostic(file: path, message: "cannot lock the output folder: \(reason)")
        }
        return OutputLock(descriptor: descriptor)
    }
}
