extension TemplateSet.Key {
    /// Each template's fingerprint: its source, and the settings of the site's filters (base URL, Markdown
    /// options), which every template is parsed with, so a change to them changes every template. The `t`
    /// filter's words are not part of it: `t` records each key it looks up (`UIStrings.origins`).
    var fingerprints: [String: UInt64] {
        var settings = MemoKeyHasher()
        settings.combine(baseURL)
        // Every field, by its description: one added later is covered too (the fingerprints are compared
        // within one process only, `TemplateInputs` not being kept in the CLI's cache).
        settings.combine(String(reflecting: markdownOptions))
        var result: [String: UInt64] = [:]
        result.reserveCapacity(sources.count)
        for (name, source) in sources {
            var hasher = settings
            hasher.combine(source)
            result[name] = hasher.value
        }
        return result
    }
}
