/// "Did you mean" suggestions for misspelt ids.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    ///
    /// Close enough means an edit distance of at most a third of the word's length (at least 1),
    /// the rule of thumb compilers use for identifier suggestions.
    /// - Complexity: O(n · |word| · |candidate|) for n candidates.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, word.count / 3)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let distance = editDistance(word, candidate)
            if distance <= limit, best.map({ (distance, candidate) < ($0.distance, $0.candidate) }) ?? true {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance between two strings, counted in characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// A hint sentence for an unknown id: "did you mean 'esa'?" or the list of valid ids when short.
    public static func hint(for word: String, among candidates: [String], kind: String) -> String {
        if let best = closest(to: word, among: candidates) {
            return "did you mean '\(best)'?"
        }
        let sorted = candidates.sorted()
        if sorted.isEmpty { return "no \(kind) is defined in the library" }
        if sorted.count <= 8 { return "known \(kind) ids: \(sorted.joined(separator: ", "))" }
        return "`consortium list` shows the \(sorted.count) known \(kind) ids"
    }
}
