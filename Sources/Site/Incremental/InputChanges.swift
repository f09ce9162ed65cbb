import Content
import Foundation
import SiteInputs

/// Which of a past build's inputs are no longer what that build read: the paths of its `ReadLog` whose file
/// bytes, folder listing or absence differ on disk now.
///
/// The log is the authority: every source a build reads goes through `SiteInputs`, which records it, so a
/// path that is not in the log (and not in a folder it lists) cannot affect the output. Each entry is checked
/// the way it was recorded: files read again through `SiteInputs` (links still confined to the root),
/// `content/` walked again by `ContentTree`'s own rules, other folders listed again. Anything that cannot be
/// checked counts as changed, so a doubt costs work and never exactness.
struct InputChanges: Sendable {
    /// Root-relative paths (a folder with its trailing `/`), sorted.
    var paths: [String]
    /// What `lstat` said about every file of the log just before it was checked (`InputStamps`), for the next
    /// check; nil when not taken.
    var stamps: InputStamps?

    var isEmpty: Bool { paths.isEmpty }

    /// Whether every change is to a Markdown page under `content/` or to the `content/` listing itself.
    /// What such a change can do to another page's Markdown is all in the tables `MarkdownMemo` keys on
    /// (URLs, sources, assets); anything else (a template, a static file, an image, `site.yml`) may be
    /// read by any page's Markdown, so the memo is dropped.
    var touchesOnlyPages: Bool { paths.allSatisfy(Self.isPage) }

    static func isPage(_ path: String) -> Bool {
        path == "content/" || (path.hasPrefix("content/") && path.hasSuffix(".md"))
    }

    /// Compares `reads` (a past build's `ReadLog.snapshot`) with the disk under `root`, on all cores. A file
    /// whose `lstat` is what `stamps` (the last check's) says, and not racily so, is not read (`InputStamps`);
    /// the result carries this check's stamps.
    static func since(_ reads: [String: ReadLog.Entry], root: URL, stamps: InputStamps? = nil) -> InputChanges {
        guard let inputs = try? SiteInputs(root: root) else { return InputChanges(paths: reads.keys.sorted()) }
        let entries = Array(reads)
        let taken = InputStamps.clock()
        let rootPath = root.path
        let realRoot = InputStamps.realPath(rootPath)
        let files = entries.compactMap { entry -> String? in if case .file = entry.value { entry.key } else { nil } }
        let plain = realRoot == nil ? [] : InputStamps.plainFolders(of: files, root: rootPath)
        let trusted = stamps.flatMap { $0.realRoot == realRoot ? $0 : nil }
        let checked = entries.concurrentMap { entry -> (changed: String?, stamp: InputStamps.Stamp?) in
            var stamp: InputStamps.Stamp?
            if case .file = entry.value, realRoot != nil, InputStamps.isPlain(entry.key, folders: plain) {
                // Taken before the file is read, here or by the build that follows.
                stamp = InputStamps.stamp(rootPath + "/" + entry.key)
                if let stamp, trusted?.vouches(for: entry.key, now: stamp) == true { return (nil, stamp) }
            }
            let same = Self.current(entry.key, like: entry.value, inputs: inputs, root: root) == entry.value
            return (same ? nil : entry.key, stamp)
        }
        var next = InputStamps(taken: taken, realRoot: realRoot ?? "", files: [:])
        next.files.reserveCapacity(checked.count)
        for (position, result) in checked.enumerated() {
            if let stamp = result.stamp { next.files[entries[position].key] = stamp }
        }
        return InputChanges(paths: checked.compactMap(\.changed).sorted(), stamps: realRoot == nil ? nil : next)
    }

    /// The paths whose entries differ between two logs (present in one only, or recorded differently).
    ///
    /// `new` is compared with `old` first; when each of its paths is in `old` and the logs have as many, they have
    /// the same paths, and comparing `old` with `new` would find the same differences again (ten thousand
    /// lookups after every body edit's build).
    static func between(_ old: [String: ReadLog.Entry], _ new: [String: ReadLog.Entry]) -> InputChanges {
        var paths = Set<String>()
        var newOnly = 0
        for (path, entry) in new {
            let was = old[path]
            guard was != entry else { continue }
            paths.insert(path)
            if was == nil { newOnly += 1 }
        }
        if newOnly > 0 || old.count != new.count {
            for (path, entry) in old where new[path] != entry { paths.insert(path) }
        }
        return InputChanges(paths: paths.sorted())
    }

    /// What a build reading `path` the way `entry` was recorded would record now; nil when it would fail.
    static func current(_ path: String, like entry: ReadLog.Entry, inputs: SiteInputs, root: URL) -> ReadLog.Entry? {
        if path == "content/" { return ContentLoader.contentListing(root: root) }
        let isFolder = path.hasSuffix("/")
        let target = isFolder ? String(path.dropLast()) : path
        let kind: FileKind?
        do {
            kind = try inputs.kind(of: target)
        } catch {
            return nil
        }
        switch kind {
        case nil: return .absent
        case .folder? where isFolder:
            let listing = inputs.files(under: target)
            return listing.errors.isEmpty ? .folder(files: listing.files.map(\.path)) : nil
        case .file? where !isFolder:
            guard let bytes = try? inputs.read(target) else { return nil }
            return .file(fingerprint: ReadLog.fingerprint(bytes))
        default:
            return nil
        }
    }
}
