import Content
import Foundation
import Images
import Markdown
import SiteInputs
import Templates

/// Renders every page's Markdown body, in parallel, rewriting links to other content files.
///
/// Authors link pages the way they see them in their editor: `[Altman](../people/sam-altman.md)`. That link is
/// resolved against the linking file, replaced by the target page's URL relative to the linking page, and a
/// link to a file that does not exist is an error at the link's line and column in the `.md` file.
///
/// A destination written as a site path (`/img/plan.svg`, `/timeline/chatgpt-launch/#why`) names a file of
/// `static/` or `content/`, or a page, wherever the linking page is (`SiteFiles`); it is rewritten to a
/// relative URL, and one that names nothing is an error with the nearest site path. Images get their size and
/// `loading` and, when large, resized copies (`ImagePlanner`, `ImageMarkup`).
struct MarkdownStage {
    let content: ContentSet
    let urls: [String]
    let options: MarkdownOptions
    let images: ImagePlanner
    /// The site's components and the templates that render them (`Components/`).
    let components: ComponentLibrary
    let templates: TemplateEnvironment
    /// What links and images are resolved against (`Tables`).
    let tables: Tables
    /// Every site path a link may name.
    var files: SiteFiles { tables.files }

    init(content: ContentSet, urls: [String], options: MarkdownOptions, tables: Tables, images: ImagePlanner,
         components: ComponentLibrary, templates: TemplateEnvironment) {
        self.content = content
        self.urls = urls
        self.options = options
        self.tables = tables
        self.images = images
        self.components = components
        self.templates = templates
    }

