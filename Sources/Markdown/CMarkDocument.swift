import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that talks to cmark-gfm's C API.
///
/// Everything crossing this boundary is copied into Swift values, and every C allocation is freed
/// in the scope that made it (`defer`), including when a callback throws. The rest of the module
/// works on `LinkSite`, `String` and `Int` only.
enum CMarkDocument {
    /// GFM extensions attached to every parser. Footnotes are a parser option, not an extension.
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    /// The extensions that have no trigger characters in the inline parser's shared table (see `parseLock`).
    private static let blockExtensionNames = ["table", "tagfilter", "tasklist"]

    /// `cmark_gfm_core_extensions_ensure_registered` mutates a global registry and is not safe to
    /// race; a `static let` runs it exactly once, on first use, under Swift's lazy-global lock.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Serialises the inline phase of parsing, and nothing else.
    ///
    /// cmark-gfm 0.29 keeps the inline parser's table of special characters in a process-wide array:
    /// `cmark_parser_finish` sets the extensions' characters (`~`, `:`, `w`…) before parsing inlines
    /// and clears them again at its end. Two finishes running at once would make each other miss
    /// strikethrough and autolinks, so `cmark_parser_finish` runs under this lock. Everything else runs
    /// concurrently: in 0.29.0.gfm.6 only `cmark_parser_finish` calls the inline parser (the table
    /// extension splits rows into cells itself, and reference definitions are read without the
    /// table), so feeding the text (block parsing, UTF-8 checking), the tree walks, the callbacks and
    /// HTML rendering never touch that array.
    ///
    /// Most documents cannot hold strikethrough or an extended autolink at all (see `needsInlineExtensions`).
    /// They are parsed without those two extensions, so their finish adds and clears nothing, and they skip
    /// the lock. Such a parse may still see another thread's characters in the table; a trigger character
    /// that no attached extension claims only ends a run of text there, which renders to the same HTML.
    /// Without this, a build spent half its Markdown time waiting for this lock.
    private static let parseLock = NSLock()

