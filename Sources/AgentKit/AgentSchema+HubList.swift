import GRDB

extension AgentSchema {
    /// Branch "failover": the hub's front-ends as a list (`--hub a,b`), in order, in place of
    /// the ledger's one `hub_endpoint`, which becomes the list's first and only element; and
    /// the front-end that last welcomed the office, where the next connection starts.
    static func hubList(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE hub_endpoint (
                position INTEGER PRIMARY KEY CHECK (position >= 1),
                endpoint TEXT NOT NULL UNIQUE
            );
            INSERT INTO hub_endpoint (position, endpoint) SELECT 1, hub_endpoint FROM ledger;
            ALTER TABLE ledger DROP COLUMN hub_endpoint;
            ALTER TABLE sync_state ADD COLUMN hub_answered TEXT;
            """)
    }
}
