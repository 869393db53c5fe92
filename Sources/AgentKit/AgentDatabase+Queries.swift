import Foundation
import GRDB
import TaizhangCore

extension AgentDatabase {
    public func info() throws -> LedgerInfo {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT branch, name, incarnation, hub_key, time_zone, created_at FROM ledger
                """) else { throw AgentError.notALedger(path: path) }
            let endpoints = try String.fetchAll(db, sql: "SELECT endpoint FROM hub_endpoint ORDER BY position")
            guard !endpoints.isEmpty else { throw AgentError.damaged(path: path, detail: "the ledger names no hub") }
            return LedgerInfo(branch: row[0], name: row[1], incarnation: row[2], hubEndpoints: endpoints,
                              hubKey: row[3], timeZone: BureauTimeZone(identifier: row[4]) ?? .default,
                              createdAt: Timestamp(millisecondsSinceEpoch: row[5]))
        }
    }

    /// The office's inventory: read from the materialised tallies, whatever the ledger's length.
    public func inventory() throws -> Inventory {
        try read(Self.inventory)
    }

    public func syncState() throws -> SyncState {
        try read(Self.syncState)
    }

    /// Inventory and sync state read in one snapshot.
    public func status() throws -> (inventory: Inventory, sync: SyncState) {
        try read { db in (try Self.inventory(db), try Self.syncState(db)) }
    }

    static func inventory(_ db: Database) throws -> Inventory {
        var inventory = Inventory()
        for material in Material.allCases { inventory[material] = try SQLLedgerView.tally(db, material) }
        return inventory
    }

    static func syncState(_ db: Database) throws -> SyncState {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT IFNULL(MAX(seq), 0) FROM entry), acked_seq, last_ack_at, last_problem, last_problem_at,
                   confirmed_seq, confirmed_chain, confirmed_at, hub_answered, last_problem_error
            FROM sync_state
            """) else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the ledger has no sync state") }
        var state = SyncState(lastSeq: row[0], ackedSeq: row[1],
                              lastAckAt: (row[2] as Int64?).map(Timestamp.init(millisecondsSinceEpoch:)),
                              lastProblem: row[3], lastProblemAt: (row[4] as Int64?).map(Timestamp.init(millisecondsSinceEpoch:)))
        state.lastProblemError = (row[9] as String?).flatMap { try? JSONDecoder().decode(SyncError.self, from: Data($0.utf8)) }
        if let chain = row[6] as Data?, let at = row[7] as Int64? {
            state.confirmation = Confirmation(seq: row[5], chain: [UInt8](chain), at: Timestamp(millisecondsSinceEpoch: at))
        }
        state.hubAnswered = row[8]
        state.hubFlags = try hubFlags(db)
        return state
    }

    /// Items of a unit material, in service only unless `includeRetired`, ordered by tag.
    public func items(_ material: Material, includeRetired: Bool) throws -> [ItemState] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(ItemRow.columns) FROM item WHERE material = ? \(includeRetired ? "" : "AND in_service")
                ORDER BY in_service DESC, item
                """, arguments: [material.rawValue]).map(ItemRow.decode)
        }
    }

    public func entry(seq: Int64) throws -> Entry? {
        try read { try SQLLedgerView(db: $0).entry(seq: seq) }
    }

    /// Calls `body` with each entry after `since`, in order, with the entry voiding it if any.
    public func forEachEntry(since: Int64, _ body: (Entry, _ voidedBy: Int64?) throws -> Void) throws {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT \(EntryRow.columns), (SELECT v.seq FROM entry v WHERE v.voids = entry.seq)
                FROM entry WHERE seq > ? ORDER BY seq
                """, arguments: [since])
            while let row = try cursor.next() {
                try body(EntryRow.decode(row), Int64.fromDatabaseValue(row[16]))
            }
        }
    }
}
