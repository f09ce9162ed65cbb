import Foundation

/// Strong entity tags from the bytes of a response, and `If-None-Match` matching.
///
/// The tag is a hash of the content, not a modification time: a rebuild that reproduces the same
/// bytes keeps the same tag, so the browser's revalidation answers 304 and nothing flickers.
enum ETag {
    /// A quoted tag for `data`: a 64-bit FNV-style hash taken eight bytes at a time (a template edit on a
    /// large site hashes every page in the swap, where a byte at a time cost about 1 ns a byte), plus the
    /// length (cheap, and collisions need equal sizes).
    static func of(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        data.withUnsafeBytes { buffer in
            var index = 0
            while index + 8 <= buffer.count {
                hash = (hash ^ buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* prime
                hash ^= hash >> 29
                index += 8
            }
            while index < buffer.count {
                hash = (hash ^ UInt64(buffer[index])) &* prime
                index += 1
            }
        }
        return "\"" + String(hash, radix: 16) + "-" + String(data.count, radix: 16) + "\""
    }

    /// Appends a suffix inside the quotes, e.g. the live-reload version an HTML page is served with.
    static func tag(_ etag: String, suffix: String) -> String {
        guard etag.hasSuffix("\"") else { return etag }
        return String(etag.dropLast()) + "-" + suffix + "\""
    }

    /// Whether an `If-None-Match` header value names `etag` (weak comparison, as RFC 9110 asks for GET).
    static func matches(ifNoneMatch header: String, etag: String) -> Bool {
        let wanted = opaque(etag)
        for candidate in header.split(separator: ",") {
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            if trimmed == "*" || opaque(trimmed) == wanted { return true }
        }
        return false
    }

    private static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}
