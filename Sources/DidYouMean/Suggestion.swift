/// "Did you mean …?": the one rule for every misspelled name build-site reports, slugs, keys and languages
/// (Content, Site, the CLI) as much as filter, test and tag names (Templates).
public enum Suggestion {
    /// The candidate most like `word`, when it is close enough to be a typo: within a third of its length in
    /// edits (between 1 and 3), or sharing its first two letters and most of the rest; words under 3 letters get
    /// no suggestion. Among those the most similar by name (`similarity`) wins, then the fewest edits, then the
    /// candidate that sorts first, so messages are deterministic.
    public static func closest<C: Collection>(to word: String, in candidates: C) -> String? where C.Element == String {
        let target = Array(word.unicodeScalars)
        guard target.count >= 3 else { return nil }
        return best(for: target, in: candidates, edits: max(1, min(3, target.count / 3)))
    }

    /// The same for a template's filter, test, tag or template `name`, which is often short (`abs`, `int`): one
    /// edit more is allowed (between 1 and 3), and a name of any length gets a suggestion.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        best(for: Array(name.unicodeScalars), in: candidates, edits: max(1, min(3, name.count / 3 + 1)))
    }

    /// The most similar candidate within `edits` edits (or sharing its beginning and most of the rest), ties to
    /// fewer edits, then to the candidate that sorts first.
    private static func best<C: Collection>(for target: [Unicode.Scalar], in candidates: C, edits limit: Int) -> String?
        where C.Element == String {
        var best: (similarity: Double, distance: Int, candidate: String)?
        for candidate in candidates {
            let scalars = Array(candidate.unicodeScalars)
            let distance = editDistance(target, scalars)
            let similarity = similarity(target, scalars)
            guard distance <= limit || (commonPrefix(target, scalars) >= 2 && similarity >= 0.75) else { continue }
            if let current = best,
               (-current.similarity, current.distance, current.candidate) <= (-similarity, distance, candidate) { continue }
            best = (similarity, distance, candidate)
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

    /// Jaro–Winkler similarity, 0 to 1: letters shared in the same order count, and a shared beginning counts
    /// most, which is how people misremember a name (`upcase` is `upper`, not `escape`, though `escape` is
    /// fewer edits away).
    static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var matchedA = [Bool](repeating: false, count: a.count)
        var matchedB = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            let low = max(0, i - window)
            let high = min(b.count, i + window + 1)
            guard low < high else { break }  // past the end of the shorter name
            for j in low..<high where !matchedB[j] && a[i] == b[j] {
                matchedA[i] = true
                matchedB[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var j = 0
        for i in a.indices where matchedA[i] {
            while !matchedB[j] { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
        return jaro + Double(commonPrefix(a, b)) * 0.1 * (1 - jaro)
    }

    /// The length of the shared beginning, up to 4 (Winkler's bound).
    static func commonPrefix(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var count = 0
        while count < min(4, a.count, b.count), a[count] == b[count] { count += 1 }
        return count
    }
}
