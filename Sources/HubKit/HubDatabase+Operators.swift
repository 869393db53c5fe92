import GRDB
import TaizhangCore

extension HubDatabase {
    /// Adds an operator with a password hash made by the caller (bcrypt).
    public func addOperator(login: String, role: Operator.Role, passwordHash: String, at time: Timestamp) throws {
        guard Operator.isValidLogin(login) else { throw OperatorError.invalidLogin(login) }
        try writeKeepingChangeCount { db in
            guard try !Bool(fetchOne: db, "SELECT EXISTS (SELECT 1 FROM operator WHERE login = ?)", [login]) else {
                throw OperatorError.exists(login)
            }
            try db.execute(sql: """
                INSERT INTO operator (login, role, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [login, role.rawValue, passwordHash, time.millisecondsSinceEpoch, time.millisecondsSinceEpoch])
        }
    }

    public func operators() throws -> [Operator] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT login, role, created_at, password_changed_at FROM operator ORDER BY login").map { row in
                Operator(login: row[0], role: Operator.Role(rawValue: row[1]) ?? .viewer,
                         createdAt: Timestamp(millisecondsSinceEpoch: row[2]),
                         passwordChangedAt: Timestamp(millisecondsSinceEpoch: row[3]))
            }
        }
    }

    /// Removes the operator and ends their sessions; the login log keeps their lines.
    public func removeOperator(login: String) throws {
        try writeKeepingChangeCount { db in
            try db.execute(sql: "DELETE FROM operator WHERE login = ?", arguments: [login])
            guard db.changesCount > 0 else { throw OperatorError.unknown(login) }
        }
    }

    /// Sets a new password hash and ends the operator's sessions.
    public func setOperatorPassword(login: String, passwordHash: String, at time: Timestamp) throws {
        try writeKeepingChangeCount { db in
            try db.execute(sql: "UPDATE operator SET password_hash = ?, password_changed_at = ? WHERE login = ?",
                           arguments: [passwordHash, time.millisecondsSinceEpoch, login])
            guard db.changesCount > 0 else { throw OperatorError.unknown(login) }
            try db.execute(sql: "DELETE FROM operator_session WHERE login = ?", arguments: [login])
        }
    }

    /// The stored hash and role of `login`, nil if there is no such operator.
    public func operatorCredentials(login: String) throws -> (hash: String, role: Operator.Role)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT password_hash, role FROM operator WHERE login = ?", arguments: [login]).map { row in
                (row[0], Operator.Role(rawValue: row[1]) ?? .viewer)
            }
        }
    }

    /// Until when `login` is locked out at `time` (nil: not locked): 5 failures within 10
    /// minutes since the last success lock the account for 15 minutes after the fifth.
    public func lockedUntil(login: String, at time: Timestamp) throws -> Timestamp? {
        let now = time.millisecondsSinceEpoch
        let failures = try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT at FROM operator_login WHERE login = ?1 AND outcome = 'failure' AND at > ?2
                  AND at > IFNULL((SELECT MAX(at) FROM operator_login WHERE login = ?1 AND outcome = 'success'), 0)
                ORDER BY at
                """, arguments: [login, now - OperatorPolicy.failureWindow - OperatorPolicy.lockout])
        }
        return OperatorPolicy.lockedUntil(failures: failures, now: now).map(Timestamp.init(millisecondsSinceEpoch:))
    }

    public func recordLogin(_ event: OperatorLogin) throws {
        try writeKeepingChangeCount { db in
            try db.execute(sql: "INSERT INTO operator_login (login, at, address, outcome) VALUES (?, ?, ?, ?)",
                           arguments: [event.login, event.at.millisecondsSinceEpoch, event.address, event.outcome.rawValue])
        }
    }

    /// The login log, newest first.
    public func operatorLog(limit: Int = 1000) throws -> [OperatorLogin] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT login, at, address, outcome FROM operator_login ORDER BY at DESC, id DESC LIMIT ?",
                             arguments: [limit]).map { row in
                OperatorLogin(login: row[0], at: Timestamp(millisecondsSinceEpoch: row[1]), address: row[2],
                              outcome: OperatorLogin.Outcome(rawValue: row[3]) ?? .failure)
            }
        }
    }

    /// Starts a session for the SHA-256 (hex) of a fresh cookie value.
    public func startSession(tokenHash: String, login: String, address: String, at time: Timestamp) throws {
        try writeKeepingChangeCount { db in
            try db.execute(sql: """
                INSERT INTO operator_session (token_hash, login, created_at, last_seen_at, address) VALUES (?, ?, ?, ?, ?)
                """, arguments: [tokenHash, login, time.millisecondsSinceEpoch, time.millisecondsSinceEpoch, address])
            try db.execute(sql: "INSERT INTO operator_login (login, at, address, outcome) VALUES (?, ?, ?, 'success')",
                           arguments: [login, time.millisecondsSinceEpoch, address])
        }
    }

    /// The operator behind a session cookie, if the session has not been idle longer than the
    /// timeout; a live session's idle clock restarts (written at most once a minute).
    public func session(tokenHash: String, at time: Timestamp) throws -> OperatorSession? {
        let now = time.millisecondsSinceEpoch
        let found = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.login, o.role, s.last_seen_at FROM operator_session s JOIN operator o ON o.login = s.login
                WHERE s.token_hash = ?
                """, arguments: [tokenHash])
        }
        guard let found else { return nil }
        let lastSeen: Int64 = found[2]
        if now - lastSeen > OperatorPolicy.idleTimeout {
            try writeKeepingChangeCount { db in try db.execute(sql: "DELETE FROM operator_session WHERE token_hash = ?", arguments: [tokenHash]) }
            return nil
        }
        if now - lastSeen > 60_000 {
            try writeKeepingChangeCount { db in
                try db.execute(sql: "UPDATE operator_session SET last_seen_at = ? WHERE token_hash = ?", arguments: [now, tokenHash])
            }
        }
        return OperatorSession(login: found[0], role: Operator.Role(rawValue: found[1]) ?? .viewer)
    }

    /// Ends a session and logs the logout.
    public func endSession(tokenHash: String, address: String, at time: Timestamp) throws {
        try writeKeepingChangeCount { db in
            guard let login = try String.fetchOne(db, sql: "SELECT login FROM operator_session WHERE token_hash = ?",
                                                  arguments: [tokenHash]) else { return }
            try db.execute(sql: "DELETE FROM operator_session WHERE token_hash = ?", arguments: [tokenHash])
            try db.execute(sql: "INSERT INTO operator_login (login, at, address, outcome) VALUES (?, ?, ?, 'logout')",
                           arguments: [login, time.millisecondsSinceEpoch, address])
        }
    }
}

private extension Bool {
    init(fetchOne db: Database, _ sql: String, _ arguments: StatementArguments) throws {
        self = try Bool.fetchOne(db, sql: sql, arguments: arguments) ?? false
    }
}
