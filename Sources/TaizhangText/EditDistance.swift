/// Edit distance with transpositions (optimal string alignment), for "did you mean …".
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// The candidate closest to `typed`, if it is close enough to be what was meant
    /// (a third of its length, at least 1, at most 3 edits; or `typed` begins it).
    public static func suggestion(for typed: String, among candidates: [String]) -> String? {
        let lower = typed.lowercased()
        let bare = lower.drop { $0 == "-" }
        if bare.count >= 3, let prefixed = candidates.first(where: { $0.hasPrefix(lower) }) { return prefixed }
        let limit = min(3, max(1, bare.count / 3))
        let scored = candidates.map { ($0, between(lower, $0)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }
}
