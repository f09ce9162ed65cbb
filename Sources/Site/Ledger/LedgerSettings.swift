import Content
import DidYouMean

/// The `ledger:` mapping of `site.yml`: which text passages are checked against, in which language, and
/// which collections must list passages on every page.
///
/// ```yaml
/// ledger:
///   text: ledger/source.txt     # inside the site folder
///   language: zh                # of the passages (for lang="…"); the site's language by default
///   required: [timeline]        # every page of these collections needs at least one passage
/// ```
/// Without `ledger:` the feature is off and `passages:` is ordinary front matter.
struct LedgerSettings: Sendable, Equatable {
    static let keys = ["text", "language", "required"]

    /// Root-relative path of the source text, as written.
    var text: String
    var language: String
    var required: [String]

    /// The settings (nil when `site.yml` has no `ledger:`, or when they have problems) and their problems.
    static func read(_ config: SiteConfig, collections: [String]) -> (settings: LedgerSettings?, errors: [LedgerError]) {
        guard let node = config.extra.first(where: { $0.key == "ledger" })?.value else { return (nil, []) }
        let file = "site.yml"
        guard case .mapping(let pairs) = node.value else {
            return (nil, [LedgerError(kind: .settingsNotMapping(found: node.value.typeName), file: file,
                                      line: node.line, column: node.column)])
        }
        var errors: [LedgerError] = []
        var text: String?
        var language = config.language
        var required: [String] = []
        for (key, value) in pairs {
            switch key {
            case "text", "language":
                guard let string = value.string, !string.isEmpty else {
                    errors.append(LedgerError(kind: .settingType(key: key, expected: "a non-empty string", found: value.value.typeName),
                                              file: file, line: value.line, column: value.column))
                    continue
                }
                if key == "text" { text = string } else { language = string }
            case "required":
                guard case .list(let items) = value.value else {
                    errors.append(LedgerError(kind: .settingType(key: key, expected: "a list of collection names", found: value.value.typeName),
                                              file: file, line: value.line, column: value.column))
                    continue
                }
                for item in items {
                    guard let name = item.string else {
                        errors.append(LedgerError(kind: .settingType(key: key, expected: "a list of collection names", found: item.value.typeName),
                                                  file: file, line: item.line, column: item.column))
                        continue
                    }
                    if collections.contains(name) {
                        required.append(name)
                    } else {
                        errors.append(LedgerError(kind: .unknownCollection(name: name, suggestion: Suggestion.closest(to: name, in: collections)),
                                                  file: file, line: item.line, column: item.column))
                    }
                }
            default:
                errors.append(LedgerError(kind: .unknownSetting(key: key, suggestion: Suggestion.closest(to: key, in: keys)),
                                          file: file, line: value.keyLine ?? value.line, column: value.keyColumn ?? value.column))
            }
        }
        if text == nil && !errors.contains(where: { if case .settingType(key: "text", _, _) = $0.kind { return true } else { return false } }) {
            errors.append(LedgerError(kind: .settingsMissingText, file: file, line: node.keyLine ?? node.line,
                                      column: node.keyColumn ?? node.column))
        }
        guard errors.isEmpty, let text else { return (nil, errors) }
        return (LedgerSettings(text: text, language: language, required: required), [])
    }
}
