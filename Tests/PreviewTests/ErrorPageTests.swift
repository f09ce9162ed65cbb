import Foundation
import Testing
@testable import Preview
import Site

@Suite struct ErrorPageTests {
    @Test func escapesMessagesAndKeepsTheReloadScript() {
        let page = String(decoding: ErrorPage.html(report: ["a.md:1:1: error: <script>alert('x') & \"y\"</script>"], version: "v3"), as: UTF8.self)
        #expect(page.contains("a.md:1:1: error: &lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("var version = \"v3\""))
        #expect(page.contains("Build failed: 1 error"))
    }

    @Test func reportLaysOutDiagnosticsLikeTheCLI() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preview-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("line one\n\t{{ x | dat }}\r\nthree\n".utf8).write(to: root.appendingPathComponent("templates/page.html"))
        let diagnostic = Diagnostic(file: "templates/page.html", line: 2, column: 9, message: "unknown filter 'dat'",
                                    notes: ["in template included from base.html:3:5"])
        #expect(DiagnosticReport.entry(for: diagnostic, root: root) == """
            templates/page.html:2:9: error: unknown filter 'dat'
              2 | \t{{ x | dat }}
                | \t       ^
            note: in template included from base.html:3:5
            """)
        let unreadable = Diagnostic(file: "missing.md", line: 4, column: 1, message: "gone")
        #expect(DiagnosticReport.entry(for: unreadable, root: root) == "missing.md:4:1: error: gone")
    }

    /// The error page reads excerpts through `SiteInputs` too: no line of a file outside the root is shown.
    @Test func reportShowsNoLineOfAFileOutsideTheRoot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preview-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        let secret = folder.appendingPathComponent("secret.txt")
        try Data("TOKEN=hunter2\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("templates/page.html").path,
                                                   withDestinationPath: secret.path)
        let diagnostic = Diagnostic(file: "templates/page.html", line: 1, column: 1, message: "bad")
        #expect(DiagnosticReport.entry(for: diagnostic, root: root) == "templates/page.html:1:1: error: bad")
        let absolute = Diagnostic(file: secret.path, line: 1, column: 1, message: "bad")
        #expect(!DiagnosticReport.entry(for: absolute, root: root).contains("hunter2"))
    }
}
