import Foundation
import GRDB
import TaizhangCore

/// How an entry maps to a row of the `entry` table.
enum EntryRow {
    static let columns = """
        seq, branch, material, action, item, quantity, location, staff, channel, reason, batch,
        standard, occurred_on, recorded_at, clerk, voids
        """

    static let insertSQL = "INSERT INTO entry (\(columns), hash, chain, item_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    /// The row of `entry`, with its content hash and chain (docs/PROTOCOL.md, "Chain").
    static func arguments(_ entry: Entry, hash: [UInt8], chain: [UInt8]) -> StatementArguments {
        let details = entry.details
        return [entry.seq, entry.branch, entry.material.rawValue, entry.action.rawValue, entry.item,
                entry.quantity, details.location, details.staff, details.channel, details.reason,
                details.batch, details.standard, entry.occurredOn.description,
                entry.recordedAt.millisecondsSinceEpoch, entry.clerk, entry.voids, Data(hash), Data(chain),
                entry.item.map(TextIdentity.key)]
    }

    /// Decodes a row selected with `columns`, starting at column `offset`. Every value is
    /// converted with a check (never GRDB's trapping subscripts): a damaged row is an error.
    static func decode(_ row: Row, offset: Int = 0) throws -> Entry {
        func text(_ index: Int) -> String? { String.fromDatabaseValue(row[offset + index]) }
        func integer(_ index: Int) -> Int64? { Int64.fromDatabaseValue(row[offset + index]) }
        func optional<T>(_ index: Int, _ value: T?) throws -> T? {
            if (row[offset + index] as DatabaseValue).isNull { return nil }
            guard let value else { throw unreadable }
            return value
        }
        var unreadable: DatabaseError {
            DatabaseError(resultCode: .SQLITE_CORRUPT, message: "entry #\(integer(0).map(String.init) ?? "?") is unreadable")
        }
        guard let seq = integer(0), let branch = text(1), let material = text(2).flatMap(Material.init(rawValue:)),
              let action = text(3).flatMap(Action.init(rawValue:)), let occurredOn = text(12).flatMap(CivilDate.init),
              let recordedAt = integer(13), let clerk = text(14) else { throw unreadable }
        let standard = try optional(11, integer(11)).map { $0 != 0 }
        return Entry(
            branch: branch, seq: seq, material: material, action: action,
            item: try optional(4, text(4)), quantity: try optional(5, integer(5)),
            details: EntryDetails(location: try optional(6, text(6)), staff: try optional(7, text(7)),
                                  channel: try optional(8, text(8)), reason: try optional(9, text(9)),
                                  batch: try optional(10, text(10)), standard: standard),
            occurredOn: occurredOn, recordedAt: Timestamp(millisecondsSinceEpoch: recordedAt),
            clerk: clerk, voids: try optional(15, integer(15)))
    }
}

/// How an item's state maps to a row of the `item` table.
enum ItemRow {
    static let columns = "material, item, in_service, standard, location, staff, since, reason, last_seq"

    static func decode(_ row: Row) throws -> ItemState {
        func text(_ index: Int) -> String? { String.fromDatabaseValue(row[index]) }
        func flag(_ index: Int) -> Bool? { Int64.fromDatabaseValue(row[index]).map { $0 != 0 } }
        guard let material = text(0).flatMap(Material.init(rawValue:)), let item = text(1), let inService = flag(2),
              let standard = flag(3), let since = text(6).flatMap(CivilDate.init), let lastSeq = Int64.fromDatabaseValue(row[8]) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "item \(text(1) ?? "?") is unreadable")
        }
        return ItemState(material: material, item: item, inService: inService, standard: standard,
                         location: text(4), staff: text(5), since: since, reason: text(7), lastSeq: lastSeq)
    }
}
