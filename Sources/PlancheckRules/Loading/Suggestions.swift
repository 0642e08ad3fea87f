/// "Did you mean ...?" for unknown keys, indicator names and rule ids.
package enum Suggestions {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a plausible slip.
    package static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let scalars = Array(candidate.unicodeScalars)
            let limit = max(1, max(target.count, scalars.count) / 3)
            guard abs(scalars.count - target.count) <= limit else { continue }
            let distance = editDistance(target, scalars, limit: limit)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Every candidate as close to `word` as the closest one (empty when none is close enough): more than one means
    /// a suggestion is a guess, not a certain fix.
    package static func nearest(to word: String, in candidates: some Sequence<String>) -> [String] {
        let target = Array(word.unicodeScalars)
        var best: [String] = []
        var bestDistance = Int.max
        for candidate in candidates {
            let scalars = Array(candidate.unicodeScalars)
            let limit = max(1, max(target.count, scalars.count) / 3)
            guard abs(scalars.count - target.count) <= limit else { continue }
            let distance = editDistance(target, scalars, limit: limit)
            guard distance <= limit else { continue }
            if distance < bestDistance {
                best = [candidate]
                bestDistance = distance
            } else if distance == bestDistance {
                best.append(candidate)
            }
        }
        return best
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once every path exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
