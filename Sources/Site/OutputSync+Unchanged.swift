import Foundation

extension OutputSync {
    /// Output files and folders that the caller found as the last build left them (`SessionCache`, by their
    /// stamps), so that the sync need not read them again.
    ///
    /// A file counts as unchanged only when the site hands in the very bytes read back from it (the same storage,
    /// kept alive here, so no other bytes can take its address), every folder above it is still the folder that
    /// was checked, and its stamp (`FileStamp`) is still the same, looked at again when the sync runs: an edit
    /// made by hand during the build is found and undone as in a full sync. A folder whose stamp is the same has
    /// had no entry added or removed, so it holds no temporary file of a killed build to clean up.
    public struct Unchanged: Sendable {
        struct File: Sendable {
            var data: Data
            var stamp: FileStamp
            var fingerprint: UInt64
        }

        var files: [String: File] = [:]
        /// Folders relative to the output ("" is the output folder), with their stamps.
        var folders: [String: FileStamp] = [:]

        public init() {}

        var isEmpty: Bool { files.isEmpty && folders.isEmpty }

        /// The folders whose stamps are still the same now.
        func settledFolders(in root: String) -> Set<String> {
            let entries = Array(folders)
            let same = entries.concurrentMap { entry in
                FileStamp.of(entry.key.isEmpty ? root : OutputSync.join(root, entry.key)) == entry.value
            }
            return Set(zip(entries, same).compactMap { $1 ? $0.key : nil })
        }

        /// Whether `data` is the unchanged file at `path` (see above); `folders` from `settledFolders`.
        func isUnchanged(_ path: String, data: Data, root: String, folders: Set<String>) -> Bool {
            guard let known = files[path], Self.sameStorage(known.data, data),
                  ParentFolders(of: path).allSatisfy({ folders.contains(String($0)) }) else { return false }
            return FileStamp.of(OutputSync.join(root, path)) == known.stamp
        }

        /// The fingerprint of `path` when `data` is the very bytes read back from it.
        func fingerprint(of path: String, _ data: Data) -> UInt64? {
            guard let known = files[path], Self.sameStorage(known.data, data) else { return nil }
            return known.fingerprint
        }

        static func sameStorage(_ first: Data, _ second: Data) -> Bool {
            guard first.count == second.count else { return false }
            if first.isEmpty { return true }
            return first.withUnsafeBytes { a in second.withUnsafeBytes { b in a.baseAddress == b.baseAddress } }
        }
    }
}
