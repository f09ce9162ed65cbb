/// CLDR's plural category of a whole number, for the languages whose rules for integers are simple enough to
/// write here; any other language uses English's (`one` for 1, else `other`).
enum PluralRules {
    /// Languages with no plural distinction in CLDR: every count is `other`.
    private static let invariant: Set<String> = ["zh", "ja", "ko", "th", "vi", "id", "ms", "lo", "my", "km"]
    /// Languages where 0 and 1 are `one`.
    private static let zeroIsOne: Set<String> = ["fr", "pt", "hi", "bn", "fa", "am", "zu"]

    static func category(of count: Int, language: String) -> String {
        let base = language.split(separator: "-").first.map { String($0).lowercased() } ?? language
        if invariant.contains(base) { return "other" }
        if zeroIsOne.contains(base) { return count == 0 || count == 1 ? "one" : "other" }
        return count == 1 ? "one" : "other"
    }
}
