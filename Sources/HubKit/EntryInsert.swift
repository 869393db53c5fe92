import GRDB
import TaizhangCore

/// The one statement run for every ingested entry, bound directly (DirectStatement).
/// Used only inside an ingest transaction.
struct EntryInsert {
    static let sql = """
        INSERT INTO entry (branch, seq, material, action, item, quantity, occurred_on, recorded_at, voids,
                           body, hash, violation, stored_at, chain, item_key)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
        """

    private let statement: DirectStatement

    init(_ db: Database) throws {
        statement = try DirectStatement(db, sql: Self.sql)
    }

    /// Inserts `entry` for `branch` (the authenticated one, whatever the entry says).
    func execute(_ entry: Entry, branch: String, body: [UInt8], hash: [UInt8], chain: [UInt8], violation: String?,
                          storedAt: Timestamp) throws {
        statement.bind(branch, 1)
        statement.bind(entry.seq, 2)
        statement.bind(entry.material.rawValue, 3)
        statement.bind(entry.action.rawValue, 4)
        if let item = entry.item {
            statement.bind(item, 5)
            statement.bind(TextIdentity.key(item), 15)
        }
        if let quantity = entry.quantity { statement.bind(quantity, 6) }
        statement.bind(entry.occurredOn.description, 7)
        statement.bind(entry.recordedAt.millisecondsSinceEpoch, 8)
        if let voids = entry.voids { statement.bind(voids, 9) }
        statement.bind(body, 10)
        statement.bind(hash, 11)
        if let violation { statement.bind(violation, 12) }
        statement.bind(storedAt.millisecondsSinceEpoch, 13)
        statement.bind(chain, 14)
        try statement.run()
    }
}
