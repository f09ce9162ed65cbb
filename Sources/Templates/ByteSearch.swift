#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes with the C library's `memchr` and `memcmp`.
///
/// Python compares strings code point by code point without normalisation, which for well-formed
/// UTF-8 is exactly a byte comparison; and the generic `Collection.firstRange(of:)` or Foundation's
/// bridged `range(of:)` cost far more per call than the search itself on the short strings templates test.
enum ByteSearch {
    /// The byte offset of the first occurrence of `needle` in `haystack` at or after `start`, or nil.
    static func firstOffset(of needle: String, in haystack: String, from start: Int = 0) -> Int? {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in firstOffset(of: pin, in: hay, from: start) }
        }
    }

    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                            from start: Int = 0) -> Int? {
        guard needle.count > 0 else { return start <= haystack.count ? start : nil }
        guard start >= 0, haystack.count - start >= needle.count,
              let base = haystack.baseAddress, let pin = needle.baseAddress else { return nil }
        // memchr finds candidates for the first byte, memcmp checks the rest (memmem is a GNU extension).
        let last = haystack.count - needle.count
        var offset = start
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(pin[0]), last - offset + 1) else { return nil }
            let candidate = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + candidate, pin, needle.count) == 0 { return candidate }
            offset = candidate + 1
        }
        return nil
    }

    static func contains(_ needle: String, in haystack: String) -> Bool {
        firstOffset(of: needle, in: haystack) != nil
    }
}
