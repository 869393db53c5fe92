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
    /// A sentence the caller has already worded in the operator's language.
    case invalidSetting(String)
    /// libzmq cannot make CURVE keys (built without libsodium).
    case curveUnavailable(detail: String)
    /// The hub's secret key file can be read by other users (`mode`, octal).
    case secretKeyExposed(path: String, mode: String)
    case secretKeyUnreadable(path: String, detail: String)
    /// Not a 40-character Z85 CURVE public key.
    case badAgentKey(String)
    /// No pending key, or `count` > 1 of them, has a fingerprint starting with `fingerprint`.
    case fingerprintMatches(fingerprint: String, count: Int)
    case unknownTimeZone(String)
    /// The bureau's own calendar additions (`calendar.txt`) cannot be read, or have a bad line.
    case calendarUnreadable(path: String, detail: String)
    case calendar(CalendarError)
    case reportSetting(ReportSettingsError)
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
        case .curveUnavailable(let detail):
            "libzmq could not make a CURVE key pair (\(detail)); install libzmq with CURVE support (Debian: libzmq5)"
        case .secretKeyExposed(let path, let mode):
            "the hub's secret key \(path) is readable by other users (mode \(mode)); fix it with 'chmod 600 \(path)'"
        case .secretKeyUnreadable(let path, let detail):
            "the hub's secret key \(path) cannot be read (\(detail)); it is made by 'taizhang-hub init'"
        case .badAgentKey(let key):
            "the agent key must be the 40-character public key printed by the office's 'taizhang-agent init'; '\(key)' is not"
        case .fingerprintMatches(let fingerprint, let count):
            count == 0 ? "no pending key has the fingerprint \(fingerprint); 'taizhang-hub keys' lists the keys that tried to connect"
                : "\(count) pending keys start with \(fingerprint); give more of the fingerprint"
        case .unknownTimeZone(let name):
            "the time zone '\(name)' is not known on this machine; install tzdata or use a name such as Asia/Shanghai"
        case .calendarUnreadable(let path, let detail):
            "\(path) cannot be read (\(detail)); fix its permissions or remove it"
        case .calendar(let error):
            error.description
        case .reportSetting(let error):
            error.description
        }
    }
}
