import Foundation
import Markdown
import SiteInputs
import Templates
import Testing
@testable import Site

/// `inline_css`: a stylesheet under `static/`, printed into a `<style>` element (the 404 page's).
@Suite struct InlineCSSFilterTests {
    /// Renders `{{ path | inline_css }}` in a site whose static/ holds `files`.
    private func render(_ path: String, files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inline-css-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, text) in files {
            let file = root.appendingPathComponent("static").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        let filters = SiteFilters.all(baseURL: "/", markdownOptions: MarkdownOptions(allowRawHTML: true), root: root, log: nil)
        let environment = try TemplateEnvironment(templates: ["t.html": "<style>{{ path | inline_css }}</style>"], filters: filters)
        return try environment.render("t.html", context: ["path": .string(path)])
    }

    @Test func printsTheFileAsItIs() throws {
        let css = "a > b { content: \"&\"; }\n"
        #expect(try render("/style.css", files: ["style.css": css]) == "<style>\(css)</style>")
        #expect(try render("/css/print.css", files: ["css/print.css": "p{}"]) == "<style>p{}</style>")
    }

    @Test(arguments: [
        ("/missing.css", "no file static/missing.css"),
        ("style.css", "takes the site path"),
        ("/../site.yml", "takes the site path"),
        ("/a/../style.css", "takes the site path"),
        ("/notes.txt", "takes the site path"),
        ("/bad.css", "would end the <style> element"),
    ])
    func refuses(path: String, message: String) throws {
        let files = ["style.css": "p{}", "notes.txt": "x", "bad.css": "p{} </STYLE><script>alert(1)</script>"]
        do {
            _ = try render(path, files: files)
            Issue.record("\(path) was inlined")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    /// A render under a read recorder notes the stylesheet with its fingerprint, or as unreadable when it is
    /// missing, so an incremental build redoes the page when the file changes or appears.
    @Test func theFileReadIsRecorded() throws {
        let css = "p { color: red; }"
        let recorder = ReadRecorder()
        _ = try ReadTracking.recording(recorder) { try render("/style.css", files: ["style.css": css]) }
        #expect(recorder.files == ["static/style.css": ReadLog.fingerprint(Array(css.utf8))])
        let missing = ReadRecorder()
        ReadTracking.recording(missing) { _ = try? render("/gone.css", files: ["style.css": css]) }
        #expect(missing.files == ["static/gone.css": ReadRecorder.unreadable])
    }
}
