import GRDB
import TaizhangCore

extension HubDatabase {
    /// Answers an agent's HELLO (docs/PROTOCOL.md, "Incarnations and restored ledgers"):
    /// binds the branch to the first ledger that delivers, refuses another ledger or an
    /// older copy of the same one and flags the branch, else tells the agent where to resume.
    public func hello(branch: String, incarnation: String, agentLastSeq: Int64, at time: Timestamp) throws -> HubReply {
        try write { db in
            let found = try BranchProgress.fetch(branch, db)
            guard let progress = found, !progress.revoked else { return BranchProgress.notEnrolled(branch, found) }
            try Self.noteHeard(branch, agentLastSeq: agentLastSeq, at: time, in: db)
            let held = progress.heldSeq
            guard let bound = progress.incarnation, held > 0 else {
                if progress.incarnation != incarnation {
                    try db.cachedStatement(sql: "UPDATE branch SET incarnation = ? WHERE id = ?")
                        .execute(arguments: [incarnation, branch])
                }
                return .welcome(heldSeq: held)
            }
            if bound != incarnation {
                try Self.raiseFlag(.incarnation, branch: branch, seq: nil, detail: """
                    another ledger (incarnation \(incarnation)) reported for this branch, but the hub holds \
                    \(held) entries from ledger \(bound); its entries were not accepted
                    """, at: time, in: db)
                return .refused(.otherIncarnation, heldSeq: held, seq: 0, message: """
                    the hub already holds \(held) entries of branch \(branch) from another ledger (incarnation \
                    \(bound)); this ledger (\(incarnation)) was not accepted — ask the bureau's operator \
                    (a new PC must take over the office's ledger, not start a new one)
                    """)
            }
            if agentLastSeq < held {
                try Self.raiseFlag(.behind, branch: branch, seq: nil, detail: """
                    ledger restored from an older backup: the hub holds \(held) entries, the office's ledger only \
                    \(agentLastSeq)
                    """, at: time, in: db)
                return .refused(.ledgerBehind, heldSeq: held, seq: 0, message: """
                    this office's ledger holds \(agentLastSeq) entries but the hub already holds \(held): it was \
                    restored from an older backup; nothing was sent — ask the bureau's operator before recording more
                    """)
            }
            return .welcome(heldSeq: held)
        }
    }

    /// Notes an agent's PING: when it was heard and how long its ledger is; returns the
    /// highest seq the hub holds for the branch.
    public func heard(branch: String, agentLastSeq: Int64, at time: Timestamp) throws -> Int64 {
        try write { db in
            guard let progress = try BranchProgress.fetch(branch, db) else { throw HubError.unknownBranch(branch) }
            guard !progress.revoked else { throw HubError.revoked(branch: branch) }
            try Self.noteHeard(branch, agentLastSeq: agentLastSeq, at: time, in: db)
            return progress.heldSeq
        }
    }

    static func noteHeard(_ branch: String, agentLastSeq: Int64?, at time: Timestamp, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE branch SET last_heard_at = ?, agent_last_seq = IFNULL(?, agent_last_seq) WHERE id = ?
            """).execute(arguments: [time.millisecondsSinceEpoch, agentLastSeq, branch])
        try ExportLog.noteContact(branch, at: time, in: db)
    }
}
