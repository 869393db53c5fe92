import GRDB
import TaizhangCore

extension AgentDatabase {
    /// Points the office at another hub — one endpoint or a comma-separated list of front-ends —
    /// and, if given, another hub key (`taizhang-agent set-hub`); the next connection uses them.
    /// A malformed list changes nothing.
    public func setHub(endpoint: String, key: String?) throws {
        try AgentSetup.checkHub(endpoint: endpoint, key: key)
        let endpoints = try AgentSetup.hubEndpoints(endpoint)
        try Self.translatingErrors(path: path) {
            try queue.write { db in
                if let key { try db.execute(sql: "UPDATE ledger SET hub_key = ?", arguments: [key]) }
                try Self.replaceHubEndpoints(db, endpoints)
            }
        }
    }

    /// Records that `endpoint` welcomed this office (the next connection starts there).
    public func noteHubAnswered(_ endpoint: String) throws {
        try Self.translatingErrors(path: path) {
            try queue.write { db in
                try db.execute(sql: "UPDATE sync_state SET hub_answered = ? WHERE hub_answered IS NOT ?",
                               arguments: [endpoint, endpoint])
            }
        }
    }

    static func replaceHubEndpoints(_ db: Database, _ endpoints: [String]) throws {
        try db.execute(sql: "DELETE FROM hub_endpoint")
        for (index, endpoint) in endpoints.enumerated() {
            try db.execute(sql: "INSERT INTO hub_endpoint (position, endpoint) VALUES (?, ?)", arguments: [index + 1, endpoint])
        }
    }
}
