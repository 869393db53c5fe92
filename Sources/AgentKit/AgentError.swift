import LocalFiles
import TaizhangCore

/// Why the agent could not do what the clerk asked, with what they need to put it right.
public enum AgentError: Error, Sendable, CustomStringConvertible {
    case notInitialised(directory: String)
    case alreadyInitialised(path: String)
    case notALedger(path: String)
    case damaged(path: String, detail: String)
    /// `verify` (or the check at `run`'s start) found entry `seq` not as recorded.
    case verifyFailed(path: String, branch: String, seq: Int64, detail: String)
    /// `sync` of a damaged ledger delivered entries 1 … `delivered` and could read no further.
    case damagedTail(path: String, delivered: Int64, firstUnreadable: Int64, detail: String)
    case busy(path: String, seconds: Int)
    /// A sentence the caller has already worded in the clerk's language.
    case invalidSetting(String)
    /// libzmq cannot make CURVE keys (built without libsodium).
    case curveUnavailable(detail: String)
    /// The agent's key files in `directory` cannot be read.
    case keyFilesUnreadable(directory: String, detail: String)
    case badHubEndpoint(String, Endpoint.Problem)
    case badHubKey(String)
    /// An endpoint given twice in a `--hub` list.
    case duplicateHubEndpoint(String)
    case storage(path: String, detail: String)
    case file(FileError)

    public var description: String {
        switch self {
        case .notInitialised(let directory):
            "there is no ledger in \(directory); set it up first with 'taizhang-agent init' (or point --data at the office's ledger folder)"
        case .alreadyInitialised(let path):
            "a ledger already exists at \(path); it was left untouched — use another --data folder to start a new one"
        case .notALedger(let path):
            "\(path) is not a Taizhang ledger; it was left untouched — check the --data folder"
        case .damaged(let path, let detail):
            "the ledger file \(path) is damaged (\(detail)); it was left untouched — restore it from a backup"
        case .verifyFailed(let path, let branch, let seq, let detail):
            "the ledger \(path) of branch \(branch) fails verification at entry #\(seq) (\(detail)); nothing was changed — restore the ledger from a backup and ask the hub operator, whose copy is intact"
        case .damagedTail(let path, let delivered, let firstUnreadable, let detail):
            "the ledger \(path) is damaged (\(detail)): the hub now holds entries 1–\(delivered), every entry that could be read; entries from #\(firstUnreadable) on could not be read — restore the ledger from a backup and ask the hub operator before recording more"
        case .busy(let path, let seconds):
            "the ledger \(path) stayed locked by another program for \(seconds) s; nothing was recorded — try again in a moment"
        case .invalidSetting(let message):
            message
        case .curveUnavailable(let detail):
            "libzmq could not make a CURVE key pair (\(detail)); install libzmq with CURVE support (Debian: libzmq5)"
        case .keyFilesUnreadable(let directory, let detail):
            "the agent's key files in \(directory) cannot be read (\(detail)); they are made by 'taizhang-agent init'"
        case .badHubEndpoint(let endpoint, _):
            "the hub address '\(endpoint)' is not of the form tcp://HOST:PORT with a port from 1 to 65535 (e.g. tcp://hub.bureau.local:7447)"
        case .duplicateHubEndpoint(let endpoint):
            "the hub address '\(endpoint)' is listed twice; list each of the hub's front-ends once, separated by commas"
        case .badHubKey(let key):
            "the hub key must be the 40-character public key printed by 'taizhang-hub init'; '\(key)' is not"
        case .storage(let path, let detail):
            "the ledger \(path) could not be read or written (\(detail)); nothing was recorded"
        case .file(let error):
            error.description
        }
    }
}
