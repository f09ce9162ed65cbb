import Content
import Foundation
import Markdown
import SiteInputs
import Templates

/// The filters a site adds to the template engine, which itself knows nothing of sites.
enum SiteFilters {
    /// The filters templates may also call as functions: `{{ t("read_timeline") }}`.
    static let functions: Set<String> = ["t"]

    /// - Parameter recorder: notes where each `relative_url` link was written (only when tracing a broken link).
    /// - Parameter log: where `inline_css` records the files it reads.
    static func all(baseURL: String, markdownOptions: MarkdownOptions, root: URL, log: ReadLog? = nil,
                    strings: UIStrings = UIStrings(), recorder: LinkRecorder? = nil) -> [String: CustomFilter] {
        let basePath = SiteConfig(baseURL: baseURL).basePath
        return [
            "date": { input, args, _, context in try formatDate(input, style: args.first, language: language(of: context)) },
            // `{{ "read_timeline" | t }}`: the page's language's words from `i18n/<lang>.yml` (`UIStrings`).
            "t": { input, _, kwargs, context in
                let key = try string(input, filter: "t")
                guard case .string(let language)? = context.lookup("lang") else { throw FilterFailure("t needs the global 'lang'") }
                return .string(try strings.text(key, language: language, arguments: kwargs))
            },
            // `{{ page.summary | quotations("chinese-republication", lang="zh") }}`: each “…” as
            // `<q data-source="chinese-republication">…</q>`, the rest escaped (`QuotationMarkup`); with `lang=`, only
            // on pages in that language (elsewhere the text is returned as it is, and escaped as usual).
            "quotations": { input, args, kwargs, context in
                if case .none = input { return input }
                guard case .string(let text) = input else { throw FilterFailure("quotations expects plain text (not HTML)") }
                guard case .string(let source)? = args.first, !source.isEmpty else {
                    throw FilterFailure("quotations needs the source's slug: quotations(\"chinese-republication\")")
                }
                if let only = kwargs.first(where: { $0.0 == "lang" })?.1 {
                    guard case .string(let language) = only else { throw FilterFailure("quotations' lang must be a string") }
                    if language != self.language(of: context) { return input }
                }
                return .safe(QuotationMarkup.markUp(text, source: source))
            },
            // `"/timeline/" | relative_url` on `/people/x/` gives `../../timeline/`. Links that are already relative,
            // fragments and URLs with a scheme are left alone, so the filter is safe to apply to anything. On the
            // 404 page, served at any depth, links start from the base path instead (`SitePath+NotFound.swift`).
            "relative_url": { input, _, _, context in
                let target = try string(input, filter: "relative_url")
                guard isSitePath(target), case .string(let page)? = context.lookup("current_url") else { return .string(target) }
                // A fragment with a relative link is shared only between pages of one parent folder (the render's
                // partition, `SitePath.parentFolder`); a link into that folder's subfolders comes out differently
                // on each of them.
                if context.isInCachedFragment {
                    context.markLocationDependent()
                    if SitePath.isBelow(target, parentFolder: SitePath.parentFolder(of: page)) { context.markPageSpecific() }
                }
                let link = SitePath.link(from: page, to: target, basePath: basePath)
                recorder?.record(link, at: context.callLocation)
                return .string(link)
            },
            "absolute_url": { input, _, _, _ in
                let target = try string(input, filter: "absolute_url")
                return .string(absoluteURL(target, baseURL: baseURL))
            },
            "markdown": { input, _, _, _ in
                let text = try string(input, filter: "markdown")
                return .safe(try MarkdownRenderer.render(text, options: markdownOptions).html)
            },
            "inline_css": { input, _, _, _ in
                .safe(try inlineCSS(try string(input, filter: "inline_css"), root: root, log: log))
            },
        ]
    }

