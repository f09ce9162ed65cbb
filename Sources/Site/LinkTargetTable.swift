import Foundation

/// The output files by name, looked up by the bytes of a name, without making a `String` of it.
///
/// The link checker resolves more than half a million links on a large site; a `String` key costs an
/// allocation and a SipHash for each. This is an open-addressing table over one byte arena with a cheap
/// hash. It is built only when every name is ASCII: then two names are equal as `String`s exactly when their
/// bytes are, so a miss here is a miss for a `String` lookup too (with a name such as `\u{212A}` — KELVIN
/// SIGN, equal to "K" as a `String` — it would not be, and the checker keeps its `String` lookups).
struct LinkTargetTable: Sendable {
    private let arena: [UInt8]
    /// Entry `i` is `arena[starts[i]..<starts[i + 1]]`.
    private let starts: [Int]
    private let values: [Int]
    /// Entry index + 1 per slot; 0 is an empty slot.
    private let slots: [Int]
    private let mask: Int

    /// Nil when a name is not ASCII.
    init?(_ names: [String: Int]) {
        var arena: [UInt8] = []
        var starts = [0]
        var values: [Int] = []
        for (name, value) in names {
            guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            arena.append(contentsOf: name.utf8)
            starts.append(arena.count)
            values.append(value)
        }
        var capacity = 16
        while capacity < names.count * 2 { capacity <<= 1 }
        var slots = [Int](repeating: 0, count: capacity)
        arena.withUnsafeBufferPointer { bytes in
            for entry in values.indices {
                var slot = Self.hash(UnsafeBufferPointer(rebasing: bytes[starts[entry]..<starts[entry + 1]])) & (capacity - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = entry + 1
            }
        }
        self.arena = arena
        self.starts = starts
        self.values = values
        self.slots = slots
        self.mask = capacity - 1
    }

    /// The value stored for the name spelled by `name`, or nil when there is no such name.
    func value(for name: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(name) & mask
        return arena.withUnsafeBufferPointer { bytes -> Int? in
            while true {
                let entry = slots[slot] - 1
                if entry < 0 { return nil }
                let start = starts[entry]
                let count = starts[entry + 1] - start
                if count == name.count, Self.sameBytes(bytes, start, name) { return values[entry] }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func sameBytes(_ arena: UnsafeBufferPointer<UInt8>, _ start: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if name.isEmpty { return true }
        guard let stored = arena.baseAddress, let probe = name.baseAddress else { return false }
        return memcmp(stored + start, probe, name.count) == 0
    }

    /// FNV-1a with a final mix, so that the low bits (the slot) depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash)
    }
}
