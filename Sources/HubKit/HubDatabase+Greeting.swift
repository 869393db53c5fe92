import Foundation
import GRDB
import TaizhangCore

extension HubDatabase {
    /// Answers an agent's HELLO (docs/PROTOCOL.md, "Greeting"): binds the branch to the first
    /// ledger that delivers, refuses another ledger, an older copy of the same one or a ledger
    /// whose chain differs from the hub's copy, flagging the branch; else tells the agent where
    /// to resume and the hub's chain there. `agentChain` nil skips the chain check.
    public func hello(branch: String, incarnation: String, agentLastSeq: Int64, agentChain: [UInt8]? = nil,
                      at time: Timestamp) throws -> HubReply {
        try write { db in
            let found = try BranchProgress.fetch(branch, db)
            guard var progress = found, !progress.revoked else { return BranchProgress.notEnrolled(branch, found) }
            try Self.noteHeard(branch, agentLastSeq: agentLastSeq, at: time, in: db)
            let held = progress.heldSeq
            let decision = try GreetingDecision.decide(
                held: held, bound: progress.incarnation, incarnation: incarnation, agentLastSeq: agentLastSeq,
                agentChain: agentChain, genesis: LedgerChain.genesis(branch: branch, incarnation: incarnation),
                hubChain: { try progress.chain(at: $0, db) })
            switch decision {
            case .bind:
                if progress.incarnation != incarnation {
                    try db.cachedStatement(sql: "UPDATE branch SET incarnation = ? WHERE id = ?")
                        .execute(arguments: [incarnation, branch])
                    progress.incarnation = incarnation
                }
                return .welcome(heldSeq: held, chain: progress.genesis)
            case .welcome:
                return .welcome(heldSeq: held, chain: progress.heldChain)
            case .otherIncarnation(let bound):
                try Self.raiseFlag(.incarnation, branch: branch, seq: nil, detail: """
                    another ledger (incarnation \(incarnation)) reported for this branch, but the hub holds \
                    \(held) entries from ledger \(bound); its entries were not accepted
                    """, wording: FlagWording(.otherIncarnation, [incarnation, "\(held)", bound]), at: time, in: db)
                return .refused(.otherIncarnation, heldSeq: held, seq: 0, message: """
                    the hub already holds \(held) entries of branch \(branch) from another ledger (incarnation \
                    \(bound)); this ledger (\(incarnation)) was not accepted — ask the bureau's operator \
                    (a new PC must take over the office's ledger, not start a new one)
                    """)
            case .behind:
                try Self.raiseFlag(.behind, branch: branch, seq: nil, detail: """
                    ledger restored from an older backup: the hub holds \(held) entries, the office's ledger only \
                    \(agentLastSeq)
                    """, wording: FlagWording(.restored, ["\(held)", "\(agentLastSeq)"]), at: time, in: db)
                return .refused(.ledgerBehind, heldSeq: held, seq: 0, message: """
                    this office's ledger holds \(agentLastSeq) entries but the hub already holds \(held): it was \
                    restored from an older backup; nothing was sent — ask the bureau's operator before recording more
                    """)
            case .diverged(let seq):
                return try Self.diverged(branch: branch, held: held, seq: seq, at: time, in: db)
            }
        }
    }

    /// Flags a branch whose ledger's chain differs from the hub's copy at `seq` (there or
    /// earlier) and returns the refusal; nothing is stored or overwritten.
    static func diverged(branch: String, held: Int64, seq: Int64, at time: Timestamp, in db: Database) throws -> HubReply {
        try raiseFlag(.conflict, branch: branch, seq: seq, detail: """
            the office's ledger differs from the hub's copy at entry #\(seq) or before (its chain does not match); \
            nothing was overwritten — the office's ledger was probably restored from an older backup
            """, wording: FlagWording(.chainDiffers, ["\(seq)"]), at: time, in: db)
        return .refused(.conflict, heldSeq: held, seq: seq, message: """
            this office's ledger differs from the hub's copy of branch \(branch) at entry #\(seq) or before; the hub \
            kept its copy — ask the bureau's operator
            """)
    }

    /// Notes an agent's PING: when it was heard and how long its ledger is; returns the
    /// highest seq the hub holds for the branch and the hub's chain there.
    public func heard(branch: String, agentLastSeq: Int64, at time: Timestamp) throws -> HubReply {
        try write { db in
            let found = try BranchProgress.fetch(branch, db)
            guard let progress = found, !progress.revoked else { return BranchProgress.notEnrolled(branch, found) }
            try Self.noteHeard(branch, agentLastSeq: agentLastSeq, at: time, in: db)
            return .pong(heldSeq: progress.heldSeq, chain: progress.heldChain)
        }
    }

    /// An office set up as `claimed` said HELLO with the key enrolled for `branch`: nothing is
    /// stored, the branch is flagged for the operator (`branches`, `keys`) and the office told (421).
    public func noteMisenrolment(branch: String, claimed: String, key: String, at time: Timestamp) throws -> HubReply {
        try write { db in
            let held = try BranchProgress.fetch(branch, db)?.heldSeq ?? 0
            try Self.noteSetUpAs(claimed, publicKey: key, in: db)
            try Self.raiseFlag(.misenrolled, branch: branch, seq: nil, detail: """
                an office set up as branch '\(claimed)' reported with the key enrolled for this branch; nothing was \
                stored — enrol that office's key for '\(claimed)', and this branch's own office's key here
                """, wording: FlagWording(.misenrolled, [claimed]), at: time, in: db)
            return .refused(.misenrolled, heldSeq: held, seq: 0, message: """
                this office is set up as branch \(claimed), but the hub enrolled its key for branch \(branch); \
                nothing was stored — ask the bureau's operator to enrol it for \(claimed)
                """)
        }
    }

    /// The highest seq held for `branch` (0 if unknown), for the `heldSeq` of every ERROR.
    public func heldSeq(branch: String) throws -> Int64 {
        try read { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT held_seq FROM branch WHERE id = ?"), arguments: [branch]) ?? 0
        }
    }

    static func noteHeard(_ branch: String, agentLastSeq: Int64?, at time: Timestamp, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE branch SET last_heard_at = ?, agent_last_seq = IFNULL(?, agent_last_seq) WHERE id = ?
            """).execute(arguments: [time.millisecondsSinceEpoch, agentLastSeq, branch])
        try ExportLog.noteContact(branch, at: time, in: db)
    }
}
