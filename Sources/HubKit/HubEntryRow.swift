import Foundation
import GRDB
import TaizhangCore

/// How an entry the hub holds maps to a row of its `entry` table: a few columns to query
/// by, and the canonical encoding that the content hash covers.
enum HubEntryRow {
    static let insertSQL = """
        INSERT INTO entry (branch, seq, material, action, item, quantity, occurred_on, recorded_at, voids,
                           body, hash, violation, stored_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The row of `entry` held for `branch` (the authenticated one, whatever the entry says).
    static func arguments(_ entry: Entry, branch: String, body: [UInt8], hash: [UInt8], violation: String?,
                          storedAt: Timestamp) -> StatementArguments {
        [branch, entry.seq, entry.material.rawValue, entry.action.rawValue, entry.item, entry.quantity,
         entry.occurredOn.description, entry.recordedAt.millisecondsSinceEpoch, entry.voids,
         Data(body), Data(hash), violation, storedAt.millisecondsSinceEpoch]
    }

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
