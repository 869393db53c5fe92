/// Levenshtein distance, for "did you mean …".
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `typed`, if it is close enough to be what was meant
    /// (a third of its length, at least 1, at most 3 edits; or `typed` is a prefix of it).
    public static func suggestion(for typed: String, among candidates: [String]) -> String? {
        let lower = typed.lowercased()
        if lower.count >= 2, let prefixed = candidates.first(where: { $0.hasPrefix(lower) }) { return prefixed }
        let limit = min(3, max(1, lower.count / 3))
        let scored = candidates.map { ($0, between(lower, $0)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }
}
