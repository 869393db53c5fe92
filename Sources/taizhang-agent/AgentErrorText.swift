import AgentKit
import TaizhangCommandLine
import TaizhangCore
import TaizhangText

/// The agent's errors in the clerk's language.
enum AgentErrorText {
    static func sentence(_ error: AgentError) -> String {
        switch error {
        case .notInitialised(let directory): Message.errNotInitialised(directory)
        case .alreadyInitialised(let path): Message.errAlreadyInitialised(path)
        case .notALedger(let path): Message.errNotALedger(path)
        case .damaged(let path, let detail): Message.errDamaged(path, detail)
        case .verifyFailed(let path, let branch, let seq, let detail): Message.errVerifyFailed(path, branch, seq, detail)
        case .damagedTail(let path, let delivered, let firstUnreadable, let detail):
            Message.errDamagedTail(path, detail, delivered, firstUnreadable)
        case .busy(let path, let seconds): Message.errBusy(path, seconds)
        case .storage(let path, let detail): Message.errStorage(path, detail)
        case .file(let error): Message.errFile(error.path, error.detail)
        case .badHubEndpoint(let endpoint, _): Message.errBadHubEndpoint(endpoint)
        case .badHubKey(let key): Message.errBadHubKey(key)
        case .duplicateHubEndpoint(let endpoint): Message.errDuplicateHubEndpoint(endpoint)
        case .invalidSetting(let sentence): sentence
        case .curveUnavailable(let detail): Message.errCurve(detail)
        case .keyFilesUnreadable(let directory, let detail): Message.errKeyFiles(directory, detail)
        }
    }

    static func sentence(_ error: SyncError) -> String {
        switch error {
        case .unreachable(let endpoint, let seconds, let pending, let handshakeFailed):
            handshakeFailed ? Message.errHandshake(endpoint, seconds, pending) : Message.errUnreachable(endpoint, seconds, pending)
        case .keyNotEnrolled(let endpoint): Message.errKeyNotEnrolled(endpoint)
        case .wrongHubKey(let endpoint): Message.errWrongHubKey(endpoint)
        case .revoked: Message.errRevoked()  // the hub's own words (English, for logs) are left out
        case .diverged(let seq, _, _): Message.errDiverged(seq)
        case .hubCannotStore(let endpoint, let pending, _): Message.errHubCannotStore(endpoint, pending)
        case .misenrolled(let office, let message): Message.errMisenrolled(office, message)
        case .refused(505, _): Message.errNewerProtocol()
        case .refused(400, let message): Message.errUnreadable(message)
        case .refused(409, let message): Message.errConflict(message)
        case .refused(412, _): Message.errOlder()
        case .refused(410, _): Message.errOtherLedger()
        case .refused(let status, let message): Message.errRefused(status, message)
        case .protocolViolation(let detail): Message.errProtocol(detail)
        case .interrupted(let pending): Message.errInterrupted(pending)
        }
    }
}
