/// The literal text of one parsed template, kept in memory the template owns, so that rendering can copy it
/// into the page without touching a reference count.
///
/// Half the statements a page runs are literal text. As a `String` in the syntax tree, each one cost two
/// retains and two releases of the string's storage per run (copying it out of the statement, and reaching
/// its bytes), atomic operations that added up: a tenth of all retains in a build. A `TextBytes` is a plain
/// pointer and a length; this arena, held by the `ParsedTemplate` the statements belong to, keeps the bytes
/// alive and frees them with it. Every holder of a statement holds its template (a macro closure, a block
/// chain, the environment), so the bytes outlive every use.
///
/// (Storing text and output statements in place instead of in the enum's box, to skip the box's retain as
/// well, was measured and made things worse: copying a mixed enum goes through generic value witnesses.)
///
/// `@unchecked Sendable`: the chunks are written once, while parsing, and only read afterwards.
final class TextArena: @unchecked Sendable {
    private var chunks: [UnsafeMutableBufferPointer<UInt8>] = []

    init() {}

    deinit {
        for chunk in chunks { chunk.deallocate() }
    }

    /// Copies `text` into memory owned by the arena.
    func store(_ text: String) -> TextBytes {
        let count = text.utf8.count
        guard count > 0 else { return TextBytes(bytes: UnsafeBufferPointer(start: nil, count: 0)) }
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count)
        _ = chunk.initialize(from: text.utf8)
        chunks.append(chunk)
        return TextBytes(bytes: UnsafeBufferPointer(chunk))
    }
}

/// A run of literal template text: bytes owned by the template's `TextArena`, valid while the template lives.
struct TextBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}
