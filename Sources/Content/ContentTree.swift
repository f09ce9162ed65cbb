import Foundation
import SiteInputs
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The files under `content/`, classified, without reading them.
///
/// The walk is done by hand (not `FileManager.enumerator`) so that every odd entry becomes an
/// error naming the file instead of a crash or a hang: symlinks are followed, but a symlink loop,
/// a broken symlink, a FIFO or a directory that points back at one of its ancestors is reported.
/// Names starting with `.` are skipped (editor and OS litter). Entries are visited in sorted order. A symbolic
/// link is followed only when it stays inside the site's root (checked by `SiteInputs`); one that leads out is an
/// error naming the link and its target.
struct ContentTree {
    /// A Markdown file to parse.
    struct SourceFile: Sendable {
        /// Root-relative path, "content/timeline/x.md".
        var path: String
        /// Path components below `content/`, e.g. ["timeline", "x.md"].
        var components: [String]
    }

    static let folder = "content"

    private(set) var markdown: [SourceFile] = []
    private(set) var assets: [Asset] = []
    /// Folders directly under `content/` that hold at least one Markdown file.
    private(set) var collections: [String] = []
    private(set) var errors: [ContentError] = []
    /// The root-confined reader, for checking where symbolic links lead and reading the pages found.
    private var inputs: SiteInputs?

    /// Walks `<root>/content`. A missing folder (or a `content` link that leads nowhere) is an error, never
    /// an empty site: an empty site would make the output sync remove every published page. Reads are
    /// recorded in `log`, when given.
    init(root: URL, log: ReadLog? = nil) {
        // Plain path strings below this point: building a `URL` per entry cost more than the `stat`.
        let base = root.appendingPathComponent(ContentTree.folder, isDirectory: true).path
        if let problem = ContentTree.missingFolder(base) {
            errors.append(problem)
            return
        }
        do {
            inputs = try SiteInputs(root: root, log: log)
            _ = try inputs?.kind(of: ContentTree.folder)
        } catch {
            errors.append(ContentError(.unreadable, file: error.path, message: error.message))
            return
        }
        guard let identity = ContentTree.identity(of: base) else {
            errors.append(ContentError(.unreadable, file: ContentTree.folder, message: "content is not a readable folder"))
            return
        }
        walk(base, components: [], ancestors: [identity])
        // Listed like `SiteInputs.files(under:)` records a folder: a page added or removed later is a change.
        log?.record(ContentTree.folder + "/", .folder(files: (markdown.map(\.path) + assets.map(\.source)).sorted()))
    }

    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private mutating func walk(_ directory: String, components: [String], ancestors: Set<Identity>) {
        let displayDirectory = ([ContentTree.folder] + components).joined(separator: "/")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            errors.append(ContentError(.unreadable, file: displayDirectory,
                                       message: "cannot list folder: \(error.localizedDescription)"))
            return
        }
        let statuses = ContentTree.status(of: names, in: directory)
        for (name, status) in zip(names, statuses) where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let parts = components + [name]
            let display = displayDirectory + "/" + name
            // Every name becomes part of an output path and a URL.
            if let reason = PageRoute.problem(inSegment: name) {
                errors.append(ContentError(.path, file: display, message: "name cannot be part of a URL: \(reason)"))
                continue
            }
            let info: stat
            switch status {
            case .success(let found) where found.isLink:
                do {
                    _ = try inputs?.kind(of: display)
                } catch {
                    errors.append(ContentError(.unreadable, file: error.path, message: error.message))
                    continue
                }
                info = found.info
            case .success(let found): info = found.info
            case .failure(let code):
                errors.append(ContentError(.unreadable, file: display, message: ContentTree.statFailure(code.value)))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                guard !ancestors.contains(identity) else {
                    errors.append(ContentError(.unreadable, file: display,
                                               message: "symlink loop: this folder points back to one of its parents"))
                    continue
                }
                let before = markdown.count
                walk(path, components: parts,
                     ancestors: ancestors.union([identity]))
                if components.isEmpty, markdown.count > before { collections.append(name) }
            case S_IFREG:
                add(file: path, components: parts, display: display)
            default:
                errors.append(ContentError(.unreadable, file: display,
                                           message: "not a regular file or folder (a device, socket or pipe?)"))
            }
        }
    }

    private mutating func add(file path: String, components: [String], display: String) {
        guard let name = components.last, name.lowercased().hasSuffix(".md") else {
            assets.append(Asset(source: display, output: components.joined(separator: "/")))
            return
        }
        guard components.count <= 2 else {
            errors.append(ContentError(.nesting, file: display,
                                       message: "Markdown pages may sit only in content/ or content/<collection>/, not deeper",
                                       notes: ["move it to content/\(components[0])/\(name), or rename it to keep it as a copied file"]))
            return
        }
        markdown.append(SourceFile(path: display, components: components))
    }

    /// The bytes of a Markdown file the walk listed, through `SiteInputs` (recorded in its log); the walk
    /// already checked where its links lead, so nothing is resolved again.
    func read(_ file: SourceFile) throws(InputError) -> [UInt8] {
        guard let inputs else { throw InputError(.missing, path: file.path, message: "no such file") }
        return try inputs.read(walked: file.path)
    }

    /// Why `stat` failed: its `errno`.
    private struct StatError: Error {
        var value: Int32
    }

    /// `stat` of every name in `directory` (following symlinks), in parallel: on a large folder the
    /// calls were most of the walk. Names are looked up relative to the open folder, so the path to
    /// it is not resolved again for each; the full path is the fallback when the folder cannot be opened.
    private static func status(of names: [String], in directory: String) -> [Result<(info: stat, isLink: Bool), StatError>] {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if descriptor >= 0 { close(descriptor) } }
        return Parallel.map(names) { name in
            var info = stat()
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            // The entry itself first: a symbolic link is then followed, and checked by the walk.
            var result = descriptor >= 0 ? fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) : lstat(path, &info)
            let isLink = result == 0 && info.st_mode & S_IFMT == S_IFLNK
            if isLink { result = descriptor >= 0 ? fstatat(descriptor, name, &info, 0) : stat(path, &info) }
            return result == 0 ? .success((info, isLink)) : .failure(StatError(value: errno))
        }
    }

    /// Why `content/` cannot be walked at all, if it cannot: absent, or a link that is broken or loops.
    private static func missingFolder(_ base: String) -> ContentError? {
        var info = stat()
        if stat(base, &info) == 0 { return nil }
        let code = errno
        var linkInfo = stat()
        guard lstat(base, &linkInfo) == 0, linkInfo.st_mode & S_IFMT == S_IFLNK else {
            return ContentError(.missingFolder, file: ContentTree.folder,
                                message: "there is no content/ folder in the site's root; refusing to build an empty site",
                                notes: ["check --root, or create content/ with at least an index.md"])
        }
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: base)) ?? "?"
        let reason = code == ELOOP ? "a symlink loop" : "a broken symlink"
        return ContentError(.missingFolder, file: ContentTree.folder,
                            message: "content is \(reason) (it points to '\(target)'); refusing to build an empty site")
    }

    private static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private static func statFailure(_ code: Int32) -> String {
        switch code {
        case ELOOP: return "symlink loop: the link resolves to itself"
        case ENOENT: return "broken symlink: its target does not exist"
        case EACCES: return "cannot read: permission denied"
        default: return "cannot read: " + String(cString: strerror(code))
        }
    }
}
