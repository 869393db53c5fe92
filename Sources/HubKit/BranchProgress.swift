import Foundation
import GRDB
import TaizhangCore

/// How far the hub has got with one branch, read at the start of a protocol step.
struct BranchProgress {
    var branch: String
    var heldSeq: Int64
    var incarnation: String?
    var revoked: Bool
    /// chain(heldSeq): the genesis of the bound incarnation when nothing is held.
    var heldChain: [UInt8]

    static func fetch(_ branch: String, _ db: Database) throws -> BranchProgress? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT held_seq, incarnation, revoked_at IS NOT NULL,
                   (SELECT chain FROM entry WHERE entry.branch = branch.id AND entry.seq = branch.held_seq)
            FROM branch WHERE id = ?
            """), arguments: [branch]) else { return nil }
        var progress = BranchProgress(branch: branch, heldSeq: row[0], incarnation: row[1], revoked: row[2], heldChain: [])
        if progress.heldSeq == 0 {
            progress.heldChain = progress.genesis
        } else {
            guard let chain = row[3] as Data? else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT,
                                    message: "entry #\(progress.heldSeq) of branch \(branch) is missing below its held seq")
            }
            progress.heldChain = [UInt8](chain)
        }
        return progress
    }

    var genesis: [UInt8] { LedgerChain.genesis(branch: branch, incarnation: incarnation ?? "") }

    /// chain(seq) as the hub holds it, for 0 ≤ seq ≤ heldSeq.
    func chain(at seq: Int64, _ db: Database) throws -> [UInt8] {
        if seq == heldSeq { return heldChain }
        if seq == 0 { return genesis }
        guard let chain = try Data.fetchOne(db.cachedStatement(sql: "SELECT chain FROM entry WHERE branch = ? AND seq = ?"),
                                            arguments: [branch, seq]) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "entry #\(seq) of branch \(branch) is missing below its held seq")
        }
        return [UInt8](chain)
    }

    /// The refusal for an agent whose branch is not (or no longer) enrolled; the ZAP handler
    /// should have stopped it, so this only happens when a key is revoked mid-session.
    static func notEnrolled(_ branch: String, _ progress: BranchProgress?) -> HubReply {
        let why = progress == nil ? "is not enrolled at this hub" : "was revoked at this hub"
        return .refused(.revoked, heldSeq: progress?.heldSeq ?? 0, seq: 0,
                        message: "branch \(branch) \(why); nothing was accepted — ask the bureau's operator")
    }
}
