import Foundation
import Testing
@testable import BuildSiteCLI
import Site

@Suite("Printing diagnostics like a compiler")
struct DiagnosticPrinterTests {
    @Test(arguments: ["\n", "\r\n"])
    func showsTheSourceLineAndACaret(_ newline: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("printer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        let text = ["---", "title: T", "people: [nobody]", "---"].joined(separator: newline) + newline
        try Data(text.utf8).write(to: root.appendingPathComponent("content/e.md"))
        let diagnostic = Diagnostic(file: "content/e.md", line: 3, column: 10, message: "no page 'nobody'",
                                    notes: ["did you mean 'somebody'?"])
        let printed = DiagnosticPrinter(root: root).render(diagnostic)
        #expect(printed == """
            content/e.md:3:10: error: no page 'nobody'
              3 | people: [nobody]
                |          ^
            note: did you mean 'somebody'?

            """)
    }
}