    /// Renders every page, or takes its rendering from `memo` when its key (`MarkdownMemo.key`, under
    /// `environment`) is what it was; the images a reused page shows are asked of the planner again. `position` is
    /// the edition's in the build: a page where it was in the last build finds its entry there, by index
    /// (`MarkdownMemo.Order`), and the memo takes the edition's pages at the end (`MarkdownMemo.record`).
    ///
    /// Each page is written into a slot of its own, by index, on whichever core renders it: fields are read
    /// through buffers and a kept entry is read where it lies, since copying a page or an entry copied a dozen
    /// reference-counted fields (on ten thousand pages, most of a body edit's Markdown step).
    func run(memo: MarkdownMemo? = nil, environment: UInt64 = 0, position: Int = 0) -> (rendered: [RenderedMarkdown?], diagnostics: [Diagnostic]) {
        let count = content.pages.count
        let language = content.language
        let last = memo?.lastEdition(position, language: language)
        let lastSources = last?.sources ?? [], lastEntries = last?.entries ?? [], lastChanged = last?.changed ?? [:]
        let rendered = UnsafeMutableBufferPointer<RenderedMarkdown?>.allocate(capacity: count)
        rendered.initialize(repeating: nil)
        let failures = UnsafeMutableBufferPointer<Diagnostic?>.allocate(capacity: count)
        failures.initialize(repeating: nil)
        let slots = UnsafeMutableBufferPointer<MarkdownMemo.Slot>.allocate(capacity: count)
        slots.initialize(repeating: MarkdownMemo.Slot())
        defer {
            failures.deinitialize()
            failures.deallocate()
            slots.deinitialize()
            slots.deallocate()
        }
        content.pages.withUnsafeBufferPointer { pages in
            lastEntries.withUnsafeBufferPointer { lastEntries in
                nonisolated(unsafe) let (pages, lastEntries, rendered, failures, slots) = (pages, lastEntries, rendered, failures, slots)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    let source = pages[index].source, body = pages[index].body, bodyStartLine = pages[index].bodyStartLine
                    do {
                        let origin = TextOrigin(line: bodyStartLine, column: 1)
                        guard let memo else {
                            rendered[index] = try render(body, origin: origin, on: index, state: PageRenderState())
                            return
                        }
                        // The last build's key when nothing it was made from changed (`MarkdownMemo.KeyParts`), else hashed.
                        let keyed = MarkdownMemo.KeyParts(environment: environment, bodyStartLine: bodyStartLine, url: urls[index], body: body)
                        var slot = MarkdownMemo.Slot()
                        let key: UInt64
                        let atIndex = index < lastSources.count && index < lastEntries.count && lastSources[index] == source
                        let changed = atIndex && !lastChanged.isEmpty ? lastChanged[index] : nil
                        if atIndex, changed == nil, let base = lastEntries.baseAddress {
                            // Read where it lies, field by field: passing the entry along copied it whole.
                            let last = base + index
                            slot.hashed = last.pointee.keyed?.makesTheSameKey(as: keyed) != true
                            key = slot.hashed ? MarkdownMemo.key(keyed, source: source) : last.pointee.key
                            if memo.reusable(key: last.pointee.key, inputs: last.pointee.inputs, reads: last.pointee.reads, under: key),
                               replan(last.pointee.images) {
                                slot.kept = true
                                if slot.hashed {
                                    slot.entry = last.pointee
                                    slot.entry?.keyed = keyed
                                }
                                rendered[index] = last.pointee.rendered
                                slots[index] = slot
                                return
                            }
                        } else {
                            let found: MarkdownMemo.Entry?
                            if let changed {
                                found = changed
                            } else {
                                let name = language + "|" + source
                                slot.name = name
                                found = memo.previous[name]
                            }
                            let made = found.map { MarkdownMemo.key(keyed, source: source, last: $0) } ?? (key: MarkdownMemo.key(keyed, source: source), hashed: true)
                            (key, slot.hashed) = (made.key, made.hashed)
                            if var entry = found, memo.reusable(entry, key: key), replan(entry.images) {
                                slot.kept = true
                                if slot.hashed {
                                    entry.keyed = keyed
                                    slot.entry = entry
                                }
                                rendered[index] = entry.rendered
                                slots[index] = slot
                                return
                            }
                        }
                        // What its components' renders use is recorded, as a page's render is (`MarkdownMemo`).
                        let state = PageRenderState()
                        // Most bodies call no component, and the entry keeps what was recorded: no room made in advance.
                        let recorder = ReadRecorder(capacity: 0)
                        let made = try ReadTracking.recording(recorder) { try render(body, origin: origin, on: index, state: state) }
                        slot.entry = memo.entry(key: key, keyed: keyed, rendered: made, images: state.images, recorded: recorder.recorded)
                        rendered[index] = made
                        slots[index] = slot
                    } catch let diagnostic as Diagnostic {
                        failures[index] = diagnostic
                    } catch {
                        failures[index] = Diagnostic(file: source, line: bodyStartLine, column: 1, message: "\(error)")
                    }
                }
            }
        }
        let diagnostics = failures.compactMap { $0 }
        // A page that failed fails the build, whose memo the session does not keep.
        if let memo, diagnostics.isEmpty {
            memo.record(UnsafeBufferPointer(slots), sources: { content.pages.withUnsafeBufferPointer { pages in pages.map(\.source) } },
                        position: position, language: language, last: last, tables: tables, environment: environment)
        }
        // Moved, not copied, into the array returned.
        let results = [RenderedMarkdown?](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress, let from = rendered.baseAddress { base.moveInitialize(from: from, count: count) }
            initialized = count
        }
        rendered.deallocate()
        return (results, diagnostics)
    }

    /// Asks the planner about a reused page's images, as rendering it would; false when one cannot be read
    /// now, so that the page is rendered again and the problem reported where it is.
    private func replan(_ requests: [MarkdownMemo.ImageRequest]) -> Bool {
        for request in requests {
            guard (try? images.facts(sitePath: request.sitePath, source: request.source)) != nil else { return false }
        }
        return true
    }

    /// Renders a page's body, or a component's body inside it: component calls first become placeholders
    /// (`ComponentScanner`), which the image hook replaces with the components' HTML in document order.
    func render(_ text: String, origin: TextOrigin, on index: Int, state: PageRenderState) throws -> RenderedMarkdown {
        var origin = origin
        var markdown = text
        var calls: [ComponentCall] = []
        if ComponentScanner.mayHaveCalls(text) {
            do {
                let scanned = try ComponentScanner(library: components).scan(text)
                (markdown, calls, origin.lineMap) = (scanned.markdown, scanned.calls, scanned.lineMap)
            } catch {
                let place = origin.locateScanned(line: error.line, column: error.column)
                throw Diagnostic(file: content.pages[index].source, line: place.line, column: place.column, message: error.message)
            }
        }
        let textOrigin = origin
        // A link's location is only needed to report it broken: worked out only for a page with one.
        return try MarkdownRenderer.render(markdown, options: options, locatingLinks: .onFailure,
                                           rewriteLink: { link in try rewrite(link, on: index, origin: textOrigin) },
                                           image: { image in
            if let call = ScannedText.callIndex(image.source), call < calls.count {
                return try component(calls[call], origin: textOrigin, on: index, state: state)
            }
            // The first image of a page is loaded at once; the others when the reader scrolls near them.
            state.imagesSeen += 1
            let place = textOrigin.locate(line: image.line, column: image.column)
            return ImageReplacement(html: try markup(image, on: index, lazy: state.imagesSeen > 1, place: place, state: state))
        })
    }

    /// The new destination of a link to another content file or to a site path, or nil to leave the link alone.
    private func rewrite(_ link: LinkReference, on index: Int, origin: TextOrigin) throws -> String? {
        let place = origin.locate(line: link.line, column: link.column)
        return try target(of: link.destination, on: index, place: place)
            .map { SitePath.link(from: urls[index], to: $0.sitePath + $0.suffix, basePath: tables.basePath) }
    }

    /// The HTML of an image: its size, `loading`, and resized copies when it has them (`ImagePlanner`).
    func markup(_ image: ImageReference, on index: Int, lazy: Bool, place: Place, state: PageRenderState) throws -> String {
        var html = ImageMarkup.Image(src: image.destination, alt: image.alt, title: image.title, size: nil, lazy: lazy)
        guard let target = try target(of: image.source, on: index, place: place), let source = target.source else {
            return ImageMarkup.html(html)
        }
        let facts: ImagePlanner.Facts
        do {
            facts = try images.facts(sitePath: target.sitePath, source: source)
            state.images.append(MarkdownMemo.ImageRequest(sitePath: target.sitePath, source: source))
        } catch {
            throw locate(place, on: index, "cannot read the image \(source): \(error.message)")
        }
        html.size = facts.size
        // libvips is loaded here, by the first image that needs copies; without it, each page that shows one is
        // an error at that image.
        if !facts.copies.isEmpty, let missing = ImageCache.unavailable {
            throw Diagnostic(file: content.pages[index].source, line: place.line, column: place.column,
                             message: "\(image.source) needs resized copies (`images:` in site.yml), and \(missing.message)",
                             notes: missing.notes)
        }
        if !facts.copies.isEmpty, let size = facts.size {
            let page = urls[index]
            html.sizes = images.settings.sizes
            html.srcset = facts.copies.map { .init(url: SitePath.link(from: page, to: $0.path, basePath: tables.basePath), width: $0.width) }
                + [.init(url: image.destination, width: size.width)]
            html.webp = facts.webpCopies.map { .init(url: SitePath.link(from: page, to: $0.path, basePath: tables.basePath), width: $0.width) }
        }
        return ImageMarkup.html(html)
    }

    /// Where a link leads: a site path (decoded, without `?query` or `#fragment`), that suffix, and the
    /// root-relative source of the file when it is one the build copies; nil for a link to leave alone
    /// (another site, a fragment of this page, a relative link to something that is not a content file).
    func target(of destination: String, on index: Int, place: Place) throws -> (sitePath: String, suffix: String, source: String?)? {
        if destination.hasPrefix("/") && !destination.hasPrefix("//") {
            return try sitePathTarget(of: destination, on: index, place: place)
        }
        guard let (path, fragment) = Self.fileReference(destination) else { return nil }
        // `percentDecode` returns a path without "%" unchanged; skipping the call skips its string search.
        let hasEscape = path.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "%")) }
            ?? path.utf8.contains(UInt8(ascii: "%"))
        let decoded = hasEscape ? SitePath.percentDecode(path) ?? path : path
        let joined: String? = if let folder = tables.folders[index], let resolved = Self.resolve(decoded, in: folder) {
            resolved
        } else {
            Self.join(content.pages[index].source, decoded)
        }
        guard let source = joined else {
            throw locate(place, on: index, "link '\(destination)' leads outside content/")
        }
        if let target = tables.pageBySource[source] {
            return (urls[target], fragment, nil)
        }
        if let asset = tables.assetBySource[source] {
            return (asset, fragment, source)
        }
        if let url = tables.fallbackURLs[source] {
            return (url, fragment, nil)
        }
        if decoded.hasSuffix(".md") {
            if tables.draftSources.contains(source) {
                throw locate(place, on: index, "link to '\(destination)': \(source) is a draft (draft: true), left out of this build; "
                                                 + "build with --drafts, or publish it, or remove the link")
            }
            throw locate(place, on: index, "link to '\(destination)': there is no \(source)")
        }
        return nil
    }

    /// A destination written as a site path: `/img/plan.svg`, `/timeline/chatgpt-launch/#why`.
    private func sitePathTarget(of destination: String, on index: Int, place: Place) throws -> (sitePath: String, suffix: String, source: String?) {
        let end = destination.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? destination.endIndex
        let written = String(destination[..<end])
        let path = SitePath.percentDecode(written) ?? written
        let suffix = String(destination[end...])
        switch files[path] {
        case .page(let target)?: return (urls[target], suffix, nil)
        case .file(let source)?: return (path, suffix, source)
        case .generated?: return (path, suffix, nil)
        case nil:
            var message = "link to '\(destination)': no page, and no file in static/ or content/, has this site path"
            if let near = files.suggestion(for: path) { message += " — did you mean '\(near)'?" }
            throw locate(place, on: index, message)
        }
    }

    /// A line and column in the page's file.
    typealias Place = (line: Int, column: Int)

    func locate(_ place: Place, on index: Int, _ message: String) -> Diagnostic {
        Diagnostic(file: content.pages[index].source, line: place.line, column: place.column, message: message)
    }

    /// A destination split into path and `#fragment`, or nil when it cannot name a file under
    /// `content/`: empty, a fragment of this page, a site path (`/…`) or anything with a `:` (a scheme).
    ///
    /// ASCII destinations, nearly all of them, are checked on bytes; others by `Character`, as
    /// always, so that a combining mark after `#`, `/` or `:` keeps meaning what it meant.
    static func fileReference(_ destination: String) -> (path: String, fragment: String)? {
        if destination.isAllASCII {
            // Searched in the string's own buffer: `utf8.contains` and `utf8.firstIndex(of:)` walk the view a
            // byte at a time through the generic interface, which cost more than the rest of the rewrite.
            return destination.utf8.withContiguousStorageIfAvailable { fileReference(destination, bytes: $0) }
                ?? fileReference(destination, bytes: destination.utf8)
        }
        // `firstIndex(of:)` rather than `contains(":")`, which would go through Foundation's string search.
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") || destination.firstIndex(of: ":") != nil {
            return nil
        }
        guard let hash = destination.firstIndex(of: "#") else { return (destination, "") }
        return (String(destination[..<hash]), String(destination[hash...]))
    }

    /// `fileReference` of an ASCII destination, on its bytes.
    private static func fileReference<Bytes: Collection<UInt8>>(_ destination: String, bytes: Bytes)
        -> (path: String, fragment: String)? {
        guard let first = bytes.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "/"),
              !bytes.contains(UInt8(ascii: ":")) else { return nil }
        guard let hash = bytes.firstIndex(of: UInt8(ascii: "#")) else { return (destination, "") }
        return (String(decoding: bytes[..<hash], as: UTF8.self), String(decoding: bytes[hash...], as: UTF8.self))
    }

    /// `content/timeline/a.md` + `../people/b.md` → `content/people/b.md`; nil when it climbs out of content/.
    ///
    /// Paths are split by `Character`: a "/" carrying a combining mark is not a separator. `resolve`
    /// gives the same result on bytes for ASCII paths.
    static func join(_ source: String, _ relative: String) -> String? {
        var segments = source.split(separator: "/").map(String.init)
        _ = segments.popLast()
        for component in relative.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard segments.count > 1 else { return nil }
                segments.removeLast()
            default: segments.append(String(component))
            }
        }
        return segments.joined(separator: "/")
    }

    /// The folder of a source path, as `join` sees it: its non-empty segments but the last, joined by "/".
    typealias Folder = (bytes: [UInt8], depth: Int)

    /// The folder of an ASCII source path; nil for any other, which `join` handles.
    static func folder(of source: String) -> Folder? {
        guard source.isAllASCII else { return nil }
        let segments = source.utf8.split(separator: UInt8(ascii: "/")).dropLast()
        return (Array(segments.joined(separator: [UInt8(ascii: "/")])), segments.count)
    }

    /// `join` for an ASCII `relative` path on bytes: one buffer, no segment arrays, no `Character`
    /// splitting. Nil when `relative` is not ASCII (the caller then uses `join`) or climbs out of content/.
    ///
    /// Segments in `bytes` are non-empty and separated by single slashes, so dropping the last one
    /// cuts at the last slash.
    static func resolve(_ relative: String, in folder: Folder) -> String? {
        guard relative.isAllASCII else { return nil }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var bytes = folder.bytes
        bytes.reserveCapacity(folder.bytes.count + relative.utf8.count + 1)
        var depth = folder.depth
        var path = relative
        let inside = path.withUTF8 { text -> Bool in
            var start = 0
            while start < text.count {
                var end = start
                while end < text.count && text[end] != slash { end += 1 }
                let length = end - start
                if length == 0 || (length == 1 && text[start] == dot) {
                    // An empty segment or ".": nothing to do.
                } else if length == 2 && text[start] == dot && text[start + 1] == dot {
                    guard depth > 1 else { return false }
                    bytes.removeSubrange((bytes.lastIndex(of: slash) ?? 0)...)
                    depth -= 1
                } else {
                    if depth > 0 { bytes.append(slash) }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
                    depth += 1
                }
                start = end + 1
            }
            return true
        }
        return inside ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
