import Templates

extension OriginTable {
    /// `strings` with each language's table tagged (`i18n|<language>`, kept here like any tagged value): the
    /// `t` filter then records every key it looks up as a read of that tag (`UIStrings.origins`), and a page or
    /// a component is rendered again only when a string it looked up changed.
    func tag(_ strings: UIStrings) -> UIStrings {
        var tagged = strings
        for language in strings.languages {
            let pairs = strings.keys(of: language).map { key in (key, Self.value(of: strings.entry(key, language: language))) }
            if case .dictionary(let mapping) = tag(.dictionary(OrderedDictionary(pairs)), "i18n|" + language) {
                tagged.origins[language] = mapping.origin
            }
        }
        return tagged
    }

    /// An entry as a value: its text, or its plural forms by name.
    private static func value(of entry: UIStrings.Entry?) -> Value {
        switch entry {
        case .text(let text)?: return .string(text)
        case .plural(let forms)?: return .dictionary(OrderedDictionary(forms.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        case nil: return .none
        }
    }
}
