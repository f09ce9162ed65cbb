/// Telling ASCII text apart, for the byte-level fast paths of this module and of the site's link rewriting.
extension String {
    /// Whether every byte of the text is ASCII, checked eight bytes at a time where the UTF-8 is
    /// contiguous (native and small strings). Runs several times per link of every page.
    public var isAllASCII: Bool {
        utf8.withContiguousStorageIfAvailable(Self.isAllASCII) ?? utf8.allSatisfy { $0 < 0x80 }
    }

    static func isAllASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var combined: UInt64 = 0
        var offset = 0
        while offset + 8 <= raw.count {
            combined |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < raw.count {
            combined |= UInt64(raw[offset])
            offset += 1
        }
        return combined & 0x8080_8080_8080_8080 == 0
    }
}
