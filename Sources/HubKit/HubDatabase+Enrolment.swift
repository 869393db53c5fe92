import GRDB
import TaizhangCore
import ZeroMQ

extension HubDatabase {
    /// Admits a branch office's agent key. One key belongs to one branch: a new key for a
    /// branch replaces its old one (and re-admits a revoked branch); a key enrolled for
    /// another branch is refused. The branch's entries and ledger binding are kept.
    /// The hub's own key (`hubKey`), the all-zero key and a name another branch already has
    /// are refused (`EnrolmentError`), changing nothing.
    public func enroll(branch: String, name: String, publicKey: String, hubKey: String? = nil, at time: Timestamp) throws {
        try Self.validateEnrolment(branch: branch, name: name, publicKey: publicKey)
        try EnrolmentError.check(key: publicKey, hubKey: hubKey)
        try write { db in
            let time = try ExportLog.stamp(time, in: db)
            if let owner = try String.fetchOne(db, sql: "SELECT id FROM branch WHERE public_key = ?",
                                               arguments: [publicKey]), owner != branch {
                throw HubError.keyInUse(key: publicKey, branch: owner)
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM branch WHERE id != ?", arguments: [branch])
            where EnrolmentError.sameName(row[1], name) {
                throw EnrolmentError.nameInUse(name: row[1], branch: row[0])
            }
            if try Self.branchExists(branch, db) {
                try db.execute(sql: """
                    UPDATE branch SET name = ?, public_key = ?, enrolled_at = ?, revoked_at = NULL WHERE id = ?
                    """, arguments: [name, publicKey, time.millisecondsSinceEpoch, branch])
            } else {
                try db.execute(sql: "INSERT INTO branch (id, name, public_key, enrolled_at) VALUES (?, ?, ?, ?)",
                               arguments: [branch, name, publicKey, time.millisecondsSinceEpoch])
                for material in Material.allCases {
                    try db.execute(sql: "INSERT INTO tally (branch, material) VALUES (?, ?)",
                                   arguments: [branch, material.rawValue])
                }
            }
            try Self.recordEnrolment(branch: branch, publicKey: publicKey, at: time, in: db)
        }
    }

    /// Refuses the branch's key from now on; its entries stay, in the totals too.
    public func revoke(branch: String, at time: Timestamp) throws {
        try write { db in
            let time = try ExportLog.stamp(time, in: db)
            try db.execute(sql: "UPDATE branch SET revoked_at = IFNULL(revoked_at, ?) WHERE id = ?",
                           arguments: [time.millisecondsSinceEpoch, branch])
            guard db.changesCount > 0 else { throw HubError.unknownBranch(branch) }
            try Self.recordRevocation(branch: branch, at: time, in: db)
        }
    }

    /// The branch an agent key is enrolled for, unless revoked: the ZAP handler's question.
    public func branch(forKey publicKey: String) throws -> String? {
        try read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM branch WHERE public_key = ? AND revoked_at IS NULL"),
                                arguments: [publicKey])
        }
    }

    static func validateEnrolment(branch: String, name: String, publicKey: String) throws {
        try BranchID.checkOffice(id: branch, name: name)  // the rule's own sentence, in the reader's language
        guard Z85.isValidCurveKey(publicKey) else { throw HubError.badAgentKey(publicKey) }
    }
}
