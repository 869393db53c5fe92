import GRDB
import LedgerSQL
import TaizhangCore

extension AgentSchema {
    /// The rules judged on the entry's date, with one identity for text (docs/PROTOCOL.md,
    /// "Entry rules"): entries and items gain the item's identity (`TextIdentity.key`), items
    /// are unique by it, and `stock_day` holds each day's net change of stock on hand, so a
    /// backdated entry is checked against every later day. Items that were two under the old
    /// identity and are one now keep the latest row.
    static func rules(_ db: Database) throws {
        try db.withItemKeyFunction {
            try db.execute(sql: """
                ALTER TABLE entry ADD COLUMN item_key TEXT;
                DROP TRIGGER entry_immutable;
                UPDATE entry SET item_key = taizhang_item_key(item) WHERE item IS NOT NULL;
                CREATE TRIGGER entry_immutable BEFORE UPDATE ON entry
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are immutable; void them instead'); END;
                CREATE INDEX entry_item_key ON entry(material, item_key) WHERE item_key IS NOT NULL;
                ALTER TABLE item ADD COLUMN item_key TEXT NOT NULL DEFAULT '';
                UPDATE item SET item_key = taizhang_item_key(item);
                DELETE FROM item WHERE EXISTS (
                    SELECT 1 FROM item later WHERE later.material = item.material
                      AND later.item_key = item.item_key AND later.last_seq > item.last_seq);
                CREATE UNIQUE INDEX item_identity ON item(material, item_key);
                CREATE TABLE stock_day (
                    material TEXT NOT NULL,
                    day TEXT NOT NULL,
                    delta INTEGER NOT NULL,
                    PRIMARY KEY (material, day)
                ) WITHOUT ROWID;
                INSERT INTO stock_day (material, day, delta)
                    SELECT material, occurred_on, SUM(CASE action WHEN 'distribute' THEN -quantity ELSE quantity END)
                    FROM entry e
                    WHERE action IN ('receive', 'distribute', 'adjust')
                      AND NOT EXISTS (SELECT 1 FROM entry v WHERE v.voids = e.seq)
                    GROUP BY material, occurred_on;
                """)
        }
    }
}
