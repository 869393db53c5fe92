import LocalFiles

/// Why the hub could not do what the operator or an agent asked, with what to do about it.
public enum HubError: Error, Sendable, CustomStringConvertible {
    case notInitialised(path: String)
    case alreadyInitialised(path: String)
    case notAHubDatabase(path: String)
    case damaged(path: String, detail: String)
    /// `verify` (or the check at `serve`'s start) found entry `seq` of `branch` not as stored.
    case verifyFailed(path: String, branch: String, seq: Int64, detail: String)
    /// The database file was deleted or replaced while `serve` ran.
    case vanished(path: String, detail: String)
    case busy(path: String, seconds: Int)
    case storage(path: String, detail: String)
    case invalidSetting(String)
    case unknownBranch(String)
    case revoked(branch: String)
    case keyInUse(key: String, branch: String)
    case file(FileError)

    public var description: String {
        switch self {
        case .notInitialised(let path):
            "there is no hub database at \(path); create it first with 'taizhang-hub init' (or point --data at the hub's folder)"
        case .alreadyInitialised(let path):
            "a hub database already exists at \(path); it was left untouched — use another --data folder to start a new hub"
        case .notAHubDatabase(let path):
            "\(path) is not a Taizhang hub database; it was left untouched — check the --data folder"
        case .damaged(let path, let detail):
            "the hub database \(path) is damaged (\(detail)); it was left untouched — restore it from a backup, then let the agents resend"
        case .verifyFailed(let path, let branch, let seq, let detail):
            "the hub database \(path) fails verification at branch \(branch), entry #\(seq) (\(detail)); it was left untouched — stop the hub, restore a copy of the database, then let the agents resend what it lacks"
        case .vanished(let path, let detail):
            "\(detail) (\(path)) while the hub was serving; the hub stopped acknowledging and exits — put the database back (restore a copy), start 'taizhang-hub serve' again and let the agents resend"
        case .busy(let path, let seconds):
            "the hub database \(path) stayed locked by another program for \(seconds) s; nothing was changed — try again in a moment"
        case .storage(let path, let detail):
            "the hub database \(path) could not be read or written (\(detail)); nothing was changed — check the disk and the folder's permissions"
        case .invalidSetting(let message):
            message
        case .unknownBranch(let branch):
            "no branch '\(branch)' is enrolled at this hub; 'taizhang-hub branches' lists the enrolled ones"
        case .revoked(let branch):
            "branch '\(branch)' was revoked at this hub; its agent is refused until the operator enrols it again with 'taizhang-hub enroll'"
        case .keyInUse(let key, let branch):
            "the key \(key) is already enrolled for branch '\(branch)'; each office's agent has its own key — enrol the key printed by that office's 'taizhang-agent init'"
        case .file(let error):
            error.description
        }
    }
}
