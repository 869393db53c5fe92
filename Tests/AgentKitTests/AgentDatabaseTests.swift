import AgentKit
import Foundation
import GRDB
import TaizhangCore
import XCTest

final class AgentDatabaseTests: XCTestCase {
    typealias T = TemporaryLedger

    func testInitCreatesLedgerKeysAndIncarnation() throws {
        let ledger = try T()
        let info = try ledger.database.info()
        XCTAssertEqual(info.branch, "sanchang")
        XCTAssertEqual(info.name, "三厂分局")
        XCTAssertEqual(info.incarnation.count, 36)
        XCTAssertEqual(info.timeZone.identifier, "Asia/Shanghai")
        let secret = try FileManager.default.attributesOfItem(atPath: ledger.directory.secretKeyPath)
        XCTAssertEqual((secret[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let directory = try FileManager.default.attributesOfItem(atPath: ledger.directory.path)
        XCTAssertEqual((directory[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        let publicKey = try String(contentsOfFile: ledger.directory.publicKeyPath, encoding: .utf8)
        XCTAssertEqual(publicKey.trimmingCharacters(in: .whitespacesAndNewlines).count, 40)
        XCTAssertEqual(try ledger.database.syncState(), SyncState(lastSeq: 0, ackedSeq: 0, lastAckAt: nil))
    }

    func testInitRefusesAnExistingLedgerAndBadSettings() throws {
        let ledger = try T()
        let setup = AgentSetup(branch: "other", name: "x", hubEndpoint: "tcp://h:1", hubKey: T.hubKey)
        XCTAssertThrowsError(try setup.create(in: ledger.directory)) { error in
            XCTAssertTrue("\(error)".contains("already exists"))
        }
        XCTAssertEqual(try ledger.database.info().branch, "sanchang")
        for bad in [AgentSetup(branch: "San Chang", name: "x", hubEndpoint: "tcp://h:1", hubKey: T.hubKey),
                    AgentSetup(branch: "ok", name: "", hubEndpoint: "tcp://h:1", hubKey: T.hubKey),
                    AgentSetup(branch: "ok", name: "x", hubEndpoint: "http://h:1", hubKey: T.hubKey),
                    AgentSetup(branch: "ok", name: "x", hubEndpoint: "tcp://h:99999", hubKey: T.hubKey),
                    AgentSetup(branch: "ok", name: "x", hubEndpoint: "tcp://h:1", hubKey: "short")] {
            XCTAssertThrowsError(try bad.validate())
        }
    }

    func testRecordingUpdatesInventoryItemsAndLog() throws {
        let ledger = try T()
        let db = ledger.database
        try db.record(T.draft(.board, .install, item: "GS-01", EntryDetails(location: "大厅", standard: true)))
        try db.record(T.draft(.board, .install, item: "GS-02", EntryDetails(location: "走廊", standard: false)))
        try db.record(T.draft(.guide, .receive, quantity: 500, EntryDetails(batch: "一")))
        try db.record(T.draft(.guide, .distribute, quantity: 120, EntryDetails(channel: "窗口")))
        let entry = try db.record(T.draft(.board, .void, EntryDetails(reason: "错"), voids: 2))
        XCTAssertEqual(entry.seq, 5)
        XCTAssertEqual(entry.material, .board, "a void takes the material of the entry it cancels")
        XCTAssertEqual(entry.item, "GS-02")
        let inventory = try db.inventory()
        XCTAssertEqual(inventory[.board], Tally(inService: 1, standard: 1))
        XCTAssertEqual(inventory[.guide].onHand, 380)
        XCTAssertEqual(try db.items(.board, includeRetired: true).map(\.item), ["GS-01"])
        var seen: [(Int64, Int64?)] = []
        try db.forEachEntry(since: 0) { entry, voidedBy in seen.append((entry.seq, voidedBy)) }
        XCTAssertEqual(seen.map(\.0), [1, 2, 3, 4, 5])
        XCTAssertEqual(seen[1].1, 5)
        XCTAssertEqual(try db.entry(seq: 3)?.details.batch, "一")
    }

    func testRefusedBatchWritesNothing() throws {
        let ledger = try T()
        let db = ledger.database
        try db.record(T.draft(.card, .receive, quantity: 10))
        XCTAssertThrowsError(try db.record([
            T.draft(.card, .distribute, quantity: 5, EntryDetails(channel: "a")),
            T.draft(.card, .distribute, quantity: 6, EntryDetails(channel: "b")),
        ]))
        XCTAssertEqual(try db.syncState().lastSeq, 1)
        XCTAssertEqual(try db.inventory()[.card].onHand, 10)
    }

    func testStoredLedgerMatchesTheInMemoryFold() throws {
        let ledger = try T()
        var fold = LedgerFold()
        var generator = UInt64(7)
        func next() -> UInt64 {
            generator = generator &* 6364136223846793005 &+ 1442695040888963407
            return generator >> 33
        }
        for step in 0..<600 {
            let material = Material.allCases[Int(next() % 5)]
            let tag = "T\(next() % 6)"
            var draft: EntryDraft
            switch next() % 5 {
            case 0 where step > 0:
                let target = Int64(next() % UInt64(max(1, fold.lastSeq))) + 1
                draft = T.draft(material, .void, EntryDetails(reason: "x"), voids: target)
                if let entry = fold.entry(seq: target) { draft.material = entry.material; draft.item = entry.item }
            case 1, 2:
                draft = material.kind == .unit
                    ? EntryFields.keepingAllowed(T.draft(material, material.inAction, item: tag, EntryDetails(location: "l", staff: "s", standard: next() % 2 == 0)))
                    : T.draft(material, .receive, quantity: Int64(next() % 100) + 1)
            default:
                draft = material.kind == .unit
                    ? T.draft(material, material.outAction, item: tag, EntryDetails(reason: "lost"))
                    : T.draft(material, .distribute, quantity: Int64(next() % 100) + 1, EntryDetails(channel: "c"))
            }
            let stored = Result { try ledger.database.record(draft) }
            let folded = Result { try fold.apply(draft.entry(branch: "sanchang", seq: fold.lastSeq + 1, recordedAt: .now())) }
            switch (stored, folded) {
            case (.success, .success): break
            case (.failure(let a), .failure(let b)): XCTAssertEqual("\(a)", "\(b)")
            default: XCTFail("store and fold disagree at step \(step): \(stored) vs \(folded)")
            }
        }
        XCTAssertEqual(try ledger.database.inventory(), fold.inventory)
        for material in [Material.board, .sign, .badge] {
            let stored = try ledger.database.items(material, includeRetired: true).sorted { $0.item < $1.item }
            let folded = fold.items.values.filter { $0.material == material }.sorted { $0.item < $1.item }
            XCTAssertEqual(stored, folded)
        }
    }

    func testEntriesCannotBeEditedOrDeletedBehindTheLedgersBack() throws {
        let ledger = try T()
        try ledger.database.record(T.draft(.card, .receive, quantity: 10))
        let queue = try DatabaseQueue(path: ledger.directory.ledgerPath)
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "UPDATE entry SET quantity = 99") })
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "DELETE FROM entry") })
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: """
            INSERT INTO entry (seq, branch, material, action, quantity, occurred_on, recorded_at, clerk)
            VALUES (5, 'sanchang', 'card', 'receive', 1, '2008-01-01', 0, 'x')
            """) })
    }

    func testOutboxReadsEntriesExactlyAsStored() throws {
        let ledger = try T()
        let db = ledger.database
        try db.record(T.draft(.board, .install, item: "GS-01", EntryDetails(location: "大厅东墙", standard: false)))
        try db.record(T.draft(.badge, .issue, item: "0001", EntryDetails(staff: "王芳")))
        try db.record(T.draft(.card, .receive, quantity: 50, EntryDetails(batch: "第一批")))
        try db.record(T.draft(.card, .distribute, quantity: 5, EntryDetails(channel: "窗口")))
        try db.record(T.draft(.card, .void, EntryDetails(reason: "错"), voids: 4))
        var stored: [Entry] = []
        try db.forEachEntry(since: 0) { entry, _ in stored.append(entry) }
        XCTAssertEqual(try db.outbox(after: 0, limit: 100), stored)
        XCTAssertEqual(try db.outbox(after: 2, limit: 2), Array(stored[2..<4]))
        XCTAssertEqual(try db.outbox(after: 5, limit: 10), [])
    }
}
