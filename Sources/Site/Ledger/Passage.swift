import DidYouMean
import Foundation
import Content

/// One entry of a page's claims ledger: a passage of the source, exactly as the source has it, the claim
/// of the page it supports, and the wordings under which the page shows it as a quotation (translations).
///
/// ```yaml
/// passages:
///   - quote: "2022年11月30日,公司发布了ChatGPT。"
///     claim: OpenAI released ChatGPT on 30 November 2022.
///     shown: ["research release"]      # optional: a string or a list
/// ```
struct Passage: Sendable {
    static let keys = ["quote", "claim", "shown"]

    var quote: String
    var claim: String
    var shown: [String]
    /// Where `quote:`'s value was written.
    var line: Int
    var column: Int
    /// Where `claim:`'s value was written (the claim is shown on the page, so its quotations are checked too).
    var claimLine: Int
    var claimColumn: Int

    /// The passages of a `passages:` node, and the problems with them (a bad passage is left out).
    static func list(from node: Node, file: String) -> (passages: [Passage], errors: [LedgerError]) {
        guard case .list(let items) = node.value else {
            return ([], [LedgerError(kind: .passagesNotList(found: node.value.typeName), file: file, line: node.line, column: node.column)])
        }
        var passages: [Passage] = []
        var errors: [LedgerError] = []
        for item in items {
            switch parse(item, file: file) {
            case .success(let passage): passages.append(passage)
            case .failure(let problems): errors += problems.errors
            }
        }
        return (passages, errors)
    }

    struct Problems: Error { var errors: [LedgerError] }

    /// Whether `text` is empty or only spaces and tabs (`CharacterSet.whitespaces`: the space separators and tab),
    /// without building a character set for each quote and claim.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    private static func parse(_ item: Node, file: String) -> Result<Passage, Problems> {
        func error(_ kind: LedgerError.Kind, _ node: Node) -> LedgerError {
            LedgerError(kind: kind, file: file, line: node.line, column: node.column)
        }
        guard case .mapping(let pairs) = item.value else {
            return .failure(Problems(errors: [error(.passageNotMapping(found: item.value.typeName), item)]))
        }
        var errors: [LedgerError] = []
        var quote: (String, Node)?
        var claim: (String, Node)?
        var shown: [String] = []
        for (key, value) in pairs {
            switch key {
            case "quote", "claim":
                guard let text = value.string, !isBlank(text) else {
                    errors.append(error(.passageFieldType(field: key, expected: "a non-empty string", found: value.value.typeName), value))
                    continue
                }
                if key == "quote" { quote = (text, value) } else { claim = (text, value) }
            case "shown":
                let items: [Node]
                if case .list(let list) = value.value { items = list } else { items = [value] }
                for entry in items {
                    guard let text = entry.string, !text.isEmpty else {
                        errors.append(error(.passageFieldType(field: key, expected: "a string or a list of strings", found: entry.value.typeName), entry))
                        continue
                    }
                    shown.append(text)
                }
            default:
                errors.append(LedgerError(kind: .unknownPassageKey(key: key, suggestion: Suggestion.closest(to: key, in: keys)),
                                          file: file, line: value.keyLine ?? value.line, column: value.keyColumn ?? value.column))
            }
        }
        let fieldTyped = Set(errors.compactMap { problem -> String? in
            if case .passageFieldType(let field, _, _) = problem.kind { return field }
            return nil
        })
        for field in ["quote", "claim"] where !fieldTyped.contains(field) && (field == "quote" ? quote == nil : claim == nil) {
            errors.append(error(.passageMissingField(field: field), item))
        }
        guard errors.isEmpty, let (text, node) = quote, let (claimText, claimNode) = claim else {
            return .failure(Problems(errors: errors))
        }
        return .success(Passage(quote: text, claim: claimText, shown: shown, line: node.line, column: node.column,
                                claimLine: claimNode.line, claimColumn: claimNode.column))
    }
}
