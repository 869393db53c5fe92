import GRDB
import TaizhangCore

extension AgentDatabase {
    /// Points the office at another hub address and, if given, another hub key
    /// (`taizhang-agent set-hub`); the next connection uses them.
    public func setHub(endpoint: String, key: String?) throws {
        try AgentSetup.checkHub(endpoint: endpoint, key: key)
        try Self.translatingErrors(path: path) {
            try queue.write { db in
                if let key {
                    try db.execute(sql: "UPDATE ledger SET hub_endpoint = ?, hub_key = ?", arguments: [endpoint, key])
                } else {
                    try db.execute(sql: "UPDATE ledger SET hub_endpoint = ?", arguments: [endpoint])
                }
            }
        }
    }
}
