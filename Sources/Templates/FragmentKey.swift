/// The cache key of one `{% cache %}` tag on one render: the tag's place in the templates and its key values.
///
/// Each part is written with its kind and length first, so that no two different lists of values give the
/// same bytes (`"a b", "c"` and `"a", "b c"` stay apart, and so do `1` and `"1"`).
///
/// A list or mapping is keyed by its storage, not its contents: the key holds a copy of it, so that storage
/// stays alive and unchanged (a change would copy it) and no other value can take its address. Writing out
/// the contents instead cost more than the fragment saved: a list of eras with their dates took 13 µs per
/// key. So a key value that is the same list from the context (`collections.timeline.index.eras`) matches
/// every time, while an equal list the template builds anew only misses — it never matches wrongly.
///
/// It is made on every pass over a tag, pasted or not, so it is cheap to make: the caller appends the values
/// one by one (no list of them), and the key's hash is worked out once, over its finished bytes, with FNV-1a
/// (a few nanoseconds, against SipHash on every lookup in the cache's dictionary); keys are the site's own
/// values, not an attacker's, so a hash without a seed is fine.
struct FragmentKey: Hashable {
    private var bytes: [UInt8] = []
    /// The lists and mappings named by address in `bytes`, kept alive by the key.
    private var retained: [Value] = []
    /// FNV-1a over `bytes`, set by `finish()`.
    private(set) var fingerprint: UInt64 = 0

    /// A key for the tag at `offset` in `template`; append its values, then `finish()` it.
    init(template: String, offset: Int) {
        bytes.reserveCapacity(64)
        append(template)
        appendNumber(offset)
    }

    init(template: String, offset: Int, values: [Value?]) {
        self.init(template: template, offset: offset)
        for value in values { append(value) }
        finish()
    }

    /// Works out the hash, once all values are in.
    mutating func finish() {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        fingerprint = hash
    }

    static func == (lhs: FragmentKey, rhs: FragmentKey) -> Bool { lhs.fingerprint == rhs.fingerprint && lhs.bytes == rhs.bytes }

    func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }

    private mutating func append(_ text: String) {
        appendNumber(text.utf8.count)
        // Copied from the string's buffer in one go; appending its UTF-8 view went a byte at a time, and every
        // key starts with its template's name.
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// A decimal number and a terminator.
    private mutating func appendNumber(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        // The digits are written backwards into a buffer on the stack and appended with the terminator at once
        // (appending them one by one and reversing cost more than the rest of a key).
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count - 1
            buffer[start] = UInt8(ascii: ";")
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    mutating func append(_ value: Value?) {
        guard let value else {
            bytes.append(UInt8(ascii: "u"))
            return
        }
        switch value {
        case .none:
            bytes.append(UInt8(ascii: "n"))
        case .bool(let flag):
            bytes.append(flag ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        case .int(let number):
            bytes.append(UInt8(ascii: "i"))
            appendNumber(number)
        case .double(let number):
            bytes.append(UInt8(ascii: "d"))
            appendNumber(Int(truncatingIfNeeded: number.bitPattern))
        case .string(let text):
            bytes.append(UInt8(ascii: "s"))
            append(text)
        case .safe(let text):
            bytes.append(UInt8(ascii: "m"))
            append(text)
        case .array(let items):
            // An empty list may have no storage of its own (address 0), and all empty lists are alike anyway.
            let address = items.withUnsafeBufferPointer { $0.baseAddress.map { Int(bitPattern: $0) } ?? 0 }
            bytes.append(UInt8(ascii: "a"))
            appendNumber(items.count)
            appendNumber(address)
            if address != 0 { retained.append(value) }
        case .dictionary(let mapping):
            bytes.append(UInt8(ascii: "o"))
            appendNumber(Int(bitPattern: UInt(bitPattern: mapping.storageIdentity)))
            retained.append(value)
        }
    }
}
