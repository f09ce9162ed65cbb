import Foundation
import SiteInputs

extension InputChanges {
    /// Compares `reads` with the disk when a file watcher said which files were written since the last good
    /// build (`WatchedPaths`): only those, and every entry the watcher may not see, are checked.
    ///
    /// The watcher is sure only when no file or folder was created, deleted or renamed under its inputs, its
    /// queue did not overflow and the tree has no link (`ChangeSignal.takeChanges`). Then a folder's listing
    /// and an absence there are as they were, and so is every plain file (one with a stamp from the last full
    /// check, `InputStamps`: no link on its way) it did not name. Everything else is checked as `since` checks
    /// it: entries outside the watched inputs (`WatchedPaths.covers`), files without a stamp, and the named
    /// files. So walking `content/` again, most of a body edit's check, is skipped.
    ///
    /// The stamps carried on are the last check's without the named files', so a later full check reads those.
    /// Nil when the stamps are not there or were taken under another real root: check everything.
    static func since(_ reads: [String: ReadLog.Entry], root: URL, stamps: InputStamps?, watched: Set<String>) -> InputChanges? {
        guard var next = stamps, InputStamps.realPath(root.path) == next.realRoot,
              let inputs = try? SiteInputs(root: root) else { return nil }
        // What the watcher could vouch for, named or not: the named files among them are added after, so that
        // the ten thousand entries are not each looked up among the named ones.
        func vouchable(_ path: String, _ entry: ReadLog.Entry) -> Bool {
            WatchedPaths.covers(path) && (!isFile(entry) || next.files[path] != nil)
        }
        var unsure = reads.filter { !vouchable($0.key, $0.value) }
        for path in watched { if let entry = reads[path], vouchable(path, entry) { unsure[path] = entry } }
        var checked: [String] = []
        for (path, entry) in unsure {
            next.files[path] = nil
            if current(path, like: entry, inputs: inputs, root: root) != entry { checked.append(path) }
        }
        return InputChanges(paths: checked.sorted(), stamps: next)
    }

    private static func isFile(_ entry: ReadLog.Entry) -> Bool {
        if case .file = entry { true } else { false }
    }
}
