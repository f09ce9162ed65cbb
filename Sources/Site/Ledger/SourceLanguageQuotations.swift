import Content

/// The claims ledger on the pages of a translation in the source's own language (`ledger.language`, the Chinese
/// edition of a site whose source text is Chinese): such a page quotes the source itself, not a translation of
/// it, so every quotation it shows must be in the source text word for word.
///
/// Its quotations are those `QuotationScanner` finds in its body and in its front-matter strings (not in
/// `passages:`, which it shares with its original, where they are checked, and whose claims are in the default
/// language). A string the translation inherits from its original is reported at the original's file.
enum SourceLanguageQuotations {
    /// Every quotation of `page` (a translation in the source's language) that the source text does not contain.
    static func check(_ page: Page, original: Page?, source: LedgerSourceText) -> [LedgerError] {
        var errors: [LedgerError] = []
        let missing = { (quotation: QuotationScanner.Quotation, file: String, line: Int, column: Int) in
            // Nothing to check in a quotation without a letter or number (a quotation mark used on its own).
            guard quotation.text.contains(where: { $0.isLetter || $0.isNumber }), !source.contains(quotation.text) else { return }
            errors.append(LedgerError(kind: .quotationNotInSource(quotation: quotation.text, textPath: source.path,
                                                                  divergence: source.divergence(of: quotation.text)),
                                      file: file, line: line, column: column))
        }
        for quotation in QuotationScanner.quotations(in: page.body) {
            missing(quotation, page.source, page.bodyStartLine + quotation.line - 1, quotation.column)
        }
        for (key, node) in page.frontMatter where key != LedgerCheck.key {
            let file = isInherited(node, key: key, from: original) ? (original?.source ?? page.source) : page.source
            for string in node.stringScalars {
                for quotation in QuotationScanner.quotations(in: string.text) {
                    missing(quotation, file, string.line, string.column)
                }
            }
        }
        return errors
    }

    /// Whether `node` is the original's own value of `key`: the same strings at the same places.
    private static func isInherited(_ node: Node, key: String, from original: Page?) -> Bool {
        guard let theirs = original?[key] else { return false }
        let (mine, others) = (node.stringScalars, theirs.stringScalars)
        return mine.count == others.count && zip(mine, others).allSatisfy { $0 == $1 }
    }
}
