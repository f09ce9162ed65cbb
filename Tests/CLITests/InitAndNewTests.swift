import Foundation
import BuildSiteCLI
import Site
import Testing

/// `build-site init`, `build-site new` and `--version`, run as a user runs them: the real executable.
@Suite struct InitAndNewTests {
    @Test func initWritesASiteThatBuilds() throws {
        let binary = try BuildSiteBinary.locate()
        let scratch = try ScratchSite()
        defer { scratch.remove() }
        let folder = scratch.url("my-site")

        let created = try binary.run(["init", folder.path])
        #expect(created.status == 0, "stderr:\n\(created.stderr)")
        for path in ["site.yml", "content/index.md", "content/404.md", "templates/base.html", "static/style.css",
                     "data/figures.yml"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "no \(path)")
        }
        let people = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("content/people").path)
        #expect(people.filter { $0.hasSuffix(".md") && $0 != "_index.md" }.count == 2)

        let built = try binary.run(["--root", folder.path])
        #expect(built.status == 0, "the starter site does not build:\n\(built.stderr)")
        let index = try String(contentsOf: folder.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(index.contains("Example text"))
        #expect(index.contains(#"<link rel="stylesheet" href="style.css">"#))
        // No external requests: every src and stylesheet is the site's own.
        #expect(!index.contains("src=\"http") && !index.contains("href=\"//"))
        for page in ["timeline/index.html", "timeline/petition/index.html", "people/ada-marsh/index.html", "404.html",
                     "timeline/atom.xml", "sitemap.xml"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/" + page).path), "no \(page)")
        }
    }

    /// The same input gives the same files: the starter has no date from the clock.
    @Test func initIsDeterministic() throws {
        let binary = try BuildSiteBinary.locate()
        let scratch = try ScratchSite()
        defer { scratch.remove() }
        #expect(try binary.run(["init", scratch.url("a").path]).status == 0)
        #expect(try binary.run(["init", scratch.url("b").path]).status == 0)
        #expect(ScratchSite.snapshot(of: scratch.url("a")) == ScratchSite.snapshot(of: scratch.url("b")))
    }

    @Test func initRefusesANonEmptyFolder() throws {
        let binary = try BuildSiteBinary.locate()
        let scratch = try ScratchSite()
        defer { scratch.remove() }
        try scratch.write("mine\n", to: "notes.txt")

        let outcome = try binary.run(["init", scratch.root.path])
        #expect(outcome.status == 1)
        #expect(!outcome.signalled)
        #expect(outcome.stderr.contains("error: refusing to create a site in \(scratch.root.path): the folder is not empty (notes.txt)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path) == ["notes.txt"])
        #expect(try scratch.read("notes.txt") == "mine\n")
    }

    @Test func newWritesEveryRequiredKeyAsADraftThatBuilds() throws {
        let binary = try BuildSiteBinary.locate()
        let scratch = try ScratchSite()
        defer { scratch.remove() }
        let root = scratch.url("site-root")
        #expect(try binary.run(["init", root.path]).status == 0)

        let outcome = try binary.run(["new", "timeline", "The bridge's 1st birthday", "--root", root.path])
        #expect(outcome.status == 0, "stderr:\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("Created content/timeline/the-bridge-s-1st-birthday.md"))
        let text = try String(contentsOf: root.appendingPathComponent("content/timeline/the-bridge-s-1st-birthday.md"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "---")
        #expect(lines.contains(#"title: "The bridge's 1st birthday""#))
        #expect(lines.contains { $0.range(of: #"^date: \d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil })
        #expect(lines.contains { $0.hasPrefix(#"summary: """#) })
        #expect(lines.contains("draft: true"))

        // A slug gives the title; and the new pages build once drafts are included.
        #expect(try binary.run(["new", "people", "grace-lin", "--root", root.path]).status == 0)
        let person = try String(contentsOf: root.appendingPathComponent("content/people/grace-lin.md"), encoding: .utf8)
        #expect(person.contains(#"title: "Grace lin""#))
        #expect(person.contains("role: "))
        let built = try binary.run(["--root", root.path, "--drafts"])
        #expect(built.status == 0, "stderr:\n\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/timeline/the-bridge-s-1st-birthday/index.html").path))
    }

    @Test func newRefusesAnUnknownCollectionAndAnExistingFile() throws {
        let binary = try BuildSiteBinary.locate()
        let scratch = try ScratchSite()
        defer { scratch.remove() }
        let root = scratch.url("site-root")
        #expect(try binary.run(["init", root.path]).status == 0)

        let unknown = try binary.run(["new", "timline", "Something", "--root", root.path])
        #expect(unknown.status == 1)
        #expect(unknown.errorLines == ["error: unknown collection 'timline' — did you mean 'timeline'?"])

        let before = try String(contentsOf: root.appendingPathComponent("content/timeline/petition.md"), encoding: .utf8)
        let existing = try binary.run(["new", "timeline", "petition", "--root", root.path])
        #expect(existing.status == 1)
        #expect(existing.errorLines == ["content/timeline/petition.md: error: this file already exists; build-site new never overwrites a file"])
        #expect(try String(contentsOf: root.appendingPathComponent("content/timeline/petition.md"), encoding: .utf8) == before)
    }

    @Test func versionPrintsTheOneConstant() throws {
        let outcome = try BuildSiteBinary.locate().run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == BuildSiteVersion.current + "\n")
    }
}
