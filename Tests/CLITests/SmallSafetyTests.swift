import Foundation
import Testing

/// Issue 19, item 8, through the real binary: control characters, terminal escapes, long lines, base_url,
/// file names that cannot be URLs.
@Suite struct SmallSafetyTests {
    @Test func controlCharactersFromYAMLEscapesAreAnError() throws {
        let run = try GuardedBuild.run(expecting: [
            "content/index.md:2:8: error: the string holds the control character U+0000 (an escape such as \\0, \\x1b or \\e?), "
                + "which cannot appear in a web page",
        ]) { site, _ in
            try site.write("---\ntitle: \"A\\0B\\x01C\\x1bD\"\n---\nText.\n", to: "content/index.md")
        }
        run.finish()
        for escape in ["\\x1b[2J", "\\e", "\\x7f", "\\u0085", "\\a"] {
            let again = try GuardedBuild.run { site, _ in
                try site.write("---\ntitle: \"A\(escape)B\"\n---\nText.\n", to: "content/index.md")
            }
            #expect(again.outcome.errorLines.first?.hasPrefix("content/index.md:2:8: error: the string holds the control character") == true,
                    "\(escape)")
            again.finish()
        }
    }

    @Test func terminalEscapesInFileNamesAreShownNotSent() throws {
        let run = try GuardedBuild.run { site, _ in
            try site.write("---\ntitle: [oops\n---\nText.\n", to: "content/timeline/\u{1B}]52;c;aGk=\u{07}x.md")
        }
        defer { run.finish() }
        #expect(!run.outcome.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        #expect(run.outcome.stderr.contains("content/timeline/\\u{1b}]52;c;aGk=\\u{7}x.md"), "\(run.outcome.stderr)")
    }

    @Test func aVeryLongLineIsCutAroundTheCaret() throws {
        let run = try GuardedBuild.run { site, _ in
            let links = (0..<2000).map { "[x\($0)](page\($0).md)" }.joined(separator: " ")
            try site.write("---\ntitle: Home\n---\n" + String(repeating: "word ", count: 2000) + "[bad](missing.md) " + links + "\n",
                           to: "content/index.md")
        }
        defer { run.finish() }
        let lines = run.outcome.stderr.split(separator: "\n").map(String.init)
        let excerpt = try #require(lines.first { $0.hasPrefix("  4 | ") })
        #expect(excerpt.hasPrefix("  4 | …") && excerpt.hasSuffix("…"))
        #expect(excerpt.unicodeScalars.count < 140)
        #expect(excerpt.contains("[bad](missing.md)"))
        let caret = try #require(lines.first { $0.hasPrefix("    | ") && $0.hasSuffix("^") })
        // The caret sits under the '[' of the broken link in the shortened line.
        let column = caret.count - "    | ".count
        let shown = Array(excerpt.dropFirst("  4 | ".count))
        #expect(String(shown[(column - 1)...].prefix(17)) == "[bad](missing.md)")
    }

    @Test(arguments: ["/sub/", "javascript:alert(1)", "https://", "https://ex ample.org/", "https://example.org/?x=1", "ftp://example.org/"])
    func aBaseURLThatIsNotAnAbsoluteHTTPURLIsAnError(_ value: String) throws {
        let run = try GuardedBuild.run { site, _ in
            let config = try site.read("site.yml")
            try site.write(config.replacingOccurrences(of: "base_url: https://example.org/cli/", with: "base_url: \"\(value)\""), to: "site.yml")
        }
        defer { run.finish() }
        #expect(run.outcome.errorLines.first?.hasPrefix("site.yml:3:11: error: 'base_url' must be an absolute http or https URL") == true,
                "\(run.outcome.stderr)")
    }

    @Test func fileNamesWithQueryOrFragmentMarksAreErrors() throws {
        let run = try GuardedBuild.run(expecting: [
            "content/timeline/a#b.md: error: name cannot be part of a URL: it contains '#', which would start the fragment of its URL",
            "content/timeline/what?.md: error: name cannot be part of a URL: it contains '?', which would start the query of its URL",
        ]) { site, _ in
            try site.write("---\ntitle: Q\ndate: 2020\n---\nx\n", to: "content/timeline/what?.md")
            try site.write("---\ntitle: H\ndate: 2020\n---\nx\n", to: "content/timeline/a#b.md")
        }
        run.finish()
        let statics = try GuardedBuild.run(expecting: [
            "static/x#y.css: error: name cannot be part of a URL: it contains '#', which would start the fragment of its URL",
        ]) { site, _ in
            try site.write("body {}\n", to: "static/x#y.css")
        }
        statics.finish()
    }
}
