import Foundation

/// The session cache's binary encoding: little-endian 64-bit numbers and length-prefixed UTF-8 strings,
/// nothing else. Written by `CacheEncoder`, read back by `CacheDecoder`, which checks every length against
/// what is left, so a truncated or damaged file is an error, never a crash or a wrong value.
struct CacheEncoder {
    private(set) var bytes: [UInt8] = []

    mutating func number(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func number(_ value: Int) { number(UInt64(bitPattern: Int64(value))) }

    mutating func string(_ text: String) {
        number(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func optionalString(_ text: String?) {
        number(text == nil ? 0 : 1)
        if let text { string(text) }
    }

    mutating func strings(_ texts: [String]) {
        number(texts.count)
        for text in texts { string(text) }
    }

    /// The bytes of another encoder, as they are.
    mutating func append(_ other: CacheEncoder) {
        bytes.append(contentsOf: other.bytes)
    }

    /// A part encoded on its own: its length, then its bytes (`CacheDecoder.part()` reads it back).
    mutating func part(_ encoded: [UInt8]) {
        number(encoded.count)
        bytes.append(contentsOf: encoded)
    }
}

/// Reads what `CacheEncoder` wrote; every read throws `CacheDecoder.Damaged` past the end.
struct CacheDecoder {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var position = 0
    /// Where reading stops: the end, or before a checksum that ends the bytes (no copy made without it).
    private var end: Int

    init(_ bytes: [UInt8], droppingLast count: Int = 0) {
        self.bytes = bytes
        end = max(bytes.count - count, 0)
    }

    var isAtEnd: Bool { position == end }

    /// A decoder of the next part `CacheEncoder.part` wrote (sharing the bytes, no copy); this one moves past it.
    mutating func part() throws(Damaged) -> CacheDecoder {
        let length = try count(minimum: 1)
        var part = self
        part.end = position + length
        position += length
        return part
    }

    mutating func number() throws(Damaged) -> UInt64 {
        guard end - position >= 8 else { throw Damaged() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: UInt64.self) }
        position += 8
        return UInt64(littleEndian: value)
    }

    mutating func int() throws(Damaged) -> Int { Int(Int64(bitPattern: try number())) }

    /// A count of things still to read, each at least `minimum` bytes: bounded by what is left.
    mutating func count(minimum: Int = 8) throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= (end - position) / max(minimum, 1) else { throw Damaged() }
        return value
    }

    mutating func string() throws(Damaged) -> String {
        let length = try count(minimum: 1)
        let text = String(decoding: bytes[position..<position + length], as: UTF8.self)
        position += length
        return text
    }

    mutating func optionalString() throws(Damaged) -> String? {
        switch try number() {
        case 0: return nil
        case 1: return try string()
        default: throw Damaged()
        }
    }

    mutating func strings() throws(Damaged) -> [String] {
        let total = try count()
        var result: [String] = []
        result.reserveCapacity(total)
        for _ in 0..<total { result.append(try string()) }
        return result
    }
}
