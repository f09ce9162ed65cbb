#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SiteInputs {
    /// A regular file found by `files(under:)`.
    public struct File: Sendable, Equatable {
        /// Root-relative: `templates/partials/nav.html`.
        public var path: String
        /// Below the folder walked: `partials/nav.html`.
        public var relativePath: String
    }

    /// What a walk found: every regular file, sorted by path, and every problem on the way (a symbolic
    /// link leading out of the root, a loop, a broken link, a device), so that one build reports them all.
    public struct Listing: Sendable {
        public var files: [File] = []
        public var errors: [InputError] = []
    }

    /// Every regular file below a root-relative folder, in sorted order; names starting with `.` are skipped.
    ///
    /// Symbolic links are followed, files and folders alike, while they stay inside the root; a folder that
    /// leads back to one of its parents is a `.loop` error. A missing folder is an empty listing (recorded as
    /// absent); a file in its place is an error.
    public func files(under folder: String) -> Listing {
        var listing = Listing()
        do {
            switch try kind(of: folder) {
            case nil: return listing
            case .folder?: break
            default:
                listing.errors.append(InputError(.notAFile, path: folder, message: "expected a folder here"))
                return listing
            }
        } catch {
            listing.errors.append(error)
            return listing
        }
        var info = stat()
        guard stat(location(of: folder), &info) == 0 else { return listing }
        walk(folder, below: "", ancestors: [Identity(info)], into: &listing)
        listing.files.sort { $0.path < $1.path }
        log?.record(folder + "/", .folder(files: listing.files.map(\.path)))
        return listing
    }

    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private func walk(_ folder: String, below relative: String, ancestors: Set<Identity>, into listing: inout Listing) {
        guard let names = SiteInputs.names(in: location(of: folder)) else {
            listing.errors.append(SiteInputs.failure(errno, path: folder))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            let below = relative.isEmpty ? name : relative + "/" + name
            let full = location(of: path)
            var info = stat()
            guard lstat(full, &info) == 0 else {
                listing.errors.append(SiteInputs.failure(errno, path: path))
                continue
            }
            if info.st_mode & S_IFMT == S_IFLNK {
                // Follow the link only if where it ends is inside the root.
                guard let resolved = SiteInputs.realPath(full) else {
                    let code = errno
                    let target = SiteInputs.linkTarget(full) ?? "?"
                    listing.errors.append(code == ELOOP
                        ? InputError(.loop, path: path, target: target, message: "symbolic link loop: the link resolves to itself")
                        : InputError(.missing, path: path, target: target,
                                     message: "broken symbolic link: its target '\(target)' does not exist"))
                    continue
                }
                guard contains(resolved: resolved) else {
                    let target = SiteInputs.linkTarget(full) ?? resolved
                    listing.errors.append(InputError(.outsideRoot, path: path, target: target,
                        message: "symbolic link leads outside the site's root (to '\(target)'); copy the file into the site instead"))
                    continue
                }
                guard stat(full, &info) == 0 else {
                    listing.errors.append(SiteInputs.failure(errno, path: path))
                    continue
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                listing.files.append(File(path: path, relativePath: below))
            case S_IFDIR:
                let identity = Identity(info)
                guard !ancestors.contains(identity) else {
                    listing.errors.append(InputError(.loop, path: path,
                                                     message: "symbolic link loop: this folder points back to one of its parents"))
                    continue
                }
                walk(path, below: below, ancestors: ancestors.union([identity]), into: &listing)
            default:
                listing.errors.append(InputError(.notAFile, path: path,
                                                 message: "not a regular file or folder (a device, socket or pipe?)"))
            }
        }
    }
}
