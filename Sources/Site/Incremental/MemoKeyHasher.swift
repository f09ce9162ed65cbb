/// FNV-1a, 64 bits, over strings and numbers written with their lengths (so `["a b", "c"]` and
/// `["a", "b c"]` differ): the keys of the session's memo tables, stable across processes, unlike `Hasher`.
struct MemoKeyHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ number: UInt64) {
        var rest = number
        for _ in 0..<8 {
            value = (value ^ (rest & 0xff)) &* 0x0000_0100_0000_01b3
            rest >>= 8
        }
    }

    mutating func combine(_ number: Int) {
        combine(UInt64(bitPattern: Int64(number)))
    }

    mutating func combine(_ text: String) {
        combine(text.utf8.count)
        // Over the string's buffer when it has one (the same bytes, so the same value): its UTF-8 view a byte at
        // a time costs tens of instructions a byte, and every page's body goes through here on every build.
        let start = value
        if let hashed = text.utf8.withContiguousStorageIfAvailable({ bytes in
            var hash = start
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return hash
        }) {
            value = hashed
        } else {
            for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
    }

    mutating func combine(_ text: String?) {
        if let text { combine(1); combine(text) } else { combine(0) }
    }
}
