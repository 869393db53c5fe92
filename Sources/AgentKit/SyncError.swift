/// Why a sync with the hub stopped short; each says what the clerk can do.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    case unreachable(endpoint: String, seconds: Int, pending: Int64, handshakeFailed: Bool)
    case keyNotEnrolled(endpoint: String)
    case wrongHubKey(endpoint: String)
    case revoked(message: String)
    case refused(status: UInt16, message: String)
    case protocolViolation(String)
    case interrupted(pending: Int64)

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
        case .refused(409, let message):
            "the hub already holds a different entry under the same number (\(message)): this ledger looks restored from an older backup with new entries recorded since; nothing was overwritten and the hub operator sees the branch flagged — contact them before recording more"
        case .refused(412, let message):
            "this office's ledger is older than the copy at the hub (\(message)): it looks restored from an older backup; nothing was sent — contact the hub operator before recording more"
        case .refused(410, let message):
            "the hub already receives this branch from another ledger (\(message)); ask the hub operator — a new PC needs them to re-enrol the office"
        case .refused(let status, let message):
            "the hub refused the ledger (\(status)): \(message)"
        case .protocolViolation(let detail):
            "the hub answered something this agent does not understand (\(detail)); check that agent and hub are the same version"
        case .interrupted(let pending):
            "sync interrupted; \(pending) entries stay queued and the next sync resumes"
        }
    }
}
