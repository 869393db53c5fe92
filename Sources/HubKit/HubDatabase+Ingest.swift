import Foundation
import GRDB
import TaizhangCore

extension HubDatabase {
    /// Stores a BATCH from `branch` in one transaction (docs/PROTOCOL.md, "Conversation"):
    /// resends are ignored, a different entry under a held seq is refused and flagged, a
    /// gap is refused, new entries are stored with their effect on the totals — or flagged,
    /// never dropped, if they break a rule. Returns only after the commit, so an ACK is
    /// durable. Entries are stored under `branch` (the authenticated one), whatever they say.
    /// `bodies`, when given, are the entries' canonical encodings as they came off the wire
    /// (the strict decoder guarantees they are canonical), which saves encoding them again.
    /// `previousChain` is the agent's chain at the seq before the batch's first entry: when it
    /// differs from the hub's, nothing is stored, the branch is flagged and the batch refused
    /// (nil skips that check, for in-process callers). Every stored entry gets its chain.
    /// `zone` is the bureau's, which decides the hub's today for the date rule.
    public func ingest(branch: String, entries: [Entry], bodies: [[UInt8]]? = nil, previousChain: [UInt8]? = nil,
                       zone: BureauTimeZone = .default, at time: Timestamp) throws -> HubReply {
        try write { db in
            let time = try ExportLog.stamp(time, branch: branch, in: db)  // exact as-of: see ExportLog+Clock.swift
            let found = try BranchProgress.fetch(branch, db)
            guard let progress = found, !progress.revoked else { return BranchProgress.notEnrolled(branch, found) }
            var held = progress.heldSeq
            if let previousChain, let first = entries.first?.seq, first <= held + 1,
               try progress.chain(at: first - 1, db) != previousChain {
                return try Self.diverged(branch: branch, held: held, seq: first - 1, at: time, in: db)
            }
            let view = try BranchLedgerView(db: db, branch: branch)
            let insert = try EntryInsert(db)
            let today = zone.date(at: time)
            var chain = progress.heldChain
            var refusal: HubReply?
            for (index, entry) in entries.enumerated() {
                let body = bodies?[index] ?? EntryCodec.encode(entry)
                if entry.seq <= held {
                    refusal = try Self.checkResend(entry, body: body, branch: branch, held: held, at: time, in: db)
                    if refusal != nil { break }
                    continue
                }
                guard entry.seq == held + 1 else {
                    refusal = .refused(.gap, heldSeq: held, seq: entry.seq, message: """
                        entry #\(entry.seq) does not follow #\(held), the last entry the hub holds for branch \
                        \(branch); resend from #\(held + 1)
                        """)
                    break
                }
                let hash = SHA256.hash(body)
                chain = LedgerChain.next(chain, contentHash: hash)
                try Self.store(entry, body: body, hash: hash, chain: chain, branch: branch, in: view, with: insert,
                               today: today, at: time)
                held = entry.seq
            }
            try view.flush(at: time)
            try db.cachedStatement(sql: """
                UPDATE branch SET held_seq = ?, agent_last_seq = MAX(agent_last_seq, ?), last_heard_at = ? WHERE id = ?
                """).execute(arguments: [held, held, time.millisecondsSinceEpoch, branch])
            try ExportLog.noteContact(branch, at: time, in: db)
            return refusal ?? .ack(heldSeq: held, chain: chain)
        }
    }

    /// Nil for a true resend; a refusal, with the branch flagged and the conflict recorded,
    /// if the hub holds different content under the same seq. The stored entry is kept.
    static func checkResend(_ entry: Entry, body: [UInt8], branch: String, held: Int64, at time: Timestamp,
                            in db: Database) throws -> HubReply? {
        let hash = SHA256.hash(body)
        guard let stored = try Data.fetchOne(db.cachedStatement(sql: "SELECT hash FROM entry WHERE branch = ? AND seq = ?"),
                                             arguments: [branch, entry.seq]) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT,
                                message: "entry #\(entry.seq) of branch \(branch) is missing below held seq \(held)")
        }
        if stored.elementsEqual(hash) { return nil }
        try db.cachedStatement(sql: """
            INSERT INTO conflict (branch, seq, hash, first_at, last_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (branch, seq, hash) DO UPDATE SET last_at = excluded.last_at, times = times + 1
            """).execute(arguments: [branch, entry.seq, Data(hash), time.millisecondsSinceEpoch,
                                     time.millisecondsSinceEpoch])
        try raiseFlag(.conflict, branch: branch, seq: entry.seq, detail: """
            entry #\(entry.seq) arrived with content \(hash.prefix(6).hexString)… different from the stored \(stored.prefix(6).hexString)…; \
            the stored entry was kept — the office's ledger reuses sequence numbers (restored from a backup?)
            """, wording: FlagWording(.entryConflict, ["\(entry.seq)", hash.prefix(6).hexString, stored.prefix(6).hexString]), at: time, in: db)
        return .refused(.conflict, heldSeq: held, seq: entry.seq, message: """
            the hub already holds a different entry #\(entry.seq) for branch \(branch) and kept it; this ledger \
            reuses sequence numbers (restored from an older backup?) — ask the bureau's operator
            """)
    }

    /// Stores the next entry: checks it against the branch's ledger (docs/PROTOCOL.md, "Entry
    /// rules": the date rule with the hub's skew, then the shared rules), applies its effect,
    /// or stores it flagged and without effect if it breaks a rule.
    static func store(_ entry: Entry, body: [UInt8], hash: [UInt8], chain: [UInt8], branch: String,
                      in view: BranchLedgerView, with insert: EntryInsert, today: CivilDate, at time: Timestamp) throws {
        let db = view.db
        var effect: LedgerEffect?
        var broken: RuleViolation?
        var settles: Int64?
        do {
            try LedgerRules.checkArrivalDate(entry.occurredOn, hubToday: today)
            if entry.action == .void, let target = entry.voids, let flagged = try view.flaggedEntry(seq: target) {
                // Voiding an entry the hub flagged: it never counted, so nothing is undone; the
                // branch has put it right, which settles the flag.
                try LedgerRules.checkVoidOfFlagged(entry.draft, flagged: flagged, voidedBy: try view.voidingSeq(of: target))
                settles = target
            } else {
                effect = try LedgerRules.effect(of: entry.draft, seq: entry.seq, in: view)
            }
        } catch let refused as RuleViolation {
            broken = refused
        }
        // The content hash is the SHA-256 of exactly the stored body (docs/PROTOCOL.md).
        try insert.execute(entry, branch: branch, body: body, hash: hash, chain: chain,
                           violation: broken?.code.rawValue, storedAt: time)  // the rule's code: its words are in the flag
        if let effect { try view.apply(effect, of: entry) }
        if let broken {
            try raiseFlag(.rule, branch: branch, seq: entry.seq,
                          detail: "entry #\(entry.seq) (\(entry.material.rawValue) \(entry.action.rawValue)) was stored but left out of the totals: \(broken.message)",
                          wording: .rule(seq: entry.seq, material: entry.material, action: entry.action, violation: broken),
                          at: time, in: db)
        }
        if let settles { try settleFlag(.rule, branch: branch, seq: settles, at: time, in: db) }
    }
}
