import Foundation
import GRDB
import TaizhangCore

extension AgentSchema {
    /// The hash chain (docs/PROTOCOL.md, "Chain"): every entry stores its content hash (the
    /// SHA-256 of its canonical encoding) and chain(seq), computed here for the entries
    /// already recorded; the sync state keeps the hub's last confirmation (the receipt).
    static func chain(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE entry ADD COLUMN hash BLOB NOT NULL DEFAULT x'';
            ALTER TABLE entry ADD COLUMN chain BLOB NOT NULL DEFAULT x'';
            ALTER TABLE sync_state ADD COLUMN confirmed_seq INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE sync_state ADD COLUMN confirmed_chain BLOB;
            ALTER TABLE sync_state ADD COLUMN confirmed_at INTEGER;
            DROP TRIGGER entry_immutable;
            """)
        if let owner = try Row.fetchOne(db, sql: "SELECT branch, incarnation FROM ledger") {
            var chain = LedgerChain.genesis(branch: owner[0], incarnation: owner[1] as String)
            let rows = try Row.fetchAll(db, sql: "SELECT \(EntryRow.columns) FROM entry ORDER BY seq")
            let update = try db.makeStatement(sql: "UPDATE entry SET hash = ?, chain = ? WHERE seq = ?")
            for row in rows {
                let entry = try EntryRow.decode(row)
                let hash = EntryCodec.contentHash(entry)
                chain = LedgerChain.next(chain, contentHash: hash)
                try update.execute(arguments: [Data(hash), Data(chain), entry.seq])
            }
        }
        try db.execute(sql: """
            CREATE TRIGGER entry_immutable BEFORE UPDATE ON entry
                BEGIN SELECT RAISE(ABORT, 'ledger entries are immutable; void them instead'); END;
            """)
    }
}
