import Foundation
import GRDB
import TaizhangCore

extension AgentDatabase {
    /// The last seq and the chain there (the genesis when the ledger is empty).
    static func chainHead(_ db: Database, branch: String, incarnation: String) throws -> (seq: Int64, chain: [UInt8]) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, chain FROM entry ORDER BY seq DESC LIMIT 1")) else {
            return (0, LedgerChain.genesis(branch: branch, incarnation: incarnation))
        }
        return (row[0], [UInt8]((row[1] as Data?) ?? Data()))
    }

    /// chain(seq) of this ledger: the genesis for 0, nil past its end.
    public func chain(at seq: Int64) throws -> [UInt8]? {
        try read { db in try Self.chain(at: seq, db) }
    }

    static func chain(at seq: Int64, _ db: Database) throws -> [UInt8]? {
        if seq == 0 {
            guard let owner = try Row.fetchOne(db, sql: "SELECT branch, incarnation FROM ledger") else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the ledger has no owner row")
            }
            return LedgerChain.genesis(branch: owner[0], incarnation: owner[1] as String)
        }
        return try Data.fetchOne(db.cachedStatement(sql: "SELECT chain FROM entry WHERE seq = ?"), arguments: [seq]).map { [UInt8]($0) }
    }

    /// Records the hub's confirmation that it holds every entry up to `heldSeq` with `chain`
    /// there, if this ledger's own chain at `heldSeq` is the same; returns false, recording
    /// nothing, if it differs or the ledger is shorter. After a WELCOME the hub's word is taken
    /// even if it is lower (a hub restored from an older backup); after an ACK the watermark
    /// only rises. `flags`, the hub's notice of its open flags on the branch, replaces the last
    /// one heard, in the same transaction.
    public func confirm(_ heldSeq: Int64, chain: [UInt8], at time: Timestamp = .now(), fromWelcome: Bool = false,
                        flags: FlagNotice? = nil) throws -> Bool {
        try Self.translatingErrors(path: path) {
            var agreed = false
            try queue.inTransaction(.immediate) { db in
                guard try Self.chain(at: heldSeq, db) == chain else { return .rollback }
                agreed = true
                let rise = fromWelcome ? "?1" : "MAX(acked_seq, ?1)"
                try db.cachedStatement(sql: """
                    UPDATE sync_state SET acked_seq = \(rise), last_ack_at = ?2, confirmed_seq = ?1, confirmed_chain = ?3,
                        confirmed_at = ?2
                    """).execute(arguments: [heldSeq, time.millisecondsSinceEpoch, Data(chain)])
                if let flags { try Self.noteHubFlags(flags, at: time, db) }
                return .commit
            }
            return agreed
        }
    }
}
