import AgentKit
import Foundation
import GRDB
import TaizhangCore
import XCTest

/// A ledger written before the chain existed gets every entry's hash and chain computed
/// from its stored rows when it is first opened; entries recorded since continue the chain.
final class ChainMigrationTests: XCTestCase {
    func testTheMigrationComputesTheChainOfExistingEntries() throws {
        var path = ""
        var chains: [Data] = []
        do {
            let ledger = try TemporaryLedger()
            path = ledger.database.path
            try ledger.database.record(TemporaryLedger.draft(.card, .receive, quantity: 100))
            try ledger.database.record(TemporaryLedger.draft(.board, .install, item: "GS-01", EntryDetails(location: "大厅")))
            try ledger.database.record(TemporaryLedger.draft(.card, .distribute, quantity: 30, EntryDetails(channel: "窗口")))
            let info = try ledger.database.info()
            // The chain is what LedgerChain says it is.
            var chain = LedgerChain.genesis(branch: info.branch, incarnation: info.incarnation)
            for seq in 1...3 {
                chain = LedgerChain.next(chain, contentHash: EntryCodec.contentHash(try XCTUnwrap(ledger.database.entry(seq: Int64(seq)))))
                XCTAssertEqual(try ledger.database.chain(at: Int64(seq)), chain)
            }
            // Turn the file back into a version-1 ledger: no hash, chain or receipt columns.
            let queue = try DatabaseQueue(path: path)
            chains = try queue.read { try Data.fetchAll($0, sql: "SELECT chain FROM entry ORDER BY seq") }
            try queue.write { db in
                for column in ["hash", "chain"] { try db.execute(sql: "ALTER TABLE entry DROP COLUMN \(column)") }
                for column in ["confirmed_seq", "confirmed_chain", "confirmed_at"] {
                    try db.execute(sql: "ALTER TABLE sync_state DROP COLUMN \(column)")
                }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2-chain'")
            }
            try queue.close()
            let reopened = try AgentDatabase(openingAt: path)
            XCTAssertEqual(try (1...3).map { try reopened.chain(at: Int64($0)).map { Data($0) } }, chains)
            XCTAssertEqual(try reopened.verify().lastSeq, 3)
            try reopened.record(TemporaryLedger.draft(.card, .receive, quantity: 1))
            XCTAssertEqual(try reopened.verify().lastSeq, 4, "new entries continue the migrated chain")
            withExtendedLifetime(ledger) {}
        }
    }
}
