import Foundation

/// A fast 64-bit hash of bytes, eight at a time: the session cache's checksum and the fingerprints of the
/// output files it lists (hundreds of megabytes on a large site, where FNV-1a's byte at a time cost a second).
///
/// Not cryptographic: it detects damage and edits, not an adversary. Words are read in the machine's byte
/// order, so a cache carried to a machine of the other order is simply stale.
enum CacheHash {
    static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { of($0) }
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        let count = buffer.count
        var hash: UInt64 = 0x243f_6a88_85a3_08d3 ^ (UInt64(count) &* 0x9e37_79b9_7f4a_7c15)
        var offset = 0
        while offset + 8 <= count {
            hash = mix(hash ^ buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix(mix(hash ^ tail))
    }

    /// A multiply-xorshift round (the finaliser of SplitMix64).
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &* 0xbf58_476d_1ce4_e5b9
        z ^= z >> 31
        z = z &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 29)
    }
}
