import Foundation
import GRDB
import TaizhangCore

/// How an entry maps to a row of the `entry` table.
enum EntryRow {
    static let columns = """
        seq, branch, material, action, item, quantity, location, staff, channel, reason, batch,
        standard, occurred_on, recorded_at, clerk, voids
        """

    static let insertSQL = "INSERT INTO entry (\(columns), hash, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    /// The row of `entry`, with its content hash and chain (docs/PROTOCOL.md, "Chain").
    static func arguments(_ entry: Entry, hash: [UInt8], chain: [UInt8]) -> StatementArguments {
        let details = entry.details
        return [entry.seq, entry.branch, entry.material.rawValue, entry.action.rawValue, entry.item,
                entry.quantity, details.location, details.staff, details.channel, details.reason,
                details.batch, details.standard, entry.occurredOn.description,
                entry.recordedAt.millisecondsSinceEpoch, entry.clerk, entry.voids, Data(hash), Data(chain)]
    }

    /// Decodes a row selected with `columns`, starting at column `offset`.
    static func decode(_ row: Row, offset: Int = 0) throws -> Entry {
        guard let material = Material(rawValue: row[offset + 2]),
              let action = Action(rawValue: row[offset + 3]),
              let occurredOn = CivilDate(row[offset + 12] as String) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "entry #\(row[offset] as Int64) is unreadable")
        }
        return Entry(
            branch: row[offset + 1], seq: row[offset], material: material, action: action,
            item: row[offset + 4], quantity: row[offset + 5],
            details: EntryDetails(location: row[offset + 6], staff: row[offset + 7], channel: row[offset + 8],
                                  reason: row[offset + 9], batch: row[offset + 10], standard: row[offset + 11]),
            occurredOn: occurredOn, recordedAt: Timestamp(millisecondsSinceEpoch: row[offset + 13]),
            clerk: row[offset + 14], voids: row[offset + 15])
    }
}

/// How an item's state maps to a row of the `item` table.
enum ItemRow {
    static let columns = "material, item, in_service, standard, location, staff, since, reason, last_seq"

    static func decode(_ row: Row) throws -> ItemState {
        guard let material = Material(rawValue: row[0]), let since = CivilDate(row[6] as String) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "item \(row[1] as String) is unreadable")
        }
        return ItemState(material: material, item: row[1], inService: row[2], standard: row[3],
                         location: row[4], staff: row[5], since: since, reason: row[7], lastSeq: row[8])
    }
}
