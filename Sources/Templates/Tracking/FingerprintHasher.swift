/// FNV-1a, 64 bits (strings eight bytes at a time), over a canonical encoding of values: stable across processes and platforms (unlike
/// Swift's `Hasher`, seeded per process), so a fingerprint taken in one build can be compared in the next.
///
/// Every part is written with a type byte first and strings with their length, so no two different values
/// give the same bytes: `"1"`, `1`, `1.0` and `true` differ, and so do `["a b", "c"]` and `["a", "b c"]`.
struct FingerprintHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    mutating func combine(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// The eight bytes of `number`, least significant first.
    mutating func combine(_ number: UInt64) {
        var rest = number
        for _ in 0..<8 {
            combine(byte: UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }

    /// The length, then the UTF-8 bytes.
    mutating func combine(_ text: String) {
        combine(UInt64(text.utf8.count))
        // Over the string's buffer: its UTF-8 view a byte at a time costs tens of instructions a byte. A string
        // without one is copied into one, so that the same text always gives the same fingerprint.
        let start = value
        value = text.utf8.withContiguousStorageIfAvailable({ FingerprintHasher.hash($0, from: start) })
            ?? Array(text.utf8).withUnsafeBufferPointer { FingerprintHasher.hash($0, from: start) }
    }

    /// Eight bytes at a time where there are eight, then a byte at a time. Each step is a bijection of the state
    /// for a given word (an odd multiplier, then an xor-shift), so two texts of one length that differ in one
    /// word never collide, whatever the word; a page's whole body, hashed whenever a page that read its own
    /// value is checked, took a tenth of a title edit's CPU a byte at a time.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, from start: UInt64) -> UInt64 {
        var hash = start
        var index = 0
        if let base = bytes.baseAddress, bytes.count >= 8 {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
                index += 8
            }
        }
        while index < bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
            index += 1
        }
        return hash
    }

    /// A value, with tagged mappings as their tag only (see `Value.fingerprint`).
    mutating func combine(_ item: Value) {
        switch item {
        case .none:
            combine(byte: UInt8(ascii: "n"))
        case .bool(let flag):
            combine(byte: flag ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        case .int(let number):
            combine(byte: UInt8(ascii: "i"))
            combine(UInt64(bitPattern: Int64(number)))
        case .double(let number):
            combine(byte: UInt8(ascii: "d"))
            combine(number.bitPattern)
        case .string(let text):
            combine(byte: UInt8(ascii: "s"))
            combine(text)
        case .safe(let text):
            combine(byte: UInt8(ascii: "m"))
            combine(text)
        case .array(let items):
            combine(byte: UInt8(ascii: "a"))
            combine(UInt64(items.count))
            for element in items { combine(element) }
        case .dictionary(let mapping):
            if mapping.origin != 0 {
                combine(byte: UInt8(ascii: "r"))
                combine(UInt64(mapping.origin))
            } else {
                combine(byte: UInt8(ascii: "o"))
                combineEntries(of: mapping)
            }
        }
    }

    /// A mapping's keys in order and their values, whatever its own tag.
    mutating func combineEntries(of mapping: OrderedDictionary) {
        let keys = mapping.unrecordedKeys
        combine(UInt64(keys.count))
        for (key, element) in zip(keys, mapping.unrecordedValues) {
            combine(key)
            combine(element)
        }
    }
}
