import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where an output folder may not be: on the site's own sources, on the root, on `/` or the home folder.
///
/// A sync writes, renames and removes files; pointed at the wrong folder (`--output content`, `--output ~`,
/// `--output .`) it would mix generated files into what the user owns, or with `--force` adopt it. So these
/// are refused with or without `--force`, comparing real paths (every symbolic link resolved), before
/// anything is built:
/// - the output is, contains or lies inside a source: `content/`, `templates/`, `static/`, `data/`, `i18n/`
///   or `site.yml`;
/// - the output is or contains the root itself, `/`, or the user's home folder;
/// - the default output `<root>/site` is a symbolic link that leads outside the root (allowed only when
///   `--output` names it explicitly).
public enum OutputPlacement {
    /// The root's entries that hold what the user wrote.
    static let sources = ["content", "templates", "static", "data", "i18n", "site.yml"]

    /// Why `output` may not be written, or nil.
    /// - Parameters:
    ///   - explicit: whether the user named the output (`--output`); the default is `<root>/site`.
    ///   - home: the user's home folder (`$HOME`), if known.
    public static func problem(output: URL, root: URL, explicit: Bool, home: String?) -> Diagnostic? {
        let rootPath = realPath(root.standardizedFileURL.path)
        let outputPath = realPath(output.standardizedFileURL.path)
        let shown = output.standardizedFileURL.path
        if !explicit, OutputSync.isSymbolicLink(output.standardizedFileURL.path), !isInside(outputPath, rootPath) {
            return Diagnostic(file: shown, message: "the output folder is a symbolic link to '\(outputPath)', outside the site's root; "
                                  + "refusing to write there", notes: ["name it with --output to build there on purpose"])
        }
        if outputPath == "/" {
            return refusal(shown, "is the file system's root, /")
        }
        if isInside(rootPath, outputPath) {
            return refusal(shown, outputPath == rootPath ? "is the site's root folder" : "contains the site's root folder")
        }
        for name in sources {
            let source = realPath(rootPath + "/" + name)
            if outputPath == source { return refusal(shown, "is the site's \(name)") }
            if isInside(outputPath, source) { return refusal(shown, "lies inside the site's \(name)") }
            if isInside(source, outputPath) { return refusal(shown, "contains the site's \(name)") }
        }
        if let home, !home.isEmpty, isInside(realPath(home), outputPath) {
            return refusal(shown, outputPath == realPath(home) ? "is your home folder" : "contains your home folder")
        }
        return nil
    }

    private static func refusal(_ path: String, _ reason: String) -> Diagnostic {
        Diagnostic(file: path, message: "the output folder \(reason); refusing to write there, even with --force",
                   notes: ["choose an output folder of its own, such as <root>/site"])
    }

    /// Whether `path` is `folder` or lies below it (both real, absolute paths).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// `path` with every symbolic link resolved, as far as it exists; the rest appended as written.
    static func realPath(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            let url = URL(fileURLWithPath: existing)
            let parent = url.deletingLastPathComponent().path
            if parent == existing || existing.isEmpty { return path }
            rest.append(url.lastPathComponent)
            existing = parent
        }
    }
}
