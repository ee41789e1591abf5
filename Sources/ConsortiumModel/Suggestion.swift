/// "Did you mean" suggestions for misspelt ids.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    ///
    /// Close enough means an edit distance of at most a third of the word's length (at least 1),
    /// the rule of thumb compilers use for identifier suggestions.
    /// - Complexity: O(n · |word| · |candidate|) for n candidates.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, word.count / 3)
        let length = word.unicodeScalars.count
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            // The distance is at least the difference in length: skip what cannot be close enough.
            guard abs(candidate.unicodeScalars.count - length) <= limit else { continue }
            let distance = editDistance(word, candidate)
            if distance <= limit, best.map({ (distance, candidate) < ($0.distance, $0.candidate) }) ?? true {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance between two strings, counted in Unicode scalars (ids are ASCII).
    ///
    /// One row of the table at a time, in unsafe buffers: suggestions compare a word with thousands of ids.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = scalars(a)
        let b = scalars(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                for i in 1...a.count {
                    current.withUnsafeMutableBufferPointer { current in
                        previous.withUnsafeBufferPointer { previous in
                            current[0] = i
                            for j in 1...b.count {
                                var best = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                                if previous[j] + 1 < best { best = previous[j] + 1 }
                                if current[j - 1] + 1 < best { best = current[j - 1] + 1 }
                                current[j] = best
                            }
                        }
                    }
                    swap(&previous, &current)
                }
            }
        }
        return previous[b.count]
    }

    private static func scalars(_ text: String) -> [UInt32] {
        var values: [UInt32] = []
        values.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { values.append(scalar.value) }
        return values
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
