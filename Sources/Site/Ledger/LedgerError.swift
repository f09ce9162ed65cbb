/// One problem with the claims ledger: its settings in `site.yml`, a page's `passages:`, or a quotation a
/// page shows that no passage accounts for.
///
/// Cases carry data; `message` and `notes` are the one place where a ledger problem becomes words, and
/// `diagnostic` the one place where it becomes the build's `Diagnostic`.
struct LedgerError: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `ledger:` in site.yml is not a mapping.
        case settingsNotMapping(found: String)
        /// `ledger:` lacks `text:`, the source text passages are checked against.
        case settingsMissingText
        /// A setting holds the wrong type (`required: timeline` instead of a list).
        case settingType(key: String, expected: String, found: String)
        /// A key `ledger:` does not know, with the closest known one.
        case unknownSetting(key: String, suggestion: String?)
        /// `required:` names a collection the site does not have.
        case unknownCollection(name: String, suggestion: String?)
        /// `text:` is absolute, climbs out with `..`, or resolves outside the site folder.
        case textOutsideRoot(path: String)
        /// `text:` cannot be read, or is not UTF-8 text.
        case textUnreadable(path: String, reason: String)
        /// `passages:` is not a list.
        case passagesNotList(found: String)
        /// An item of `passages:` is not a mapping.
        case passageNotMapping(found: String)
        /// A passage lacks `quote:` or `claim:`.
        case passageMissingField(field: String)
        /// A passage field holds the wrong type, or is empty.
        case passageFieldType(field: String, expected: String, found: String)
        /// A key a passage does not know, with the closest known one.
        case unknownPassageKey(key: String, suggestion: String?)
        /// A passage's quotation is not, character for character, in the source text.
        case notInSource(quote: String, textPath: String, divergence: Divergence?)
        /// A page of a `required:` collection lists no passage.
        case noPassages(collection: String, textPath: String)
        /// The page shows a quotation that no passage's `quote:` or `shown:` contains.
        case quotationNotInLedger(quotation: String, hasPassages: Bool)
        /// A page in the source's language shows a quotation that is not, character for character, in the source text.
        case quotationNotInSource(quotation: String, textPath: String, divergence: Divergence?)
    }

    /// Where a quotation stops matching the source text: the longest start of it that the text does contain.
    struct Divergence: Sendable, Equatable {
        /// The part of the quotation found in the text.
        var matched: String
        /// The line of the text where that part first occurs.
        var line: Int
        /// What the text has next, and what the quotation has next (a few characters each).
        var textNext: String
        var quoteNext: String
    }

    var kind: Kind
    var file: String
    var line: Int?
    var column: Int?

    var message: String {
        switch kind {
        case .settingsNotMapping(let found):
            return "'ledger' must be a mapping with 'text', 'language' and 'required', not \(found)"
        case .settingsMissingText:
            return "'ledger' needs 'text': the path of the source text, inside the site folder, that passages are checked against"
        case .settingType(let key, let expected, let found):
            return "ledger setting '\(key)' must be \(expected), not \(found)"
        case .unknownSetting(let key, let suggestion):
            return "unknown ledger setting '\(key)'" + Self.didYouMean(suggestion)
        case .unknownCollection(let name, let suggestion):
            return "ledger.required names '\(name)', which is not a collection of this site" + Self.didYouMean(suggestion)
        case .textOutsideRoot(let path):
            return "ledger text '\(path)' is outside the site folder; the build reads only inside it"
        case .textUnreadable(let path, let reason):
            return "cannot read the ledger text '\(path)': \(reason)"
        case .passagesNotList(let found):
            return "'passages' must be a list of passages (each with 'quote' and 'claim'), not \(found)"
        case .passageNotMapping(let found):
            return "a passage must be a mapping with 'quote' and 'claim', not \(found)"
        case .passageMissingField(let field):
            return "this passage has no '\(field)'"
        case .passageFieldType(let field, let expected, let found):
            return "passage '\(field)' must be \(expected), not \(found)"
        case .unknownPassageKey(let key, let suggestion):
            return "unknown passage key '\(key)'" + Self.didYouMean(suggestion)
        case .notInSource(let quote, let textPath, _):
            return "passage \"\(Self.excerpt(quote))\" is not in \(textPath) word for word"
        case .noPassages(let collection, _):
            return "this page lists no source passages; every page of '\(collection)' needs at least one"
        case .quotationNotInLedger(let quotation, _):
            return "the quotation \"\(Self.excerpt(quotation))\" is not in this page's ledger"
        case .quotationNotInSource(let quotation, let textPath, _):
            return "the quotation \"\(Self.excerpt(quotation))\" is not in \(textPath) word for word"
        }
    }

    var notes: [String] {
        switch kind {
        case .notInSource(_, _, let divergence?):
            return [Self.divergenceNote(divergence, of: "passage")]
        case .quotationNotInSource(_, _, let divergence?):
            return [Self.divergenceNote(divergence, of: "quotation")]
        case .notInSource(_, let textPath, nil):
            return ["copy the passage from \(textPath) exactly, in the source's own language"]
        case .quotationNotInSource(_, let textPath, nil):
            return ["a page in the source's language quotes the source's own words: copy them from \(textPath) exactly, "
                    + "or drop the quotation marks if it is not a quotation"]
        case .noPassages(_, let textPath):
            return ["list under 'passages:' each passage of \(textPath) this page rests on: "
                    + "'quote' (exactly as the text has it) and 'claim' (what it supports)"]
        case .quotationNotInLedger(_, let hasPassages):
            return [hasPassages
                    ? "add it to the 'shown' of the passage it translates, or drop the quotation marks if it is not a quotation"
                    : "add a passage whose 'quote' it comes from, with the wording shown here in 'shown'"]
        case .textOutsideRoot:
            return ["keep a copy of the source text inside the site folder, e.g. ledger/source.txt"]
        default:
            return []
        }
    }

    var diagnostic: Diagnostic {
        Diagnostic(file: file, line: line, column: column, message: message, notes: notes)
    }

    private static func divergenceNote(_ divergence: Divergence, of what: String) -> String {
        "the text has the first \(divergence.matched.count) characters (line \(divergence.line)), then "
            + "\"\(divergence.textNext)\" where the \(what) has \"\(divergence.quoteNext)\""
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " — did you mean '\($0)'?" } ?? ""
    }

    /// A long quotation shortened for a one-line message.
    private static func excerpt(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "…"
    }
}
