import Foundation

/// Lists the regular files under a folder, sorted, without following symbolic links out of it.
///
/// Used for `templates/` and `static/`; `content/` is read by the Content module with its own checks.
enum SourceTree {
    struct File: Sendable {
        var url: URL
        /// Path inside the folder with `/` separators: `partials/nav.html`.
        var relativePath: String
    }

    static func files(under folder: URL) -> [File] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                                             options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path
        var files: [File] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            files.append(File(url: url, relativePath: String(path.dropFirst(base.count + 1))))
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }
}
