import Foundation
import SiteInputs

/// One folder of the site's sources that a step reads whole (`data/`, `i18n/`): listed and read through
/// `SiteInputs`, so every read is recorded; a problem on the way is a diagnostic, never a thrown error.
struct InputFolder {
    let inputs: SiteInputs
    /// Every file under the folder, in path order (none when it does not exist).
    let files: [SiteInputs.File]
    /// What could not be listed (a link leading out of the root, a loop).
    let problems: [Diagnostic]

    /// - Throws: when the site's root itself cannot be opened.
    init(_ folder: String, root: URL, log: ReadLog?) throws(BuildFailure) {
        do {
            inputs = try SiteInputs(root: root, log: log)
        } catch {
            throw BuildFailure(diagnostics: [Diagnostic(file: nil, message: error.message)])
        }
        let listing = inputs.files(under: folder)
        files = listing.files
        problems = listing.errors.map { Diagnostic(file: $0.path, message: $0.message) }
    }

    /// The bytes of `file`, or nil when it cannot be read, with the reason added to `diagnostics`.
    func read(_ file: SiteInputs.File, into diagnostics: inout [Diagnostic]) -> [UInt8]? {
        do {
            return try inputs.read(file)
        } catch {
            diagnostics.append(Diagnostic(file: error.path, message: error.message))
            return nil
        }
    }
}