    /// The text of a stylesheet under `static/`, named by its site path (`"/style.css"`), to print inside a
    /// `<style>` element: for the 404 page, which hosts serve at any depth, where a linked stylesheet would be
    /// looked for beside the missing page (and where a browser fetches it before any script could help).
    /// Read on every build, so an edit shows at once in the preview.
    static func inlineCSS(_ sitePath: String, root: URL, log: ReadLog? = nil) throws -> String {
        // The same rule as for every path the build writes: nothing that could leave static/.
        guard sitePath.hasPrefix("/"), sitePath.hasSuffix(".css"), OutputSync.isSafeRelativePath(String(sitePath.dropFirst())) else {
            throw FilterFailure("inline_css takes the site path of a .css file under static/, such as \"/style.css\"; got \"\(sitePath)\"")
        }
        // Through the root-confined reader: a symbolic link out of the root is refused here as everywhere.
        // Noted in the render's read recorder too (`ReadTracking`), so a page that inlined it is redone when it changes.
        let path = "static" + sitePath
        let data: Data
        do {
            data = try SourceTree.read(path, root: root, log: log)
            if ReadTracking.isRecording { ReadTracking.noteFile(path, fingerprint: ReadLog.fingerprint(data)) }
        } catch where error.kind == .missing && error.target == nil {
            ReadTracking.noteFile(path, fingerprint: ReadRecorder.unreadable)
            throw FilterFailure("inline_css: no file static\(sitePath)")
        } catch {
            ReadTracking.noteFile(path, fingerprint: ReadRecorder.unreadable)
            throw FilterFailure("inline_css: \(error.path): \(error.message)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FilterFailure("inline_css: static\(sitePath) is not UTF-8 text")
        }
        // In a <style> element, "</style" ends the element, whatever comes after it.
        if closesStyleElement(text) {
            throw FilterFailure("inline_css: static\(sitePath) contains \"</style\", which would end the <style> element early")
        }
        return text
    }

    /// Whether `text` holds `</style` in any case, as Foundation's case-insensitive search finds it. Said by the
    /// bytes when they can say it (a stylesheet of 30 kB took Foundation 6 million instructions): every `<` followed
    /// by six ASCII bytes that are not `/style` in some case cannot start a match. A `<` followed by anything else
    /// (a match, or letters that fold to it), and U+226E (`≮`, whose decomposition holds a `<`), go to Foundation.
    static func closesStyleElement(_ text: String) -> Bool {
        var copy = text
        let decided: Bool? = copy.withUTF8 { bytes in
            let name = Array("/style".utf8)
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "<"):
                    guard index + name.count < bytes.count else { return nil }
                    var differs = false
                    for offset in 0..<name.count {
                        let byte = bytes[index + 1 + offset]
                        guard byte < 0x80 else { return nil }
                        if byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0) != name[offset] { differs = true }
                    }
                    if !differs { return nil }
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x89 && bytes[index + 2] == 0xAE:
                    return nil
                default:
                    break
                }
                index += 1
            }
            return false
        }
        return decided ?? (text.range(of: "</style", options: .caseInsensitive) != nil)
    }

    /// Whether `relative_url` rewrites `target`: a path from the site's root (`/x/`), not `//host/…`.
    static func isSitePath(_ target: String) -> Bool {
        let bytes = target.utf8
        return bytes.first == UInt8(ascii: "/") && bytes.dropFirst().first != UInt8(ascii: "/")
    }

    /// Joins a site path to `base_url` for feeds, sitemaps, canonical links and Open Graph.
    static func absoluteURL(_ target: String, baseURL: String) -> String {
        if hasScheme(target) { return target }
        // Byte-level like `SitePath.relative`: it runs for every canonical link and every JSON-LD address of every page.
        var result = baseURL.utf8.last == UInt8(ascii: "/") ? String(decoding: baseURL.utf8.dropLast(), as: UTF8.self) : baseURL
        if target.utf8.first != UInt8(ascii: "/") { result += "/" }
        result += SitePath.encodePath(target)
        return result
    }

    /// Whether `target` holds `://` (a URL with a scheme), found without Foundation's bridged string search.
    private static func hasScheme(_ target: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in target.utf8 {
            if byte == UInt8(ascii: "/"), previous == (UInt8(ascii: ":"), UInt8(ascii: "/")) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Formats a date value (see `PageValues.dateValue`) at its own precision.
    /// The language of the page being rendered (the `lang` global), English when there is none.
    static func language(of context: FilterContext) -> String {
        if case .string(let language)? = context.lookup("lang") { return language }
        return "en"
    }

    /// Formats a date value at its own precision, in `language` (`LocalizedDate`; English by the engine's forms).
    static func formatDate(_ input: Value, style: Value?, language: String = "en") throws -> Value {
        guard case .dictionary(let fields) = input, case .int(let year)? = fields["year"] else {
            throw FilterFailure("date expects a date value such as page.date")
        }
        var month: Int?
        var day: Int?
        if case .int(let value)? = fields["month"] { month = value }
        if case .int(let value)? = fields["day"] { day = value }
        guard let date = PartialDate(year: year, month: month, day: day) else {
            throw FilterFailure("date got an impossible date")
        }
        var styleName = "long"
        if let style {
            guard case .string(let name) = style else { throw FilterFailure("date style must be a string") }
            styleName = name
        }
        switch styleName {
        case "long":
            if case .string(let label)? = fields["label"] { return .string(label) }
            if !LocalizedDate.isEnglish(language) { return .string(LocalizedDate.format(date, language: language, short: false)) }
            return .string(date.long)
        case "short":
            if !LocalizedDate.isEnglish(language) { return .string(LocalizedDate.format(date, language: language, short: true)) }
            return .string(date.short)
        case "iso":
            return .string(date.iso)
        case "year":
            return .string(String(date.year))
        default:
            throw FilterFailure("unknown date style '\(styleName)'; use long, short, iso or year")
        }
    }

    private static func string(_ value: Value, filter: String) throws -> String {
        switch value {
        case .string(let text), .safe(let text): return text
        default: throw FilterFailure("\(filter) expects a string")
        }
    }
}

/// A filter's complaint; the engine adds the template location.
struct FilterFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
