import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat` says of a file: its device and inode, type, size, and modification and change times in
/// nanoseconds. The session cache keeps one for each input and output whose bytes it fingerprinted, so that a
/// later run learns that nothing changed from `lstat` calls alone, without reading a byte.
///
/// Why a stamp may stand for the bytes (the rule git uses for its index, and make for its targets): writing a
/// file sets its change time (`ctime`) to the current time, and no program can set a change time back (`touch`
/// and `utimes` set the modification time only; `ctime` moves to "now" with them). So a file whose device,
/// inode, size, `mtime` and `ctime` are all what they were has not been written since, as long as its stamp was
/// taken after its last write by more than the file system's time granularity: a second write within the same
/// tick of the clock could keep every field. A stamp is therefore kept only for a file *settled* before the
/// build started (both times more than `SessionCache.racyMargin` earlier); a file written later is "racily
/// clean" and has no stamp, so the next run reads and hashes it (then stamps it, once it has settled).
///
/// Limits: a clock set back by more than the margin, a file system that keeps no `ctime` or keeps times more
/// coarsely than the margin, or a deliberate change of the device's raw blocks, can hide a change from a stamp.
/// Deleting the cache, or `--no-incremental`, always builds from the bytes.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var mode: UInt32
    var size: Int64
    var modified: Int64
    var changed: Int64

    /// `lstat` of `path` (a link is stamped as a link, never followed); nil when there is nothing there or it
    /// cannot be looked at.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// `fstatat` of `path` relative to the open folder `folder`, not following a link at its end.
    static func of(_ path: String, in folder: Int32) -> FileStamp? {
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStamp(info)
    }


    var isRegularFile: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
    var isFolder: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFDIR) }

    /// Whether both times are more than `margin` nanoseconds before `start` (nanoseconds since 1970): a stamp
    /// that can stand for the bytes read after `start`.
    func isSettled(before start: Int64, margin: Int64) -> Bool {
        modified < start - margin && changed < start - margin
    }

    /// The stamp of `path` when it can stand for its bytes (a regular file, settled before `start`).
    static func settled(_ path: String, before start: Int64, margin: Int64) -> FileStamp? {
        guard let stamp = of(path), stamp.isRegularFile || stamp.isFolder, stamp.isSettled(before: start, margin: margin) else { return nil }
        return stamp
    }

    /// Every folder below `location` (itself first, as ""; then "a", "a/b", … relative to it), each with its
    /// stamp, when all of them settled before `start` and nothing below is a link or anything but a file or a
    /// folder; nil otherwise. Names starting with "." are not walked into (a listing skips them). Adding,
    /// removing or renaming an entry, or replacing a file by a folder, changes its folder's stamp, so equal stamps
    /// for every folder mean the same names of the same kinds: the same listing (`InputChanges`).
    static func tree(_ location: String, before start: Int64, margin: Int64) -> [(path: String, stamp: FileStamp)]? {
        var found: [(path: String, stamp: FileStamp)] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? location : location + "/" + relative
            guard let stamp = settled(folder, before: start, margin: margin), stamp.isFolder,
                  let directory = opendir(folder) else { return nil }
            found.append((relative, stamp))
            var ok = true
            while let entry = readdir(directory) {
                let type = entry.pointee.d_type
                let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> String? in
                    guard let base = raw.baseAddress, raw.first != UInt8(ascii: ".") else { return nil }
                    return String(cString: base.assumingMemoryBound(to: CChar.self))
                }
                guard let name else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var kind = type
                if kind == UInt8(DT_UNKNOWN) {
                    guard let stamp = of(location + "/" + path) else { ok = false; break }
                    kind = stamp.isFolder ? UInt8(DT_DIR) : stamp.isRegularFile ? UInt8(DT_REG) : UInt8(DT_LNK)
                }
                if kind == UInt8(DT_DIR) {
                    pending.append(path)
                } else if kind != UInt8(DT_REG) {
                    ok = false
                    break
                }
            }
            closedir(directory)
            if !ok { return nil }
        }
        return found
    }

    /// The wall clock now, in nanoseconds since 1970 (what file times are measured in).
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    func encode(into encoder: inout CacheEncoder) {
        encoder.number(device)
        encoder.number(inode)
        encoder.number(UInt64(mode))
        encoder.number(Int(size))
        encoder.number(Int(modified))
        encoder.number(Int(changed))
    }

    static func decode(_ decoder: inout CacheDecoder) throws(CacheDecoder.Damaged) -> FileStamp {
        FileStamp(device: try decoder.number(), inode: try decoder.number(), mode: UInt32(truncatingIfNeeded: try decoder.number()),
                  size: Int64(try decoder.int()), modified: Int64(try decoder.int()), changed: Int64(try decoder.int()))
    }
}

extension CacheEncoder {
    /// A stamp or none (0, or 1 and the stamp).
    mutating func stamp(_ stamp: FileStamp?) {
        if let stamp {
            number(1)
            stamp.encode(into: &self)
        } else {
            number(0)
        }
    }
}

extension CacheDecoder {
    mutating func stamp() throws(Damaged) -> FileStamp? {
        switch try number() {
        case 0: return nil
        case 1: return try FileStamp.decode(&self)
        default: throw Damaged()
        }
    }
}

extension FileStamp {
    /// The fields of a `stat` result, times in nanoseconds since 1970.
    fileprivate init(_ info: stat) {
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), mode: UInt32(info.st_mode), size: Int64(info.st_size),
                  modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
                  changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec))
    }
}
