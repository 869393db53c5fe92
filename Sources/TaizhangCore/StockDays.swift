/// One material's stock changes per day, in memory: what the in-memory ledger views answer
/// the dated stock questions from (the SQLite stores keep the same in a `stock_day` table).
public struct StockDays: Sendable, Hashable {
    private var deltas: [Int: Int64] = [:]
    public private(set) var latest: CivilDate?

    public init() {}

    public mutating func add(_ delta: Int64, on day: CivilDate) {
        let key = day.daysSinceEpoch
        let sum = deltas[key, default: 0] + delta
        deltas[key] = sum == 0 ? nil : sum
        // A day whose changes cancel out keeps its place as latest: harmless, since the
        // dated check then only scans a little further.
        if latest.map({ day > $0 }) ?? true { latest = day }
    }

    public func deltas(after date: CivilDate) -> [(day: CivilDate, delta: Int64)] {
        let from = date.daysSinceEpoch
        return deltas.compactMap { $0.key > from ? (CivilDate(daysSinceEpoch: $0.key), $0.value) : nil }
    }
}
