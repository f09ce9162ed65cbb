#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls, in one place.
extension SiteInputs {
    /// `realpath(3)`: the path with every link, `.` and `..` resolved; nil with `errno` set on failure.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A symbolic link's target as written in it; nil when `path` is not a link.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The names in a folder, without `.` and `..`; nil with `errno` set when it cannot be listed.
    static func names(in folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A whole file with `open`, `fstat` and `read`; nil with `errno` set on failure.
    static func contents(atPath path: String) -> [UInt8]? { wholeFile(atPath: path, flags: 0) }

    /// The bytes of the regular file at `path`, never through a symbolic link at its end and never waiting on a
    /// pipe (`O_NOFOLLOW | O_NONBLOCK`); nil with `errno` set for anything else. For files that are not site
    /// inputs (the incremental cache's own), which need no confinement to the root.
    public static func regularFileContents(atPath path: String) -> [UInt8]? {
        wholeFile(atPath: path, flags: O_NOFOLLOW | O_NONBLOCK)
    }
}

/// Outside the extension, so that `read` is the system call and not `SiteInputs.read`.
private func wholeFile(atPath path: String, flags: Int32) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | flags)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    guard info.st_mode & S_IFMT == S_IFREG else {
        errno = EISDIR
        return nil
    }
    // One byte more than the size, so that a file that grew since `fstat` is noticed and read on.
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
    var count = 0
    while true {
        if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
        let result = bytes.withUnsafeMutableBytes { buffer in
            read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
        }
        if result == 0 { break }
        if result < 0 {
            if errno == EINTR { continue }
            return nil
        }
        count += result
    }
    bytes.removeSubrange(count...)
    return bytes
}
