import GRDB
import TaizhangCore

extension AgentDatabase {
    /// Records one entry: checks the rules, numbers it, and updates the inventory, in one
    /// transaction that also makes it part of the outbox.
    @discardableResult
    public func record(_ draft: EntryDraft, at time: Timestamp = .now()) throws -> Entry {
        try record([draft], at: time)[0]
    }

    /// Records one entry and returns where its material stands afterwards, read in the same
    /// transaction (what a clerk's confirmation shows).
    public func recordReportingTally(_ draft: EntryDraft, at time: Timestamp = .now()) throws -> (entry: Entry, tally: Tally) {
        var result: (Entry, Tally)?
        try Self.translatingErrors(path: path) {
            try queue.inTransaction(.immediate) { db in
                let entry = try Self.append([draft], at: time, in: db)[0]
                result = (entry, try SQLLedgerView.tally(db, entry.material))
                return .commit
            }
        }
        return result!
    }

    /// Records several entries all or nothing; a violation in any refuses them all.
    @discardableResult
    public func record(_ drafts: [EntryDraft], at time: Timestamp = .now()) throws -> [Entry] {
        var recorded: [Entry] = []
        try Self.translatingErrors(path: path) {
            try queue.inTransaction(.immediate) { db in
                recorded = try Self.append(drafts, at: time, in: db)
                return .commit
            }
        }
        return recorded
    }

    static func append(_ drafts: [EntryDraft], at time: Timestamp, in db: Database) throws -> [Entry] {
        guard let owner = try Row.fetchOne(db, sql: "SELECT branch, incarnation FROM ledger") else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the ledger has no owner row")
        }
        let branch: String = owner[0]
        var (seq, chain) = try chainHead(db, branch: branch, incarnation: owner[1])
        seq += 1
        let view = SQLLedgerView(db: db)
        var entries: [Entry] = []
        entries.reserveCapacity(drafts.count)
        for var draft in drafts {
            draft = draft.storedForm
            if draft.action == .void, let target = try draft.voids.flatMap(view.entry(seq:)) {
                draft.material = target.material
                draft.item = target.item
            }
            let effect = try LedgerRules.effect(of: draft, seq: seq, in: view)
            let entry = draft.entry(branch: branch, seq: seq, recordedAt: time)
            let hash = EntryCodec.contentHash(entry)
            chain = LedgerChain.next(chain, contentHash: hash)
            try db.cachedStatement(sql: EntryRow.insertSQL).execute(arguments: EntryRow.arguments(entry, hash: hash, chain: chain))
            try apply(effect, in: db)
            entries.append(entry)
            seq += 1
        }
        return entries
    }

    static func apply(_ effect: LedgerEffect, in db: Database) throws {
        switch effect.itemChange {
        case .set(let state):
            // REPLACE also removes the row of the same identity typed another way.
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO item (\(ItemRow.columns), item_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .execute(arguments: [state.material.rawValue, state.item, state.inService, state.standard,
                                     state.location, state.staff, state.since.description, state.reason, state.lastSeq,
                                     TextIdentity.key(state.item)])
        case .remove(let material, let item):
            try db.cachedStatement(sql: "DELETE FROM item WHERE material = ? AND item_key = ?")
                .execute(arguments: [material.rawValue, TextIdentity.key(item)])
        case nil:
            break
        }
        let delta = effect.tallyDelta
        try db.cachedStatement(sql: """
            UPDATE tally SET in_service = in_service + ?, standard = standard + ?, received = received + ?,
                distributed = distributed + ?, adjusted = adjusted + ? WHERE material = ?
            """).execute(arguments: [delta.inService, delta.standard, delta.received, delta.distributed,
                                     delta.adjusted, effect.material.rawValue])
        if let day = effect.stockDay, delta.onHand != 0 {
            try db.cachedStatement(sql: """
                INSERT INTO stock_day (material, day, delta) VALUES (?, ?, ?)
                ON CONFLICT (material, day) DO UPDATE SET delta = delta + excluded.delta
                """).execute(arguments: [effect.material.rawValue, day.description, delta.onHand])
        }
    }
}
