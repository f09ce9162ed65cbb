import Foundation
import SiteInputs

/// The file a diagnostic names, read for its source excerpt through `SiteInputs`, like every other read of
/// the site: an excerpt can never print a line of a file outside the root (a symbolic link that leads out,
/// an absolute path elsewhere). Shared by the terminal printer and the preview's error page.
public enum DiagnosticSource {
    /// Files larger than this get no excerpt.
    static let maxBytes = 50_000_000

    /// The bytes of `file` (root-relative, or absolute inside `root`), or nil when it cannot or must not be
    /// read. Not recorded in any `ReadLog`: the excerpt is not an input of the build.
    public static func bytes(of file: String, root: URL) -> [UInt8]? {
        guard let inputs = try? SiteInputs(root: root) else { return nil }
        var path = file
        if path.hasPrefix("/") {
            let prefix = inputs.root.path.hasSuffix("/") ? inputs.root.path : inputs.root.path + "/"
            guard path.hasPrefix(prefix) else { return nil }
            path = String(path.dropFirst(prefix.count))
        }
        guard let bytes = try? inputs.read(path), bytes.count < maxBytes else { return nil }
        return bytes
    }
}
