import Foundation

/// Turns the bytes of a text file into a `String`, refusing what is not UTF-8 text.
///
/// A file copied from elsewhere may be an image renamed `.md`, or Latin-1; both must be
/// reported at the first offending byte instead of being silently mangled. A leading
/// UTF-8 byte-order mark is dropped. Public so that Site reads templates by the same rule.
public enum SourceText {
    /// Decodes `data`, or returns an `.encoding` error located at the first bad byte.
    public static func decode(_ data: Data, file: String) -> Result<String, ContentError> {
        decode([UInt8](data), file: file)
    }

    /// `decode(_:file:)` on bytes already in an array (content files are read straight into one).
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, ContentError> {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(ofByte: nul, in: bytes)
            return .failure(ContentError(.encoding, file: file, line: line, column: column,
                                         message: "file contains a NUL byte: it looks binary, not UTF-8 text"))
        }
        // The standard library's validation is the same well-formedness rule as the scalar parser
        // below, and much faster; the parser only runs to locate the error.
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        let bad = firstInvalidByte(bytes)
        if bad == bytes.count {
            return .success(String(decoding: bytes, as: UTF8.self))
        }
        let (line, column) = position(ofByte: bad, in: bytes)
        return .failure(ContentError(.encoding, file: file, line: line, column: column,
                                     message: "file is not valid UTF-8 text (bad byte at this position)",
                                     notes: ["re-save the file with the UTF-8 encoding"]))
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence.
    private static func firstInvalidByte(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput, .error: return offset
            }
        }
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset in valid-or-not UTF-8.
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
