import Foundation
import Testing

/// Issue 19, item 1, through the real binary: a symbolic link under content/, static/, templates/ (or site.yml
/// itself) that leads outside the site's root is an error naming the link and its target, in every step that reads
/// files; links that stay inside the root work the same everywhere.
@Suite struct InputConfinementTests {
    private func link(_ path: String, in site: ScratchSite, to target: String) throws {
        try FileManager.default.createDirectory(at: site.url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.url(path).path, withDestinationPath: target)
    }

    private func secret(in outside: URL, _ name: String, _ text: String) throws -> String {
        let url = outside.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func leadsOut(_ link: String, _ target: String) -> String {
        "\(link): error: symbolic link leads outside the site's root (to '\(target)'); copy the file into the site instead"
    }

    @Test func aContentPageLinkedFromOutside() throws {
        var target = ""
        let run = try GuardedBuild.run(expecting: nil) { site, outside in
            target = try secret(in: outside, "secret.md", "---\ntitle: Secret\n---\nThe CI machine's secret.\n")
            try link("content/leak.md", in: site, to: target)
        }
        defer { run.finish() }
        #expect(run.outcome.errorLines == [leadsOut("content/leak.md", target)])
    }

    @Test func aContentFolderLinkedFromOutside() throws {
        var target = ""
        let run = try GuardedBuild.run { site, outside in
            target = outside.appendingPathComponent("notes").path
            _ = try secret(in: outside, "notes/a.md", "---\ntitle: A\n---\nx\n")
            try link("content/notes", in: site, to: target)
        }
        defer { run.finish() }
        #expect(run.outcome.errorLines == [leadsOut("content/notes", target)])
    }

    @Test func aContentAssetLinkedFromOutside() throws {
        var target = ""
        let run = try GuardedBuild.run { site, outside in
            target = try secret(in: outside, "id_rsa", "PRIVATE KEY")
            try link("content/timeline/key.txt", in: site, to: target)
        }
        defer { run.finish() }
        #expect(run.outcome.errorLines == [leadsOut("content/timeline/key.txt", target)])
    }

    @Test func aStaticFileLinkedFromOutside() throws {
        var target = ""
        let run = try GuardedBuild.run { site, outside in
            target = try secret(in: outside, "passwd", "root:x:0:0")
            try link("static/passwd.txt", in: site, to: target)
        }
        defer { run.finish() }
        #expect(run.outcome.errorLines == [leadsOut("static/passwd.txt", target)])
    }

    @Test func aTemplateLinkedFromOutside() throws {
        var target = ""
        let run = try GuardedBuild.run { site, outside in
            target = try secret(in: outside, "partial.html", "{{ page.title }}")
            try link("templates/partials/leak.html", in: site, to: target)
        }
        defer { run.finish() }
        #expect(run.outcome.errorLines == [leadsOut("templates/partials/leak.html", target)])
    }

    @Test func siteYmlLinkedFromOutside() throws {
        var target = ""
        let run = try GuardedBuild.run { site, outside in
            target = try secret(in: outside, "site.yml", try site.read("site.yml"))
            try FileManager.default.removeItem(at: site.url("site.yml"))
            try link("site.yml", in: site, to: target)
        }
        defer { run.finish() }
        #expect(run.outcome.errorLines == [leadsOut("site.yml", target)])
    }

    @Test func inlineCSSThroughALinkFromOutside() throws {
        var target = ""
        let run = try GuardedBuild.run { site, outside in
            target = try secret(in: outside, "theme.css", "body { color: red }")
            try link("static/theme.css", in: site, to: target)
            let base = try site.read("templates/base.html")
            try site.write(base.replacingOccurrences(of: "</head>", with: "<style>{{ '/theme.css' | inline_css }}</style></head>"),
                           to: "templates/base.html")
        }
        defer { run.finish() }
        // The filter runs while pages render, before static files are copied: it is the first to meet the link.
        #expect(run.outcome.errorLines.first == "templates/base.html:3:135: error: filter 'inline_css' failed: inline_css: "
                + leadsOut("static/theme.css", target).replacingOccurrences(of: ": error:", with: ":"))
    }

    @Test func aTemplatesSymlinkLoopSaysSo() throws {
        let run = try GuardedBuild.run(expecting: ["templates/loop.html: error: symbolic link loop: the link resolves to itself",
                                                  "templates/sub/up: error: symbolic link loop: this folder points back to one of its parents"]) { site, _ in
            try link("templates/loop.html", in: site, to: "loop.html")
            try link("templates/sub/up", in: site, to: "..")
        }
        run.finish()
    }

    @Test func linksInsideTheRootWorkEverywhere() throws {
        let run = try GuardedBuild.run(failing: false) { site, _ in
            try site.write("---\ntitle: Shared\ndate: 2020\n---\nShared text.\n", to: "shared/shared.md")
            try link("content/timeline/shared.md", in: site, to: "../../shared/shared.md")
            try site.write("body { color: blue }\n", to: "assets/theme.css")
            try link("static/theme.css", in: site, to: "../assets/theme.css")
            try site.write("<footer>{{ site.title }}</footer>", to: "parts/footer.html")
            try link("templates/footer.html", in: site, to: "../parts/footer.html")
            let base = try site.read("templates/base.html")
            try site.write(base.replacingOccurrences(of: "</body>", with: "{% include 'footer.html' %}</body>")
                .replacingOccurrences(of: "</head>", with: "<style>{{ '/theme.css' | inline_css }}</style></head>"), to: "templates/base.html")
        }
        defer { run.finish() }
        #expect(try run.site.read("site/timeline/shared/index.html").contains("Shared text."))
        #expect(try run.site.read("site/theme.css") == "body { color: blue }\n")
        let home = try run.site.read("site/index.html")
        #expect(home.contains("<footer>CLI fixture</footer>") && home.contains("body { color: blue }"))
    }
}
