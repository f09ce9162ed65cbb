import Content
import Foundation
import Templates

/// The templates' own words in every language: `i18n/<lang>.yml`, read by the `t` filter.
///
/// A file is a mapping of keys to strings (`read_timeline: Read the timeline`); a mapping of plural forms
/// (`events: {one: "{count} event", other: "{count} events"}`, CLDR's category names, `other` required) is
/// chosen by `count`; any other mapping is a group whose keys are joined with a dot (`nav: {home: Home}` is
/// `nav.home`). Every language must have the same keys: a key missing from one file is an error at that file.
struct UIStrings: Sendable, Equatable {
    static let folder = "i18n"
    static let pluralForms = ["zero", "one", "two", "few", "many", "other"]

    /// One key's text: a plain string, or its plural forms.
    enum Entry: Sendable, Equatable {
        case text(String)
        case plural([String: String])
    }

    /// One key's text split into parts once (`UIMessage`), for the `t` filter.
    enum CompiledEntry: Sendable {
        case text(UIMessage)
        case plural([String: UIMessage])
    }

    /// language → key → entry.
    private(set) var tables: [String: [String: Entry]] = [:]
    /// The same entries as messages, by language: a site has a few languages, found by comparing names rather
    /// than by hashing on every call of `t`.
    private(set) var compiled: [(language: String, messages: Messages)] = []

    /// One language's messages, found by key through the template engine's mapping, whose lookups compare
    /// fingerprints of the key's bytes (a `Dictionary` hashed every key with SipHash, on every call of `t`):
    /// the mapping holds each key's position in `entries`.
    struct Messages: Sendable {
        private let positions: OrderedDictionary
        private let entries: [CompiledEntry]

        init(_ table: [String: CompiledEntry]) {
            let keys = table.keys.sorted()
            positions = OrderedDictionary(keys.enumerated().map { ($0.element, Value.int($0.offset)) })
            entries = keys.compactMap { table[$0] }
        }

        subscript(key: String) -> CompiledEntry? {
            guard case .int(let position)? = positions[key] else { return nil }
            return entries[position]
        }
    }

    static func == (lhs: UIStrings, rhs: UIStrings) -> Bool { lhs.tables == rhs.tables }
    /// Each language's tag (`OrderedDictionary.origin`) when an incremental build records what renders read
    /// (`OriginTable.tag(_:)`): `t` then records each key it looks up as a read of that tag, so a page is
    /// rendered again only when a string it showed changed. Empty in a full build.
    var origins: [String: UInt32] = [:]
    /// Where each language's file is, for messages.
    static func file(for language: String) -> String { "\(folder)/\(language).yml" }

    /// The entry of `key` in `language`, or nil.
    func entry(_ key: String, language: String) -> Entry? { tables[language]?[key] }

    /// Every language with a file, sorted.
    var languages: [String] { tables.keys.sorted() }

    /// Whether the site has a file for `language`.
    func has(_ language: String) -> Bool { tables[language] != nil }

    /// Every key of `language`, sorted (for "did you mean").
    func keys(of language: String) -> [String] { (tables[language]?.keys).map { $0.sorted() } ?? [] }

    /// Adds one file's table (`UIStringsLoader`).
    mutating func set(_ table: [String: Entry], for language: String) {
        tables[language] = table
        let entries = table.mapValues { entry -> CompiledEntry in
            switch entry {
            case .text(let text): return .text(UIMessage(text))
            case .plural(let forms): return .plural(forms.mapValues(UIMessage.init))
            }
        }
        compiled.removeAll { $0.language == language }
        compiled.append((language, Messages(entries)))
    }

    /// The messages of `language`, or nil when the site has no file for it.
    func messages(of language: String) -> Messages? {
        for table in compiled where table.language == language { return table.messages }
        return nil
    }
}
