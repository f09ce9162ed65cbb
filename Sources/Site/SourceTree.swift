import Foundation
import SiteInputs

/// Lists and reads the files under `templates/` and `static/` through `SiteInputs`, the one root-confined reader.
///
/// Symbolic links are followed, files and folders alike, while they stay inside the site's root, exactly as
/// for `content/`; a link leading out of the root, a loop, a broken link or a device is a diagnostic naming it
/// (and, for a link out, its target). `content/` is read by the Content module with its own checks.
enum SourceTree {
    struct File: Sendable {
        /// Root-relative: `templates/partials/nav.html`.
        var path: String
        /// Path inside the folder with `/` separators: `partials/nav.html`.
        var relativePath: String
        /// The listed file, for reading it without checking its links again.
        var input: SiteInputs.File
    }

    /// Every regular file under the root-relative `folder`, sorted, and every problem met on the way.
    static func files(under folder: String, root: URL, log: ReadLog?) -> (files: [File], diagnostics: [Diagnostic]) {
        let inputs: SiteInputs
        do {
            inputs = try SiteInputs(root: root, log: log)
        } catch {
            return ([], [diagnostic(error)])
        }
        let listing = inputs.files(under: folder)
        return (listing.files.map { File(path: $0.path, relativePath: $0.relativePath, input: $0) }, listing.errors.map(diagnostic))
    }

    /// The bytes of a listed file.
    static func read(_ file: File, root: URL, log: ReadLog?) throws(BuildFailure) -> Data {
        do {
            return Data(try SiteInputs(root: root, log: log).read(file.input))
        } catch {
            throw BuildFailure(diagnostics: [diagnostic(error)])
        }
    }

    /// The bytes of the file at a root-relative path, checked on the way like a listed one.
    static func read(_ path: String, root: URL, log: ReadLog?) throws(InputError) -> Data {
        Data(try SiteInputs(root: root, log: log).read(path))
    }

    static func diagnostic(_ error: InputError) -> Diagnostic {
        Diagnostic(file: error.path, message: error.message)
    }
}