    /// Whether `markdown` could contain what the strikethrough or autolink extension makes: `~` (strikethrough),
    /// `@` (e-mail addresses, `mailto:`), `://` (URLs) or `www.` in any case. Documents without any of these
    /// render identically with or without the two extensions. The test is a superset of what the extensions
    /// look for, so a false "yes" only costs the lock.
    static func needsInlineExtensions(_ markdown: String) -> Bool {
        var text = markdown
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let count = bytes.count
            var index = 0
            // Eight bytes at a time: most words of a body hold none of the four candidate bytes, and a word
            // is tested for all four with a few integer operations instead of a branch per byte.
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if holdsCandidate(word) {
                    for offset in index..<(index + 8) where isTrigger(bytes, at: offset) { return true }
                }
                index += 8
            }
            while index < count {
                if isTrigger(bytes, at: index) { return true }
                index += 1
            }
            return false
        }
    }

    /// Whether any byte of `word` is `~`, `@`, `:`, `w` or `W`: the has-a-zero-byte test on `word` XOR
    /// each candidate repeated (OR 0x20 folds `W` onto `w`; no other byte folds onto it).
    @inline(__always)
    private static func holdsCandidate(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "~"))))
            || hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: "@"))))
            || hasZeroByte(word ^ (ones &* UInt64(UInt8(ascii: ":"))))
            || hasZeroByte((word | (ones &* 0x20)) ^ (ones &* UInt64(UInt8(ascii: "w"))))
    }

    /// Whether a trigger starts at `index`: `~`, `@`, `://` or `www.` in any case.
    @inline(__always)
    private static func isTrigger(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "~"), UInt8(ascii: "@"):
            return true
        case UInt8(ascii: ":"):
            return index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/")
        case UInt8(ascii: "w"), UInt8(ascii: "W"):
            return index + 3 < bytes.count && bytes[index + 1] | 0x20 == UInt8(ascii: "w")
                && bytes[index + 2] | 0x20 == UInt8(ascii: "w") && bytes[index + 3] == UInt8(ascii: ".")
        default:
            return false
        }
    }

    /// Parses `markdown`, lets the callbacks rewrite links and name headings, and renders HTML.
    ///
    /// - Parameters:
    ///   - alwaysAttachInlineExtensions: attach strikethrough and autolink (and take the lock) even when the
    ///     document cannot use them; tests compare the two ways.
    ///   - link: called for every link and image, in document order; a non-nil result replaces the destination.
    ///   - image: called for every image right after `link`, with its final destination, alt text (plain) and
    ///     title; a non-nil result is HTML that replaces the whole image (nil: cmark-gfm's own `<img>`).
    ///   - heading: called with each heading's level and plain text; returns its `id`.
    /// - Returns: the HTML and the plain text of the first paragraph outside footnotes.
    /// - Throws: whatever `link` throws, or `MarkdownError` when an extension is missing.
    static func render(
        _ markdown: String,
        allowRawHTML: Bool,
        headingAnchorLabel: String = MarkdownOptions.defaultHeadingAnchorLabel,
        alwaysAttachInlineExtensions: Bool = false,
        link: (LinkSite) throws -> String?,
        image: ((_ destination: String, _ alt: String, _ title: String) throws -> ImageReplacement?)? = nil,
        heading: (_ level: Int, _ text: String) -> String
    ) throws -> (html: String, excerpt: String) {
        _ = registration
        // No CMARK_OPT_VALIDATE_UTF8: a Swift `String` is valid UTF-8 by construction, so cmark's own check of
        // every line (a fifth of its parsing time) could never replace anything. NUL bytes are replaced either way.
        var options = CMARK_OPT_FOOTNOTES
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }

        guard let parser = cmark_parser_new(options) else { return ("", "") }
        defer { cmark_parser_free(parser) }
        let inlineExtensions = alwaysAttachInlineExtensions || needsInlineExtensions(markdown)
        for name in inlineExtensions ? extensionNames : blockExtensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                throw MarkdownError.extensionUnavailable(name)
            }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        var text = markdown
        text.withUTF8 { buffer in
            if let base = buffer.baseAddress, buffer.count > 0 {
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        let document = inlineExtensions ? parseLock.withLock { cmark_parser_finish(parser) } : cmark_parser_finish(parser)
        guard let document else { return ("", "") }
        defer { cmark_node_free(document) }

        var headings: [OpaquePointer] = []
        var images: [(node: OpaquePointer, replacement: ImageReplacement)] = []
        var firstParagraph: OpaquePointer?
        guard let iterator = cmark_iter_new(document) else { return ("", "") }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let site = site(of: node, isImage: type == CMARK_NODE_IMAGE)
                let replacement = try link(site)
                if let replacement { cmark_node_set_url(node, replacement) }
                if type == CMARK_NODE_IMAGE, let image,
                   let markup = try image(replacement ?? site.destination, plainText(of: node),
                                          cmark_node_get_title(node).map { String(cString: $0) } ?? "") {
                    images.append((node, markup))
                }
            } else if type == CMARK_NODE_HEADING {
                headings.append(node)
            } else if type == CMARK_NODE_PARAGRAPH && firstParagraph == nil && !isInFootnote(node) {
                firstParagraph = node
            }
        }
        let excerpt = firstParagraph.map(plainText(of:)) ?? ""
        // Replaced heading nodes must outlive rendering: their inline children's literals can point
        // into the heading's own content buffer, which is freed with the heading.
        var detached: [OpaquePointer] = []
        defer { detached.forEach { cmark_node_free($0) } }
        // Images first: one inside a heading then moves into the heading's wrapper with the other children.
        for (node, replacement) in images {
            if let detachedNode = replace(image: node, with: replacement) { detached.append(detachedNode) }
        }
        for node in headings {
            let level = Int(cmark_node_get_heading_level(node))
            if replace(heading: node, level: level, id: heading(level, plainText(of: node)), label: headingAnchorLabel) {
                detached.append(node)
            }
        }

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ("", excerpt)
        }
        defer { free(rendered) }
        return (String(cString: rendered), excerpt)
    }

    /// Copies what the position fix-up needs out of a link or image node.
    private static func site(of node: OpaquePointer, isImage: Bool) -> LinkSite {
        var block = cmark_node_parent(node)
        while let current = block, !isBlock(current) {
            block = cmark_node_parent(current)
        }
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            if cmark_node_get_type(current) == CMARK_NODE_TEXT { text += literal(of: current) }
            child = cmark_node_next(current)
        }
        return LinkSite(
            kind: isImage ? .image : .link,
            destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
            text: text,
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node)),
            blockKey: block.map { Int(bitPattern: $0) } ?? 0,
            blockLine: block.map { Int(cmark_node_get_start_line($0)) } ?? 0,
            blockColumn: block.map { Int(cmark_node_get_start_column($0)) } ?? 0,
            blockEndLine: block.map { Int(cmark_node_get_end_line($0)) } ?? 0
        )
    }

    /// Block node types carry `CMARK_NODE_TYPE_BLOCK` in their high bits (extension types too).
    private static func isBlock(_ node: OpaquePointer) -> Bool {
        Int32(bitPattern: cmark_node_get_type(node).rawValue) & CMARK_NODE_TYPE_MASK == CMARK_NODE_TYPE_BLOCK
    }

    private static func isInFootnote(_ node: OpaquePointer) -> Bool {
        var ancestor = cmark_node_parent(node)
        while let current = ancestor {
            if cmark_node_get_type(current) == CMARK_NODE_FOOTNOTE_DEFINITION { return true }
            ancestor = cmark_node_parent(current)
        }
        return false
    }

    /// Text and code spans of a subtree, line breaks as spaces, raw HTML and footnote marks left
    /// out, whitespace collapsed: what a reader sees, without markup.
    private static func plainText(of root: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(root) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = PlainText()
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(node) {
                    literal.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
                        text.append(UnsafeBufferPointer(start: start, count: strlen(literal)))
                    }
                }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text.appendSpace()
            }
        }
        return text.collapsed
    }

    private static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Swaps an image node for a custom inline that renders as the replacement's HTML and nothing else (its
    /// alt-text children go with the image); or, when asked and the image is all its paragraph holds, swaps the
    /// paragraph for a custom block, since a block such as `<aside>` may not sit inside `<p>`.
    /// - Returns: the node that was unlinked (the caller frees it after rendering), or nil.
    private static func replace(image node: OpaquePointer, with replacement: ImageReplacement) -> OpaquePointer? {
        var target = node
        var type = CMARK_NODE_CUSTOM_INLINE
        if replacement.replacesParagraph, let parent = cmark_node_parent(node),
           cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
           cmark_node_first_child(parent) == node, cmark_node_next(node) == nil {
            target = parent
            type = CMARK_NODE_CUSTOM_BLOCK
        }
        guard let custom = cmark_node_new(type) else { return nil }
        cmark_node_set_on_enter(custom, replacement.html)
        cmark_node_set_on_exit(custom, "")
        guard cmark_node_replace(target, custom) == 1 else {
            cmark_node_free(custom)
            return nil
        }
        return target
    }

    /// The lines (1-based, first to last) of every fenced or indented code block in `markdown`: where a
    /// preprocessor must leave the text alone. Parsed without extensions, which never change where a code
    /// block is.
    static func codeBlockLines(_ markdown: String) -> [ClosedRange<Int>] {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_parser_free(parser) }
        var text = markdown
        text.withUTF8 { buffer in
            if let base = buffer.baseAddress, buffer.count > 0 {
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var ranges: [ClosedRange<Int>] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { continue }
            let start = Int(cmark_node_get_start_line(node))
            ranges.append(start...max(start, Int(cmark_node_get_end_line(node))))
        }
        return ranges
    }

    /// Swaps a heading node for markup carrying its id and anchor.
    ///
    /// cmark-gfm's HTML renderer cannot add attributes to `<hN>`, and post-processing the HTML
    /// could be fooled by raw HTML in the document. So the heading becomes a custom block with no
    /// markup of its own (which renders nothing but a line break after it) holding a custom inline
    /// whose enter/exit strings are the `<hN id>` and anchor markup; the heading's inline children
    /// move inside unchanged and render as usual.
    /// - Returns: whether `node` was unlinked (the caller frees it after rendering).
    private static func replace(heading node: OpaquePointer, level: Int, id: String, label: String) -> Bool {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return false }
        guard let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
            cmark_node_free(block)
            return false
        }
        cmark_node_set_on_enter(wrapper, HeadingMarkup.opening(level: level, id: id))
        cmark_node_set_on_exit(wrapper, HeadingMarkup.closing(level: level, id: id, label: label))
        cmark_node_append_child(block, wrapper)
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(wrapper, child)
        }
        guard cmark_node_replace(node, block) == 1 else {
            // Not reachable with a heading from a parsed tree; put the children back and keep it.
            while let child = cmark_node_first_child(wrapper) { cmark_node_append_child(node, child) }
            cmark_node_free(block)
            return false
        }
        return true
    }
}
