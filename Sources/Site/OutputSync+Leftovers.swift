import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Cleaning up after a killed build: the `.<name>.tmp-<pid>` files it left next to the files it was writing.
extension OutputSync {
    /// Removes the temporary files a killed build left behind (`.<name>.tmp-<pid>` next to a file the
    /// manifest covers), so that the next build completes the update cleanly.
    ///
    /// Only exact matches of our own pattern, for names we write, are touched, only regular files (never
    /// a link), and only when the process that made them is gone: a build running at the same moment keeps
    /// its files. Every build lists every folder it writes to (ten thousand on a large site), so the folders
    /// are checked once each, parents before children, and listed with `readdir` on all cores.
    /// - Parameter skipping: folders known to have had no entry added since the last build wrote them
    ///   (`Unchanged.settledFolders`): not listed.
    /// - Returns: the folders (relative to the root) found to be real folders all the way down, so that
    ///   writing the files need not check them again.
    @discardableResult
    static func removeLeftoverTemporaries(for paths: [String], in root: URL, skipping: Set<String> = []) -> Set<String> {
        var namesByFolder: [String: Set<String>] = [:]
        for path in paths {
            let (folder, name) = folderAndName(path)
            guard !name.isEmpty else { continue }
            namesByFolder[folder, default: []].insert(name)
        }
        let rootPath = root.path
        var isRealFolder: [String: Bool] = ["": true]
        let folders = namesByFolder.keys.sorted().filter { folder in
            isRealFolderAllTheWay(folder, in: rootPath, known: &isRealFolder) && !skipping.contains(folder)
        }
        let names = namesByFolder
        _ = folders.concurrentMap { folder -> Int in
            let directory = folder.isEmpty ? rootPath : join(rootPath, folder)
            var removed = 0
            for entry in hiddenEntries(of: directory) {
                guard let (name, pid) = temporaryParts(entry), names[folder]?.contains(name) == true,
                      !isRunning(pid) else { continue }
                let path = join(directory, entry)
                var info = stat()
                if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && unlink(path) == 0 {
                    removed += 1
                }
            }
            return removed
        }
        return Set(isRealFolder.compactMap { $0.value && !$0.key.isEmpty ? $0.key : nil })
    }

    /// A relative path's folder and last component, split at its last "/" (on the bytes: splitting by
    /// `Character` cost ten thousand instructions a path): "a/b/c.html" → ("a/b", "c.html"), "c.html" →
    /// ("", "c.html"). The output's paths are checked (`isSafeRelativePath`): no empty component.
    static func folderAndName(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
    }

    /// `.index.html.tmp-1234` → ("index.html", 1234); nil for anything else.
    static func temporaryParts(_ entry: String) -> (name: String, pid: pid_t)? {
        guard entry.hasPrefix("."), let marker = entry.range(of: ".tmp-", options: .backwards) else { return nil }
        let name = entry[entry.index(after: entry.startIndex)..<marker.lowerBound]
        let digits = entry[marker.upperBound...]
        guard !name.isEmpty, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let pid = pid_t(digits), pid > 0 else { return nil }
        return (String(name), pid)
    }

    private static func isRunning(_ pid: pid_t) -> Bool {
        if pid == getpid() { return false }
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    /// True when `folder` (relative to root) and each of its parents is a folder, not a symbolic link,
    /// and exists. `known` remembers the answer for every folder asked about, so each is looked at once.
    private static func isRealFolderAllTheWay(_ folder: String, in root: String, known: inout [String: Bool]) -> Bool {
        if let answer = known[folder] { return answer }
        var answer = isRealFolderAllTheWay(folderAndName(folder).folder, in: root, known: &known)
        if answer {
            var info = stat()
            answer = lstat(join(root, folder), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }
        known[folder] = answer
        return answer
    }

    /// The names in `directory` that start with "." (other than "." and ".."): the only ones that can be
    /// our temporary files, so no `String` is made for the rest.
    static func hiddenEntries(of directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> String? in
                guard let base = raw.baseAddress, raw.first == UInt8(ascii: ".") else { return nil }
                let text = String(cString: base.assumingMemoryBound(to: CChar.self))
                return text == "." || text == ".." ? nil : text
            }
            if let name { names.append(name) }
        }
        return names
    }
}
