import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The staging folder, `.build-site-staging/` at the top of the output: where new and changed files are
/// written before any of them is renamed into place.
///
/// Writing every file here first means a full disk or any other write error is found while the published
/// files are all still the old ones. The folder is inside the output so that the rename pass stays on one file
/// system (a rename cannot cross one), and it is one folder, so that cleaning up after a killed build is
/// removing it: no temporary file is ever left beside a published one. Files are named by their position in
/// the journal (`0`, `1`, …), plus `journal` itself (`OutputJournal`).
enum OutputStaging {
    static let folderName = ".build-site-staging"

    static func folder(in root: URL) -> String {
        OutputSync.join(root.path, folderName)
    }

    /// Writes the bytes of each of `paths` (in order) to the staging folder as `0`, `1`, …, on all cores.
    /// - Throws: the first failure in path order, after removing the staging folder: the output is unchanged.
    static func stage(_ paths: [String], of site: BuiltSite, in root: URL) throws(Diagnostic) {
        let staging = folder(in: root)
        guard mkdir(staging, 0o700) == 0 else {
            throw Diagnostic(file: staging, message: "cannot create the staging folder: \(String(cString: strerror(errno)))")
        }
        let folder = StagingFolderDescriptor(staging)
        let failures = Array(paths.indices).concurrentMap { index -> Diagnostic? in
            guard let data = site.files[paths[index]] else { return nil }
            return writeNew(data, to: String(index), in: folder, naming: OutputSync.join(root.path, paths[index]))
        }
        withExtendedLifetime(folder) {}
        if let failure = failures.lazy.compactMap({ $0 }).first {
            clear(in: root)
            throw failure
        }
    }

    /// Removes the staging folder and the regular files in it; never follows a link.
    static func clear(in root: URL) {
        let staging = folder(in: root)
        var info = stat()
        guard lstat(staging, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        if let stream = opendir(staging) {
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard name != ".", name != ".." else { continue }
                let path = OutputSync.join(staging, name)
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR { unlink(path) }
            }
            closedir(stream)
        }
        rmdir(staging)
    }

    /// Creates `path` (which must not exist) with `data`. Returns the failure, naming the published file.
    private static func writeNew(_ data: Data, to name: String, in folder: StagingFolderDescriptor,
                                 naming target: String) -> Diagnostic? {
        let descriptor = openat(folder.descriptor, folder.relative(name), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            return Diagnostic(file: target, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let result = Glibc.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += result
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            return Diagnostic(file: target, message: "cannot write: \(String(cString: strerror(failure)))",
                              notes: ["nothing in the output folder was changed"])
        }
        return nil
    }
}
