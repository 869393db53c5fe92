import AgentKit
import Foundation
import GRDB
import XCTest

/// Files that are missing, foreign, damaged or locked are refused without being touched.
final class LedgerFileTests: XCTestCase {
    func scratchDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-file-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testMissingLedgerSaysRunInit() throws {
        let directory = AgentDirectory(path: try scratchDirectory())
        XCTAssertThrowsError(try directory.open()) { error in
            XCTAssertTrue("\(error)".contains("taizhang-agent init"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.ledgerPath))
    }

    func testForeignSQLiteFileIsLeftAlone() throws {
        let directory = AgentDirectory(path: try scratchDirectory())
        let queue = try DatabaseQueue(path: directory.ledgerPath)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: directory.ledgerPath))
        XCTAssertThrowsError(try directory.open()) { error in
            XCTAssertTrue("\(error)".contains("not a Taizhang ledger"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: directory.ledgerPath)), before)
    }

    func testGarbageFileIsReportedDamaged() throws {
        let directory = AgentDirectory(path: try scratchDirectory())
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: URL(fileURLWithPath: directory.ledgerPath))
        XCTAssertThrowsError(try directory.open()) { error in
            XCTAssertTrue("\(error)".contains("damaged"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: directory.ledgerPath)), garbage)
    }

    func testLockedLedgerGivesUpAfterAFewSeconds() throws {
        let ledger = try TemporaryLedger()
        let blocker = try DatabaseQueue(path: ledger.directory.ledgerPath)
        try blocker.inDatabase { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            let started = Date()
            XCTAssertThrowsError(try ledger.database.record(TemporaryLedger.draft(.card, .receive, quantity: 1))) { error in
                XCTAssertTrue("\(error)".contains("locked"), "\(error)")
            }
            XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), Double(AgentDatabase.busySeconds) - 0.5)
            try db.execute(sql: "ROLLBACK")
        }
        XCTAssertEqual(try ledger.database.syncState().lastSeq, 0)
        try ledger.database.record(TemporaryLedger.draft(.card, .receive, quantity: 1))
    }
}
