import Foundation
import GRDB
import TaizhangCore

extension HubSchema {
    /// The hash chain (docs/PROTOCOL.md, "Chain"): every entry stores chain(seq), computed here
    /// for the entries already held from their stored bytes, in seq order per branch.
    static func chain(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE entry ADD COLUMN chain BLOB NOT NULL DEFAULT x'';
            DROP TRIGGER entry_immutable;
            """)
        let branches = try Row.fetchAll(db, sql: "SELECT id, incarnation FROM branch")
        let update = try db.makeStatement(sql: "UPDATE entry SET chain = ? WHERE branch = ? AND seq = ?")
        for branch in branches {
            let id: String = branch[0]
            var chain = LedgerChain.genesis(branch: id, incarnation: (branch[1] as String?) ?? "")
            let rows = try Row.fetchCursor(db, sql: "SELECT seq, body FROM entry WHERE branch = ? ORDER BY seq", arguments: [id])
            var updates: [(Int64, [UInt8])] = []
            while let row = try rows.next() {
                let body = [UInt8]((row[1] as Data?) ?? Data())
                chain = LedgerChain.next(chain, contentHash: SHA256.hash(body))
                updates.append((row[0], chain))
            }
            for (seq, chain) in updates { try update.execute(arguments: [Data(chain), id, seq]) }
        }
        try db.execute(sql: """
            CREATE TRIGGER entry_immutable BEFORE UPDATE ON entry
                BEGIN SELECT RAISE(ABORT, 'hub entries are immutable; the branch voids them instead'); END;
            """)
    }
}
