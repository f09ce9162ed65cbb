import Content
import DidYouMean
import Foundation
import SiteInputs

/// Reads `i18n/*.yml` through `SiteInputs` (`InputFolder`, so the reads are recorded) and checks that every language of the
/// site has a file and every file has the same keys.
enum UIStringsLoader {
    /// The strings of `languages` (the default first), or every problem found. No `i18n/` folder is no strings.
    /// - Parameter memo: in a session, the last build's YAML by bytes (`ParseMemo`).
    static func load(root: URL, languages: [String], log: ReadLog? = nil, memo: ParseMemo? = nil) throws(BuildFailure) -> UIStrings {
        let source = try InputFolder(UIStrings.folder, root: root, log: log)
        var diagnostics = source.problems
        var strings = UIStrings()
        guard !source.files.isEmpty || !diagnostics.isEmpty else { return strings }
        var lines: [String: [String: Int]] = [:]
        for file in source.files {
            let name = file.relativePath
            guard name.hasSuffix(".yml"), !name.contains("/") else {
                diagnostics.append(Diagnostic(file: file.path, message: "i18n/ holds one <language>.yml file per language",
                                              notes: ["the site's languages: " + languages.joined(separator: ", ")]))
                continue
            }
            let language = String(name.dropLast(4))
            guard languages.contains(language) else {
                let hint = Suggestion.closest(to: language, in: languages).map { " — did you mean '\($0).yml'?" } ?? ""
                diagnostics.append(Diagnostic(file: file.path, message: "'\(language)' is not one of the site's languages\(hint)",
                                              notes: ["the site's languages: " + languages.joined(separator: ", ")]))
                continue
            }
            guard let bytes = source.read(file, into: &diagnostics) else { continue }
            let (node, errors) = memo?.yaml(bytes, file: file.path) ?? YAMLDocument.read(bytes, file: file.path)
            diagnostics += errors.map { Diagnostic(file: $0.file, line: $0.line, column: $0.column, message: $0.message, notes: $0.notes) }
            var table: [String: UIStrings.Entry] = [:]
            var keyLines: [String: Int] = [:]
            if let node { read(node, prefix: "", file: file.path, into: &table, lines: &keyLines, diagnostics: &diagnostics) }
            strings.set(table, for: language)
            lines[language] = keyLines
        }
        diagnostics += completeness(strings, languages: languages, lines: lines)
        guard diagnostics.isEmpty else { throw BuildFailure(diagnostics: diagnostics) }
        return strings
    }

    private static func read(_ node: Node, prefix: String, file: String, into table: inout [String: UIStrings.Entry],
                             lines: inout [String: Int], diagnostics: inout [Diagnostic]) {
        guard case .mapping(let pairs) = node.value else {
            diagnostics.append(Diagnostic(file: file, line: node.line, column: node.column,
                                          message: "expected a mapping of keys to strings, found \(node.value.typeName)"))
            return
        }
        for (key, value) in pairs {
            let name = prefix + key
            lines[name] = value.keyLine ?? value.line
            switch value.value {
            case .string(let text): table[name] = .text(text)
            case .int, .double, .bool: table[name] = .text(scalarText(value))
            case .mapping(let forms) where !forms.isEmpty && forms.allSatisfy({ UIStrings.pluralForms.contains($0.key) }):
                var plural: [String: String] = [:]
                for (form, text) in forms {
                    guard case .string(let string) = text.value else {
                        diagnostics.append(Diagnostic(file: file, line: text.line, column: text.column,
                                                      message: "'\(name).\(form)': expected a string, found \(text.value.typeName)"))
                        continue
                    }
                    plural[form] = string
                }
                if plural["other"] == nil {
                    diagnostics.append(Diagnostic(file: file, line: value.keyLine ?? value.line, column: value.keyColumn ?? value.column,
                                                  message: "plural forms of '\(name)' need 'other'",
                                                  notes: ["forms: " + UIStrings.pluralForms.joined(separator: ", ")]))
                }
                table[name] = .plural(plural)
            case .mapping:
                read(value, prefix: name + ".", file: file, into: &table, lines: &lines, diagnostics: &diagnostics)
            default:
                diagnostics.append(Diagnostic(file: file, line: value.line, column: value.column,
                                              message: "'\(name)': expected a string or plural forms, found \(value.value.typeName)"))
            }
        }
    }

    private static func scalarText(_ node: Node) -> String {
        switch node.value {
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return ""
        }
    }

    /// A file for every language, and every key in every file.
    private static func completeness(_ strings: UIStrings, languages: [String], lines: [String: [String: Int]]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let present = languages.filter(strings.has)
        guard !present.isEmpty else { return diagnostics }
        for language in languages where !strings.has(language) {
            diagnostics.append(Diagnostic(file: UIStrings.file(for: language),
                                          message: "missing: every language needs its UI strings, as \(UIStrings.file(for: present[0])) has them"))
        }
        var all = Set<String>()
        for language in present { all.formUnion(strings.keys(of: language)) }
        for language in present {
            for key in all.sorted() where strings.entry(key, language: language) == nil {
                let holders = present.filter { strings.entry(key, language: $0) != nil }
                let places = holders.map { "\(UIStrings.file(for: $0)):\(lines[$0]?[key] ?? 1)" }
                diagnostics.append(Diagnostic(file: UIStrings.file(for: language),
                                              message: "missing key '\(key)', which \(places.joined(separator: " and ")) \(holders.count == 1 ? "has" : "have")",
                                              notes: ["every language's file needs the same keys"]))
            }
        }
        return diagnostics
    }
}
