/// Hands out heading ids that are unique within one document.
///
/// A repeated slug gets `-1`, `-2`, … (GitHub's scheme), skipping any suffix already taken by a
/// heading whose own text ends that way. Slugs that start like cmark-gfm's footnote ids (`fn-…`,
/// `fnref-…`) are prefixed with `section-`, so a heading can never steal a footnote's anchor; a
/// heading with no sluggable text (only punctuation or emoji) gets `section`.
struct HeadingIDAllocator {
    private var taken: Set<String> = []
    /// The next suffix to try per base slug, so a document with thousands of equal headings
    /// does not retry every earlier suffix (which would be quadratic).
    private var nextSuffix: [String: Int] = [:]

    mutating func claim(slug: String) -> String {
        var base = slug.isEmpty ? "section" : slug
        if base.hasPrefix("fn-") || base.hasPrefix("fnref-") { base = "section-" + base }
        var candidate = base
        var suffix = nextSuffix[base] ?? 0
        while taken.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        nextSuffix[base] = suffix
        taken.insert(candidate)
        return candidate
    }
}
