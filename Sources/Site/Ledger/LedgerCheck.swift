import Content
import Foundation
import SiteInputs

/// Checks every page's claims ledger against the source text.
///
/// A page is checked when it lists `passages:`, or belongs to a collection of `ledger.required`:
/// - each passage has a `quote` and a `claim`, and its quote is in the source text word for word;
/// - a page of a required collection lists at least one passage;
/// - every quotation the page shows (between double quotation marks, in its body, a front-matter string or a
///   passage's claim) is accounted for: it is part of a passage's `shown` wording (a translation), or of a passage's `quote`.
/// A translation in the source's own language is checked by `SourceLanguageQuotations`: its quotations are the
/// source's words, so each must be in the source text itself.
enum LedgerCheck {
    /// The front-matter key a page lists its passages under.
    static let key = "passages"

    /// Every problem of the site's ledger in the default language's pages; none when `site.yml` has no `ledger:`.
    static func check(_ content: ContentSet, root: URL, log: ReadLog? = nil) -> [LedgerError] {
        check([content], root: root, log: log, memo: nil)
    }

    /// Every problem of the site's ledger: the default language's pages (`editions[0]`) as above, and every
    /// quotation on the pages of a translation in the ledger's own language (`SourceLanguageQuotations`).
    /// - Parameter memo: in a session, the last build's checks of the pages (`LedgerMemo`).
    static func check(_ editions: [ContentSet], root: URL, log: ReadLog? = nil, memo: LedgerMemo? = nil) -> [LedgerError] {
        guard let content = editions.first else { return [] }
        let (read, errors) = LedgerSettings.read(content.config, collections: content.collections.map(\.name))
        guard let settings = read else { return errors }
        let textNode = content.config.extra.first { $0.key == "ledger" }?.value["text"]
        let source: LedgerSourceText
        switch LedgerSourceText.read(settings.text, root: root, log: log, at: textNode) {
        case .failure(let error): return [error]
        case .success(let text): source = text
        }
        let required = Set(settings.required)
        memo?.use(source)
        var found = Array(content.pages.indices).concurrentMap { index -> [LedgerError] in
            let page = content.pages[index]
            let isRequired = !page.isListPage && page.collection.map(required.contains) == true
            let node = page[key]
            guard node != nil || isRequired else { return [] }
            let requiredBy = isRequired ? page.collection : nil
            let make = { check(page, node: node, requiredBy: requiredBy, source: source) }
            return memo?.errors(content.language + "|" + page.source, Self.reads(page, requiredBy: requiredBy, original: nil), check: make)
                ?? make()
        }.flatMap { $0 }
        for edition in editions.dropFirst() where edition.language == settings.language {
            found += Array(edition.pages.indices).concurrentMap { index -> [LedgerError] in
                let page = edition.pages[index]
                let original = page.originalSource.flatMap(content.page(atSource:)).map { content.pages[$0] }
                let make = { SourceLanguageQuotations.check(page, original: original, source: source) }
                return memo?.errors(edition.language + "|" + page.source, Self.reads(page, requiredBy: nil, original: original),
                                    check: make) ?? make()
            }.flatMap { $0 }
        }
        return found
    }

    /// What a page's check reads besides the source text, for `LedgerMemo`.
    private static func reads(_ page: Page, requiredBy: String?, original: Page?) -> LedgerMemo.Entry {
        LedgerMemo.Entry(frontMatter: page.frontMatter, body: page.body, bodyStartLine: page.bodyStartLine, requiredBy: requiredBy,
                         original: original.map { ($0.source, $0.frontMatter) }, errors: [])
    }

    private static func check(_ page: Page, node: Node?, requiredBy collection: String?, source: LedgerSourceText) -> [LedgerError] {
        var errors: [LedgerError] = []
        var passages: [Passage] = []
        if let node {
            let parsed = Passage.list(from: node, file: page.source)
            passages = parsed.passages
            errors += parsed.errors
        }
        for passage in passages where !source.contains(passage.quote) {
            errors.append(LedgerError(kind: .notInSource(quote: passage.quote, textPath: source.path,
                                                         divergence: source.divergence(of: passage.quote)),
                                      file: page.source, line: passage.line, column: passage.column))
        }
        if let collection, passages.isEmpty, errors.isEmpty {
            errors.append(LedgerError(kind: .noPassages(collection: collection, textPath: source.path),
                                      file: page.source, line: 1, column: 1))
        }
        let shown = passages.flatMap(\.shown).map(normalized)
        let quotes = passages.map(\.quote)
        let accounted = { (quotation: String) -> Bool in
            let wanted = normalized(quotation)
            if wanted.isEmpty || !wanted.contains(where: { $0.isLetter || $0.isNumber }) { return true }
            return shown.contains { containsWords(wanted, in: $0) }
                || quotes.contains { byteContains($0, quotation) ?? $0.contains(quotation) }
        }
        for quotation in QuotationScanner.quotations(in: page.body) where !accounted(quotation.text) {
            errors.append(LedgerError(kind: .quotationNotInLedger(quotation: quotation.text, hasPassages: !passages.isEmpty),
                                      file: page.source, line: page.bodyStartLine + quotation.line - 1, column: quotation.column))
        }
        // Front-matter strings and the passages' claims (both shown on the page), each located at its value.
        var shownStrings = page.frontMatter.filter { $0.key != self.key }.flatMap { $0.value.stringScalars }
        shownStrings += passages.map { ($0.claim, $0.claimLine, $0.claimColumn) }
        for string in shownStrings {
            for quotation in QuotationScanner.quotations(in: string.text) where !accounted(quotation.text) {
                errors.append(LedgerError(kind: .quotationNotInLedger(quotation: quotation.text, hasPassages: !passages.isEmpty),
                                          file: page.source, line: string.line, column: string.column))
            }
        }
        return errors
    }

    /// Lower case, curly apostrophes straight, runs of white space as one space, no punctuation at either end.
    static func normalized(_ text: String) -> String {
        byteNormalized(text) ?? characterNormalized(text)
    }

    /// `normalized`, by Foundation and `Character`, for any text.
    static func characterNormalized(_ text: String) -> String {
        text.lowercased()
            .replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .trimmingScalars(in: edges)
    }

    /// What `normalized` trims from either end: white space, and the punctuation that surrounds a quotation.
    private static let edges = CharacterSet(charactersIn: " .,;:!?…'\"“”‘’()").union(.whitespacesAndNewlines)

    /// True when `needle` occurs in `haystack` starting and ending at word boundaries.
    static func containsWords(_ needle: String, in haystack: String) -> Bool {
        byteContainsWords(needle, in: haystack) ?? characterContainsWords(needle, in: haystack)
    }

    /// `containsWords`, by Foundation's search and `Character`, for any text.
    static func characterContainsWords(_ needle: String, in haystack: String) -> Bool {
        var searchStart = haystack.startIndex
        while let range = haystack.range(of: needle, range: searchStart..<haystack.endIndex) {
            let before = range.lowerBound == haystack.startIndex ? nil : haystack[haystack.index(before: range.lowerBound)]
            let after = range.upperBound == haystack.endIndex ? nil : haystack[range.upperBound]
            let isWordCharacter = { (c: Character?) in c.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            searchStart = haystack.index(after: range.lowerBound)
        }
        return false
    }
}
