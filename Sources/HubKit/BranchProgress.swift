import GRDB
import TaizhangCore

/// How far the hub has got with one branch, read at the start of a protocol step.
struct BranchProgress {
    var heldSeq: Int64
    var incarnation: String?
    var revoked: Bool

    static func fetch(_ branch: String, _ db: Database) throws -> BranchProgress? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT held_seq, incarnation, revoked_at IS NOT NULL FROM branch WHERE id = ?
            """), arguments: [branch]).map { BranchProgress(heldSeq: $0[0], incarnation: $0[1], revoked: $0[2]) }
    }

    /// The refusal for an agent whose branch is not (or no longer) enrolled; the ZAP handler
    /// should have stopped it, so this only happens when a key is revoked mid-session.
    static func notEnrolled(_ branch: String, _ progress: BranchProgress?) -> HubReply {
        let why = progress == nil ? "is not enrolled at this hub" : "was revoked at this hub"
        return .refused(.malformed, heldSeq: progress?.heldSeq ?? 0, seq: 0,
                        message: "branch \(branch) \(why); nothing was accepted — ask the bureau's operator")
    }
}
