import LocalFiles
import TaizhangCore

/// Why the agent could not do what the clerk asked, with what they need to put it right.
public enum AgentError: Error, Sendable, CustomStringConvertible {
    case notInitialised(directory: String)
    case alreadyInitialised(path: String)
    case notALedger(path: String)
    case damaged(path: String, detail: String)
    case busy(path: String, seconds: Int)
    case invalidSetting(String)
    case badHubEndpoint(String, Endpoint.Problem)
    case badHubKey(String)
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
        case .busy(let path, let seconds):
            "the ledger \(path) stayed locked by another program for \(seconds) s; nothing was recorded — try again in a moment"
        case .invalidSetting(let message):
            message
        case .badHubEndpoint(let endpoint, _):
            "the hub address '\(endpoint)' is not of the form tcp://HOST:PORT with a port from 1 to 65535 (e.g. tcp://hub.bureau.local:7447)"
        case .badHubKey(let key):
            "the hub key must be the 40-character public key printed by 'taizhang-hub init'; '\(key)' is not"
        case .storage(let path, let detail):
            "the ledger \(path) could not be read or written (\(detail)); nothing was recorded"
        case .file(let error):
            error.description
        }
    }
}
