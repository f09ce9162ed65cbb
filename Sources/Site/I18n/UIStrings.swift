import Content
import Foundation

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

    /// language → key → entry.
    private(set) var tables: [String: [String: Entry]] = [:]
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
    mutating func set(_ table: [String: Entry], for language: String) { tables[language] = table }
}
