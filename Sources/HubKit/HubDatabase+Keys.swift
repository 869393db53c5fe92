import GRDB
import TaizhangCore

extension HubDatabase {
    /// At most this many pending keys are remembered; the stalest are forgotten first, so a
    /// flood of made-up keys cannot fill the disk.
    public static let maximumPendingKeys = 1000

    /// Every key's standing, for the server's in-memory cache.
    public func keyStandings() throws -> [String: KeyStanding] {
        try read { db in
            var standings: [String: KeyStanding] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT public_key, branch, state FROM agent_key WHERE state <> 'pending'") {
                let state = AgentKeyRecord.State(rawValue: row[2]) ?? .revoked
                let branch: String = row[1] ?? ""
                standings[row[0]] = state == .enrolled ? .enrolled(branch: branch) : .refused(branch: branch, state: state)
            }
            return standings
        }
    }

    /// One key's standing, read now (the server's cache may be a second old).
    public func keyStanding(_ publicKey: String) throws -> KeyStanding {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT branch, state FROM agent_key WHERE public_key = ?"),
                                             arguments: [publicKey]) else { return .unknown }
            let state = AgentKeyRecord.State(rawValue: row[1]) ?? .pending
            switch state {
            case .pending: return .unknown
            case .enrolled: return .enrolled(branch: row[0] ?? "")
            case .revoked, .replaced: return .refused(branch: row[0] ?? "", state: state)
            }
        }
    }

    /// Remembers a key that tried to connect without being enrolled (the caller limits how
    /// often per key).
    public func notePendingKey(_ publicKey: String, address: String, at time: Timestamp) throws {
        try write { db in
            let ms = time.millisecondsSinceEpoch
            try db.execute(sql: """
                INSERT INTO agent_key (public_key, fingerprint, state, address, first_seen_at, last_seen_at, attempts, changed_at)
                VALUES (?, ?, 'pending', ?, ?, ?, 1, ?)
                ON CONFLICT (public_key) DO UPDATE SET address = excluded.address,
                    last_seen_at = excluded.last_seen_at, attempts = attempts + 1
                """, arguments: [publicKey, KeyFingerprint.of(publicKey), String(address.prefix(100)), ms, ms, ms])
            try db.execute(sql: """
                DELETE FROM agent_key WHERE state = 'pending' AND public_key IN (
                    SELECT public_key FROM agent_key WHERE state = 'pending'
                    ORDER BY last_seen_at DESC LIMIT -1 OFFSET ?)
                """, arguments: [Self.maximumPendingKeys])
        }
    }

    /// Every key, pending first (most recent first), then by branch.
    public func keys() throws -> [AgentKeyRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT public_key, fingerprint, branch, state, address, first_seen_at, last_seen_at, attempts, changed_at,
                       set_up_as
                FROM agent_key
                ORDER BY state = 'pending' DESC, CASE state WHEN 'pending' THEN -last_seen_at ELSE 0 END, branch, changed_at DESC
                """).map { row in
                AgentKeyRecord(publicKey: row[0], fingerprint: row[1], branch: row[2],
                               state: AgentKeyRecord.State(rawValue: row[3]) ?? .pending, address: row[4],
                               firstSeenAt: (row[5] as Int64?).map(Timestamp.init), lastSeenAt: (row[6] as Int64?).map(Timestamp.init),
                               attempts: row[7], changedAt: Timestamp(millisecondsSinceEpoch: row[8]), setUpAs: row[9])
            }
        }
    }

    /// The whole key for `text`: a key as given, or the key of the one pending key with that
    /// fingerprint.
    public func resolveKey(_ text: String) throws -> String {
        guard KeyFingerprint.looksLikeFingerprint(text) else { return text }
        let matches = try read { db in
            try String.fetchAll(db, sql: "SELECT public_key FROM agent_key WHERE state = 'pending' AND fingerprint LIKE ? || '%'",
                                arguments: [text])
        }
        guard matches.count == 1 else {
            throw HubError.fingerprintMatches(fingerprint: text, count: matches.count)
        }
        return matches[0]
    }

    /// Keeps `agent_key` in step with an enrolment: the branch's earlier key is replaced.
    static func recordEnrolment(branch: String, publicKey: String, at time: Timestamp, in db: Database) throws {
        let ms = time.millisecondsSinceEpoch
        try db.execute(sql: """
            UPDATE agent_key SET state = 'replaced', changed_at = ?
            WHERE branch = ? AND state IN ('enrolled', 'revoked') AND public_key <> ?
            """, arguments: [ms, branch, publicKey])
        try db.execute(sql: """
            INSERT INTO agent_key (public_key, fingerprint, branch, state, changed_at) VALUES (?, ?, ?, 'enrolled', ?)
            ON CONFLICT (public_key) DO UPDATE SET branch = excluded.branch, state = 'enrolled', changed_at = excluded.changed_at,
                set_up_as = NULL
            """, arguments: [publicKey, KeyFingerprint.of(publicKey), branch, ms])
    }

    /// The office holding `publicKey` says it was set up as `claimed`.
    static func noteSetUpAs(_ claimed: String, publicKey: String, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE agent_key SET set_up_as = ? WHERE public_key = ?").execute(arguments: [claimed, publicKey])
    }

    static func recordRevocation(branch: String, at time: Timestamp, in db: Database) throws {
        try db.execute(sql: "UPDATE agent_key SET state = 'revoked', changed_at = ? WHERE branch = ? AND state = 'enrolled'",
                       arguments: [time.millisecondsSinceEpoch, branch])
    }
}
