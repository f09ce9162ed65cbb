import Content
import Foundation

/// Writes a redirect page at every old address: each page's `aliases:`, `site.yml`'s `redirects:`, and the
/// redirects the page plan implies (`<list>/page/1/`); with `redirects_file: true`, also a `_redirects` file
/// listing them all for hosts that read one (Netlify, Cloudflare Pages), as permanent (301) redirects.
///
/// An old address may not be the address of anything the build writes (a page, a feed, a static file, another
/// redirect), compared as hosts compare them, letter case aside: that is an error at the alias.
/// A `redirects:` target on this site must be a page or file the build writes.
enum RedirectPages {
    /// One redirect, with the place it was written (nil for an implied one).
    private struct Entry {
        var from: String
        var to: String
        var file: String?
        var line: Int?
        var column: Int?
        var what: String
    }

    static let fileName = "_redirects"

    static func add(to files: inout [String: Data], content: ContentSet, urls: [String],
                    implied: [(from: String, to: String)]) throws(BuildFailure) {
        var entries: [Entry] = []
        for index in content.pages.indices {
            for alias in content.pages[index].aliases {
                entries.append(Entry(from: alias.url, to: urls[index], file: content.pages[index].source,
                                     line: alias.line, column: alias.column, what: "alias"))
            }
        }
        for redirect in content.config.redirects {
            entries.append(Entry(from: redirect.from, to: redirect.to, file: "site.yml", line: redirect.line,
                                 column: redirect.column, what: "redirect"))
        }
        entries += implied.map { Entry(from: $0.from, to: $0.to, what: "redirect") }
        guard !entries.isEmpty || content.config.writesRedirectsFile else { return }

        var owners: [String: String] = [:]
        for (path, _) in files { owners[key(path)] = path }
        let pageByOutput = Dictionary(urls.indices.map { (key(SitePath.outputFile(for: urls[$0])), $0) },
                                      uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        var written: [String: Entry] = [:]
        for entry in entries {
            let output = SitePath.outputFile(for: entry.from)
            if let earlier = written[key(output)] {
                diagnostics.append(diagnostic(entry, "\(entry.what) '\(entry.from)' is also an old address in \(earlier.file ?? "the page plan")"
                                              + (earlier.line.map { ":\($0)" } ?? "")))
                continue
            }
            if let existing = owners[key(output)] {
                let owner = pageByOutput[key(existing)].map { content.pages[$0].source } ?? "the generated file \(existing)"
                diagnostics.append(diagnostic(entry, "\(entry.what) '\(entry.from)' is the address of \(owner)",
                                              note: "an old address must be free: remove it here, or move the page"))
                continue
            }
            if !entry.to.contains("://"), owners[key(SitePath.outputFile(for: sitePath(of: entry.to)))] == nil {
                diagnostics.append(diagnostic(entry, "redirect target '\(entry.to)' is not a page or file of this site"))
                continue
            }
            written[key(output)] = entry
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
        let config = content.config
        for entry in entries {
            files[SitePath.outputFile(for: entry.from)] = RedirectPage.html(from: entry.from, to: entry.to,
                                                                           language: config.language, baseURL: config.baseURL)
        }
        if config.writesRedirectsFile {
            if files[fileName] != nil {
                throw BuildFailure(diagnostics: [Diagnostic(file: "static/" + fileName, message: "would overwrite the generated file \(fileName)",
                                                            notes: ["redirects_file: true in site.yml writes it; remove one of them"])])
            }
            files[fileName] = redirectsFile(entries, basePath: config.basePath)
        }
    }

    /// Netlify's and Cloudflare's format: `from to 301` a line, paths from the host's root (the base path added).
    private static func redirectsFile(_ entries: [Entry], basePath: String) -> Data {
        let prefix = String(basePath.dropLast())
        var text = "# Written by build-site from aliases: in front matter and redirects: in site.yml.\n"
        for entry in entries.sorted(by: { $0.from < $1.from }) {
            let to = entry.to.contains("://") ? entry.to : prefix + SitePath.encodePath(entry.to)
            text += "\(prefix + SitePath.encodePath(entry.from)) \(to) 301\n"
        }
        return Data(text.utf8)
    }

    /// A site path without its `?query` or `#fragment`.
    private static func sitePath(of target: String) -> String {
        String(target.prefix { $0 != "#" && $0 != "?" })
    }

    private static func key(_ path: String) -> String {
        path.precomposedStringWithCanonicalMapping.lowercased()
    }

    private static func diagnostic(_ entry: Entry, _ message: String, note: String? = nil) -> Diagnostic {
        Diagnostic(file: entry.file, line: entry.line, column: entry.column, message: message, notes: note.map { [$0] } ?? [])
    }
}
