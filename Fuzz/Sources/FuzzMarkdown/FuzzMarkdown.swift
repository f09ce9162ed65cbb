import Foundation
import FuzzDriver
import Markdown

/// One input is a Markdown body. The first byte picks raw HTML on or off; links are rewritten the way
/// Site does (`.md` → a page URL) and a destination containing "throw" makes the closure throw, so the
/// error path through the C callback is exercised too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let options = MarkdownOptions(allowRawHTML: bytes[0] & 1 == 1)
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    // Lines end at the byte \n (a "\r\n" is one Character, so splitting Characters on "\n" would miss it).
    let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count
    do {
        let rendered = try MarkdownRenderer.render(text, options: options) { link in
            if link.line < 1 || link.line > lines || link.column < 1 {
                fatalError("link located outside the text: \(link.line):\(link.column) of \(lines) lines")
            }
            if link.destination.contains("throw") { throw FuzzLinkError() }
            if link.destination.hasSuffix(".md") { return "../" + link.destination.dropLast(3) + "/" }
            return nil
        }
        if Set(rendered.headings.map(\.id)).count != rendered.headings.count {
            fatalError("duplicate heading ids: \(rendered.headings.map(\.id))")
        }
    } catch {
        // The closure's own error, or a located Markdown error: both are fine.
    }
    return 0
}

struct FuzzLinkError: Error {}

/// The program's entry (see FuzzDriver.h): libFuzzer's driver with `fuzzMarkdown` as the test.
@_cdecl("FuzzMarkdown_main")
public func fuzzMarkdownMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzMarkdown)
}
