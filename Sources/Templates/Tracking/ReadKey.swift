import Foundation

/// One thing a render read from a tagged mapping: the value at `key`, or (`key` nil) the whole mapping —
/// its keys, their order or all of its values, as iterating, `length`, `tojson` or `==` do.
///
/// `origin` is the mapping's tag (`OrderedDictionary.origin`), handed out by whoever built the value (a site
/// gives one to each page's card, each collection, `site`, each data file), never 0.
public struct ReadKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public let origin: UInt32
    /// The key read, or nil for the whole mapping.
    public let key: String?

    public init(_ origin: UInt32, _ key: String?) {
        self.origin = origin
        self.key = key
    }

    /// One word into the hasher: the tag and FNV-1a of the key's bytes. A recorder hashes every read, and
    /// hashing the key as a `String` (its bytes, then a byte for the optional) cost a quarter of what recording
    /// added to a render (callgrind, `Benchmarks/template-bench --tracked`). `String`'s `==` is canonical
    /// equivalence (é as one scalar or two, and even the Kelvin sign and K), so a key that is not all ASCII is
    /// hashed by the bytes of its NFC form, which equivalent strings share.
    public func hash(into hasher: inout Hasher) {
        guard let key else {
            hasher.combine(UInt64(origin))
            return
        }
        let ascii = key.utf8.withContiguousStorageIfAvailable(ReadKey.asciiFingerprint)
            ?? Array(key.utf8).withUnsafeBufferPointer(ReadKey.asciiFingerprint)
        let fingerprint = ascii ?? Array(key.precomposedStringWithCanonicalMapping.utf8).withUnsafeBufferPointer { bytes in
            bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 } | 1
        }
        hasher.combine(fingerprint ^ (UInt64(origin) << 32))
    }

    /// FNV-1a over the bytes, or nil when one is not ASCII. Never 0 (a whole-mapping read hashes its bare tag).
    private static func asciiFingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            if byte >= 0x80 { return nil }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash | 1
    }

    /// `3.title`, or `3.*` for the whole mapping.
    public var description: String { "\(origin).\(key ?? "*")" }
}
