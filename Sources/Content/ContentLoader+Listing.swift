import Foundation
import SiteInputs

extension ContentLoader {
    /// What a walk of `content/` records in a `ReadLog` now (`ContentTree`'s own rules: which names are pages,
    /// which are assets, which are skipped), for comparing with a past build's log; nil when the walk found a
    /// problem, which a build would report (so the folder counts as changed).
    public static func contentListing(root: URL) -> ReadLog.Entry? {
        let log = ReadLog()
        let tree = ContentTree(root: root, log: log)
        guard tree.errors.isEmpty else { return nil }
        return log.snapshot[ContentTree.folder + "/"]
    }
}
