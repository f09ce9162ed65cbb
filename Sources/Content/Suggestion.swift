/// "Did you mean …?" for misspelled slugs and keys.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a typo
    /// (a third of its length, between 1 and 3; words under 3 letters get no suggestion). Ties go to the
    /// candidate that sorts first, so messages are deterministic.
    public static func closest<C: Collection>(to word: String, in candidates: C) -> String? where C.Element == String {
        let target = Array(word.unicodeScalars)
        guard target.count >= 3 else { return nil }
        let limit = max(1, min(3, target.count / 3))
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let scalars = Array(candidate.unicodeScalars)
            guard abs(scalars.count - target.count) <= limit else { continue }
            let distance = editDistance(target, scalars)
            guard distance <= limit else { continue }
            if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.candidate
    }

    /// Levenshtein distance with two rows.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
