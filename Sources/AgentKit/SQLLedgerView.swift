import GRDB
import TaizhangCore

/// The ledger's current state read from SQLite, inside the recording transaction.
struct SQLLedgerView: LedgerView {
    let db: Database

    func item(_ material: Material, _ item: String) throws -> ItemState? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(ItemRow.columns) FROM item WHERE material = ? AND item_key = ?"),
                         arguments: [material.rawValue, TextIdentity.key(item)]).map(ItemRow.decode)
    }

    func tally(_ material: Material) throws -> Tally {
        try Self.tally(db, material)
    }

    static func tally(_ db: Database, _ material: Material) throws -> Tally {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT in_service, standard, received, distributed, adjusted FROM tally WHERE material = ?
            """), arguments: [material.rawValue])
        guard let row else { return Tally() }
        return Tally(inService: row[0], standard: row[1], received: row[2], distributed: row[3], adjusted: row[4])
    }

    func entry(seq: Int64) throws -> Entry? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(EntryRow.columns) FROM entry WHERE seq = ?"),
                         arguments: [seq]).map { try EntryRow.decode($0) }
    }

    func voidingSeq(of seq: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM entry WHERE voids = ?"), arguments: [seq])
    }

    func effectiveEntries(_ material: Material, _ item: String) throws -> [Entry] {
        try Row.fetchAll(db, sql: """
            SELECT \(EntryRow.columns) FROM entry e
            WHERE material = ? AND item_key = ? AND action <> 'void'
              AND NOT EXISTS (SELECT 1 FROM entry v WHERE v.voids = e.seq)
            ORDER BY seq
            """, arguments: [material.rawValue, TextIdentity.key(item)]).map { try EntryRow.decode($0) }
    }

    func latestStockDay(_ material: Material) throws -> CivilDate? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT MAX(day) FROM stock_day WHERE material = ?"),
                            arguments: [material.rawValue]).flatMap(CivilDate.init)
    }

    func stockDeltas(_ material: Material, after date: CivilDate) throws -> [(day: CivilDate, delta: Int64)] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT day, delta FROM stock_day WHERE material = ? AND day > ?"),
                         arguments: [material.rawValue, date.description]).compactMap { row in
            CivilDate(row[0] as String).map { ($0, row[1] as Int64) }
        }
    }
}
