import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The staging folder held open, so that each staged file is opened and renamed by its bare name (`openat`,
/// `renameat`) instead of by a path the kernel walks from `/` for each of ten thousand files.
///
/// When the folder cannot be opened (it is then about to fail anyway), names fall back to whole paths from
/// the working folder, which is what the calls did before: the outcome never depends on the descriptor.
final class StagingFolderDescriptor: Sendable {
    /// The staging folder's path, for whole paths and diagnostics.
    let path: String
    /// The open folder, or `AT_FDCWD` when it could not be opened.
    let descriptor: Int32

    /// Opens `path` as a folder, never through a symbolic link.
    init(_ path: String) {
        self.path = path
        let opened = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        descriptor = opened >= 0 ? opened : AT_FDCWD
    }

    deinit {
        if descriptor != AT_FDCWD { close(descriptor) }
    }

    /// The name to hand `openat`/`renameat` with `descriptor` for the staged file `name`.
    func relative(_ name: String) -> String {
        descriptor == AT_FDCWD ? OutputSync.join(path, name) : name
    }
}
