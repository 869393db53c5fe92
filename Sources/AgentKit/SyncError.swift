/// Why a sync with the hub stopped short; each says what the clerk can do. `description` is
/// the English sentence (logs, `status --json`); the clerk reads the catalogue's, in their
/// language. Codable: the last one is kept in the ledger for `status` (`last_problem_error`).
public enum SyncError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    case unreachable(endpoint: String, seconds: Int, pending: Int64, handshakeFailed: Bool)
    case keyNotEnrolled(endpoint: String)
    case wrongHubKey(endpoint: String)
    case revoked(message: String)
    /// The hub enrolled this office's key for another branch than `office` (ERROR 421).
    case misenrolled(office: String, message: String)
    case refused(status: UInt16, message: String)
    case protocolViolation(String)
    case interrupted(pending: Int64)
    /// The ledgers' chains differ at `seq` (there or earlier); `held` is the hub's length.
    case diverged(seq: Int64, held: Int64, message: String)
    /// The hub answered but could not store (ERROR 500) until the sync gave up.
    case hubCannotStore(endpoint: String, pending: Int64, message: String)

    public var description: String {
        switch self {
        case .unreachable(let endpoint, let seconds, let pending, let handshakeFailed):
            handshakeFailed
                ? "the hub at \(endpoint) did not accept the encrypted handshake within \(seconds) s — check the hub key given to 'taizhang-agent init'; \(pending) entries stay queued (see 'taizhang-agent status')"
                : "cannot reach the hub at \(endpoint) after \(seconds) s; \(pending) entries stay queued and the next sync resumes — see 'taizhang-agent status'"
        case .keyNotEnrolled(let endpoint):
            "the hub at \(endpoint) does not know this office's key yet: ask the hub operator to enrol it — it is in agent.public (printed by 'taizhang-agent init'); nothing was sent"
        case .wrongHubKey(let endpoint):
            "the encrypted handshake with \(endpoint) failed: the hub key given to 'taizhang-agent init' does not match this hub (or it is not a Taizhang hub); ask the operator for the key printed by 'taizhang-hub init'; nothing was sent"
        case .revoked(let message):
            "the hub refuses this office's key (\(message)); ask the hub operator — nothing was sent"
        case .misenrolled(let office, let message):
            "this office is set up as branch \(office), but the hub enrolled its key for another branch (\(message)); nothing was sent — ask the hub operator to enrol this office's key (agent.public) for \(office)"
        case .diverged(let seq, _, _):
            "this office's ledger differs from the hub's copy at entry #\(seq) or before (it was probably restored from an older backup); nothing was overwritten and the hub operator sees the branch flagged — record nothing more and contact them"
        case .hubCannotStore(let endpoint, let pending, _):
            "the hub at \(endpoint) answers but cannot store entries right now (its disk is full or failing); nothing is lost — \(pending) entries stay queued here and the next sync sends them; tell the hub operator"
        case .refused(409, let message):
            "the hub already holds a different entry under the same number (\(message)): this ledger looks restored from an older backup with new entries recorded since; nothing was overwritten and the hub operator sees the branch flagged — contact them before recording more"
        case .refused(412, let message):
            "this office's ledger is older than the copy at the hub (\(message)): it looks restored from an older backup; nothing was sent — contact the hub operator before recording more"
        case .refused(410, let message):
            "the hub already receives this branch from another ledger (\(message)); ask the hub operator — a new PC needs them to re-enrol the office"
        case .refused(505, _):
            "the hub speaks a newer protocol than this taizhang-agent: upgrade taizhang-agent on this PC to the hub's release; nothing was sent"
        case .refused(400, let message):
            "the hub could not read what this agent sent (\(message)); this is a fault in the agent, not the link — report it, the entries stay queued"
        case .refused(let status, let message):
            "the hub refused the ledger (\(status)): \(message)"
        case .protocolViolation(let detail):
            "the hub answered something this agent does not understand (\(detail)); check that agent and hub are the same version"
        case .interrupted(let pending):
            "sync interrupted; \(pending) entries stay queued and the next sync resumes"
        }
    }
}
