import Foundation
import Site

/// The example site `build-site init` writes: the files of `Sources/BuildSiteCLI/Starter/`, shipped beside the
/// executable as this target's SwiftPM resource bundle, so that they stay ordinary files in the repository.
struct Starter {
    /// Root-relative paths and contents, sorted by path.
    let files: [(path: String, data: Data)]

    /// The bundle SwiftPM copies next to the executable (and next to the test runner).
    static let bundleName = "build-site_BuildSiteCLI.resources"

    /// Reads the starter files from the resource bundle.
    /// - Throws: a `Diagnostic` naming where the bundle was looked for, when it is not there (a binary copied
    ///   without its `build-site_BuildSiteCLI.resources` folder).
    static func load() throws(Diagnostic) -> Starter {
        let places = searchFolders()
        guard let folder = places.map({ $0.appendingPathComponent(bundleName).appendingPathComponent("Starter") })
            .first(where: isDirectory) else {
            throw Diagnostic(file: nil, message: "the starter site's files are missing: \(bundleName)/Starter was not found",
                             notes: ["looked in " + places.map(\.path).joined(separator: ", "),
                                     "keep the \(bundleName) folder next to the build-site executable"])
        }
        var files: [(path: String, data: Data)] = []
        let base = folder.standardizedFileURL.path + "/"
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base), let data = FileManager.default.contents(atPath: path) else {
                throw Diagnostic(file: nil, message: "cannot read the starter file \(path)")
            }
            files.append((String(path.dropFirst(base.count)), data))
        }
        return Starter(files: files.sorted { $0.path < $1.path })
    }

    /// The executable's folder, as `Bundle.main` and as the resolved path of the executable itself (a symbolic
    /// link in `/usr/local/bin` to the build folder still finds the bundle).
    private static func searchFolders() -> [URL] {
        var folders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent(),
           !folders.contains(executable) {
            folders.append(executable)
        }
        return folders
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
