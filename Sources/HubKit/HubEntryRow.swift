import Foundation
import GRDB
import TaizhangCore

/// How an entry the hub holds is read back from its `entry` table: from the canonical
/// encoding stored beside the columns the hub queries by (written by `EntryInsert`).
enum HubEntryRow {
    /// Columns to select for `decode`.
    static let columns = "branch, seq, body"

    static func decode(_ row: Row) throws -> Entry {
        let branch: String = row[0], seq: Int64 = row[1]
        let body: Data = row[2]
        do {
            return try EntryCodec.decode(Array(body), branch: branch)
        } catch {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "entry #\(seq) of branch \(branch) is unreadable (\(error))")
        }
    }
}

/// How an item's state maps to a row of the hub's `item` table.
enum HubItemRow {
    static let columns = "material, item, in_service, standard, location, staff, since, reason, last_seq"

    static func decode(_ row: Row) throws -> ItemState {
        guard let material = Material(rawValue: row[0]), let since = CivilDate(row[6] as String) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "item \(row[1] as String) is unreadable")
        }
        return ItemState(material: material, item: row[1], inService: row[2], standard: row[3],
                         location: row[4], staff: row[5], since: since, reason: row[7], lastSeq: row[8])
    }
}
