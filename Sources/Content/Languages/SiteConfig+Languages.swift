import DidYouMean

/// Reading `languages:`, `default_language:` and `translations:` from `site.yml`.
extension SiteConfig {
    private static let translationKeys = ["missing", "shared"]

    /// The language settings of `pairs` (the top level of `site.yml`), or nil when it has no `languages:`.
    static func languageSettings(_ pairs: [(key: String, value: Node)], errors: inout [ContentError]) -> LanguageSettings? {
        guard let node = pairs.firstValue(forKey: "languages") else {
            for key in ["default_language", "translations"] {
                if let stray = pairs.firstValue(forKey: key) {
                    errors.append(ContentError(.config, file: fileName, line: stray.keyLine ?? stray.line,
                                               column: stray.keyColumn ?? stray.column,
                                               message: "'\(key)' needs 'languages:' (the list of the site's languages)"))
                }
            }
            return nil
        }
        guard case .mapping(let entries) = node.value, !entries.isEmpty else {
            errors.append(node.typeError(file: fileName, key: "languages", expected: "a mapping of language codes, such as {en: {title: English}}"))
            return nil
        }
        var languages: [LanguageSettings.Language] = []
        for (code, settings) in entries {
            guard isLanguageCode(code) else {
                errors.append(ContentError(.config, file: fileName, line: settings.keyLine ?? settings.line,
                                           column: settings.keyColumn ?? settings.column,
                                           message: "'\(code.visible)' is not a language code: use letters, digits and '-' (en, zh, pt-BR)"))
                continue
            }
            var language = LanguageSettings.Language(code: code, title: code)
            if case .mapping(let fields) = settings.value {
                for (key, value) in fields {
                    if key == "title" {
                        language.title = value.expectString(file: fileName, key: key, errors: &errors) ?? code
                    } else if key == "site", case .mapping(let pairs) = value.value {
                        language.site = pairs
                        for (name, setting) in pairs where ["title", "description"].contains(name) {
                            _ = setting.expectString(file: fileName, key: name, errors: &errors)
                        }
                    } else if key == "site" {
                        errors.append(value.typeError(file: fileName, key: key, expected: "a mapping of site settings, such as {title: …}"))
                    } else {
                        errors.append(ContentError(.config, file: fileName, line: value.keyLine ?? value.line,
                                                   column: value.keyColumn ?? value.column,
                                                   message: "unknown setting '\(key.visible)' for language '\(code)'",
                                                   notes: ["known settings: title, site"]))
                    }
                }
            } else if case .null = settings.value {
            } else {
                errors.append(settings.typeError(file: fileName, key: code, expected: "a mapping such as {title: English}"))
            }
            languages.append(language)
        }
        guard !languages.isEmpty else { return nil }
        if let node = pairs.firstValue(forKey: "default_language"),
           let code = node.expectString(file: fileName, key: "default_language", errors: &errors) {
            if let position = languages.firstIndex(where: { $0.code == code }) {
                languages.insert(languages.remove(at: position), at: 0)
            } else {
                let hint = Suggestion.closest(to: code, in: languages.map(\.code)).map { " — did you mean '\($0)'?" } ?? ""
                errors.append(ContentError(.config, file: fileName, at: node,
                                           message: "default_language '\(code.visible)' is not one of 'languages'\(hint)"))
            }
        }
        var settings = LanguageSettings(languages: languages)
        if let node = pairs.firstValue(forKey: "translations") { readTranslations(node, into: &settings, errors: &errors) }
        return settings
    }

    private static func readTranslations(_ node: Node, into settings: inout LanguageSettings, errors: inout [ContentError]) {
        guard case .mapping(let fields) = node.value else {
            errors.append(node.typeError(file: fileName, key: "translations", expected: "a mapping such as {missing: error}"))
            return
        }
        for (key, value) in fields {
            switch key {
            case "missing":
                if let name = value.string, let policy = LanguageSettings.MissingPolicy(rawValue: name) {
                    settings.missing = policy
                } else {
                    errors.append(value.typeError(file: fileName, key: key, expected: "'warning', 'error' or 'ignore'"))
                }
            case "shared":
                settings.sharedKeys = value.expectStringList(file: fileName, key: key, errors: &errors) ?? settings.sharedKeys
            default:
                let hint = Suggestion.closest(to: key, in: translationKeys).map { " — did you mean '\($0)'?" } ?? ""
                errors.append(ContentError(.config, file: fileName, line: value.keyLine ?? value.line,
                                           column: value.keyColumn ?? value.column,
                                           message: "unknown setting '\(key.visible)' for translations\(hint)",
                                           notes: ["known settings: " + translationKeys.joined(separator: ", ")]))
            }
        }
    }

    /// Letters, digits and `-`, starting with a letter: a BCP 47 tag as file names and URLs can carry it.
    public static func isLanguageCode(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return code.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }
}
