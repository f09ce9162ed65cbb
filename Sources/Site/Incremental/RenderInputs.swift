import Foundation
import SiteInputs
import Templates

/// What a render used besides its context and the values it read: every template it looked up by name and
/// every file a filter read (`RecordedReads.templates`, `.files`, recorded where the lookup or the read
/// happens), each with the fingerprint it had then. Kept with a memo entry (`PageMemo`, `MarkdownMemo`) and
/// compared with the next build's (`RenderInputs.holds`).
struct TemplateInputs: Sendable {
    /// Template names with `TemplateSet.fingerprints` (a name looked up and not found: `RenderInputs.absent`).
    var templates: [(name: String, fingerprint: UInt64)]
    /// Root-relative paths with the fingerprint of the bytes the filter read (`ReadRecorder.unreadable`: none).
    var files: [(path: String, fingerprint: UInt64)]
}

/// One build's templates and files, as memo entries compare them: a template by its fingerprint (its source
/// and the settings of the filters every template is parsed with, `TemplateSet.fingerprints`), a file by the
/// bytes it has now, read through `SiteInputs` (so the read is in this build's log, as a render reading it
/// would be).
///
/// `@unchecked Sendable`: `templates` is written once, by the templates step, before any step that renders
/// (Markdown's components, pages) starts its threads, and only read after; `files` is behind `lock`.
final class RenderInputs: @unchecked Sendable {
    /// The fingerprint of a template name that is not there.
    static let absent: UInt64 = 1

    /// Whether an entry with no `TemplateInputs` may be reused: only when nothing but Markdown pages changed since the build that made it, so the templates
    /// and files it used are as they were.
    let trustsUntracked: Bool
    private let root: URL
    private let log: ReadLog?
    private var templates: [String: UInt64] = [:]
    private let lock = NSLock()
    private var files: [String: UInt64] = [:]

    init(root: URL, log: ReadLog?, trustsUntracked: Bool) {
        self.root = root
        self.log = log
        self.trustsUntracked = trustsUntracked
    }

    /// Takes this build's templates (the templates step, before anything renders).
    func use(_ set: TemplateSet) {
        templates = set.fingerprints
    }

    /// What `recorded` used, with this build's fingerprints.
    func capture(_ recorded: RecordedReads) -> TemplateInputs {
        TemplateInputs(templates: recorded.templates.map { ($0, templates[$0] ?? Self.absent) },
                       files: recorded.files.map { ($0.key, $0.value) })
    }

    /// Whether every template and file in `inputs` is what it was; for nil, `trustsUntracked`.
    func holds(_ inputs: TemplateInputs?) -> Bool {
        guard let inputs else { return trustsUntracked }
        for (name, fingerprint) in inputs.templates where (templates[name] ?? Self.absent) != fingerprint { return false }
        return holdsFiles(inputs)
    }

    /// Whether every file in `inputs` is what it was (its templates not compared: for an entry whose templates
    /// are known to be this build's, `PageMemo`'s when `isTemplates(_:)`).
    func holdsFiles(_ inputs: TemplateInputs) -> Bool {
        for (path, fingerprint) in inputs.files where file(path) != fingerprint { return false }
        return true
    }

    /// This build's templates with their fingerprints, for the next build to compare with (`isTemplates(_:)`).
    var fingerprints: [String: UInt64] { templates }

    /// Whether `other` (another build's `fingerprints`) is this build's templates, every one with the same
    /// fingerprint: then any name is found, or not, with the same fingerprint in both builds. False for nil.
    func isTemplates(_ other: [String: UInt64]?) -> Bool {
        other == templates
    }

    /// The fingerprint of the file at `path` now, as `ReadTracking.noteFile` takes it (read once a build).
    private func file(_ path: String) -> UInt64 {
        if let known = lock.withLock({ files[path] }) { return known }
        let fingerprint = (try? SourceTree.read(path, root: root, log: log)).map { ReadLog.fingerprint($0) } ?? ReadRecorder.unreadable
        lock.withLock { files[path] = fingerprint }
        return fingerprint
    }
}
