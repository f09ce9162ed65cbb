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

    /// An excerpt is read through `SiteInputs`: a diagnostic naming a symbolic link to a file outside the root,
    /// or an absolute path outside it, prints no line of that file; a link that stays inside still does.
    @Test func printsNoLineOfAFileOutsideTheRoot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("printer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        let secret = folder.appendingPathComponent("secret.txt")
        try Data("TOKEN=hunter2\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/leak.md").path,
                                                   withDestinationPath: secret.path)
        try Data("inside=yes\n".utf8).write(to: root.appendingPathComponent("notes.txt"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/near.md").path,
                                                   withDestinationPath: "../notes.txt")
        let printer = DiagnosticPrinter(root: root)

        let throughLink = printer.render(Diagnostic(file: "content/leak.md", line: 1, column: 1, message: "bad"))
        #expect(throughLink == "content/leak.md:1:1: error: bad\n")
        let absolute = printer.render(Diagnostic(file: secret.path, line: 1, column: 1, message: "bad"))
        #expect(!absolute.contains("hunter2"))
        let climbing = printer.render(Diagnostic(file: "content/../../secret.txt", line: 1, column: 1, message: "bad"))
        #expect(!climbing.contains("hunter2"))
        let inside = printer.render(Diagnostic(file: "content/near.md", line: 1, column: 1, message: "bad"))
        #expect(inside.contains("  1 | inside=yes\n"))
    }
}
