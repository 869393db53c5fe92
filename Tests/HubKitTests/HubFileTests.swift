import Foundation
import GRDB
@testable import HubKit
import XCTest

/// Files that are missing, foreign, damaged or locked are refused without being touched.
final class HubFileTests: XCTestCase {
    func scratchPath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-hubfile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        return directory + "/hub.sqlite"
    }

    func testMissingDatabaseSaysRunInit() throws {
        let path = try scratchPath()
        XCTAssertThrowsError(try HubDatabase(openingAt: path)) { error in
            XCTAssertTrue("\(error)".contains("taizhang-hub init"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testCreatingTwiceIsRefused() throws {
        let path = try scratchPath()
        _ = try HubDatabase(creatingAt: path)
        XCTAssertThrowsError(try HubDatabase(creatingAt: path)) { error in
            XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
        }
        _ = try HubDatabase(openingAt: path)
    }

    func testForeignSQLiteFileIsLeftAlone() throws {
        let path = try scratchPath()
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try HubDatabase(openingAt: path)) { error in
            XCTAssertTrue("\(error)".contains("not a Taizhang hub database"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testAgentLedgerIsNotAHubDatabase() throws {
        let path = try scratchPath()
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = \(0x545A_4147)") }
        try queue.close()
        XCTAssertThrowsError(try HubDatabase(openingAt: path)) { error in
            XCTAssertTrue("\(error)".contains("not a Taizhang hub database"), "\(error)")
        }
    }

    func testGarbageFileIsReportedDamaged() throws {
        let path = try scratchPath()
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try HubDatabase(openingAt: path)) { error in
            XCTAssertTrue("\(error)".contains("damaged"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), garbage)
    }

    func testLockedDatabaseGivesUpAfterAFewSeconds() throws {
        let path = try scratchPath()
        let hub = try HubDatabase(creatingAt: path)
        let blocker = try DatabaseQueue(path: path)
        try blocker.inDatabase { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            let started = Date()
            XCTAssertThrowsError(try hub.enroll(branch: "sanchang", name: "三厂", publicKey: TemporaryHub.key(1), at: TemporaryHub.t0)) { error in
                XCTAssertTrue("\(error)".contains("locked"), "\(error)")
            }
            XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), Double(HubDatabase.busySeconds) - 0.5)
            try db.execute(sql: "ROLLBACK")
        }
        try hub.enroll(branch: "sanchang", name: "三厂", publicKey: TemporaryHub.key(1), at: TemporaryHub.t0)
    }

    func testNewDatabaseIsInWALModeWithFullSync() throws {
        let hub = try HubDatabase(creatingAt: try scratchPath())
        let queue = try DatabaseQueue(path: hub.path)
        XCTAssertEqual(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }, "wal")
        XCTAssertEqual(try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") }, 0x545A_4855)
        // `synchronous` belongs to a connection: read it on the hub's own, for a new and a
        // reopened database (2 = FULL: a commit is on disk before the ACK leaves).
        XCTAssertEqual(try hub.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }, 2)
        let reopened = try HubDatabase(openingAt: hub.path)
        XCTAssertEqual(try reopened.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }, 2)
        XCTAssertEqual(try reopened.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }, "wal")
    }
}
