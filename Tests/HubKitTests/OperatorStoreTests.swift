import HubKit
import TaizhangCore
import XCTest

final class OperatorStoreTests: XCTestCase {
    func testAccountsSessionsAndTheLog() throws {
        let hub = try TemporaryHub()
        let db = hub.database
        let t0 = TemporaryHub.t0
        try db.addOperator(login: "wang", role: .viewer, passwordHash: "hash-1", at: t0)
        XCTAssertThrowsError(try db.addOperator(login: "wang", role: .admin, passwordHash: "h", at: t0)) {
            XCTAssertEqual($0 as? OperatorError, .exists("wang"))
        }
        XCTAssertThrowsError(try db.addOperator(login: "Wang Wu", role: .admin, passwordHash: "h", at: t0)) {
            XCTAssertEqual($0 as? OperatorError, .invalidLogin("Wang Wu"))
        }
        XCTAssertEqual(try db.operators().map(\.login), ["wang"])
        XCTAssertEqual(try db.operatorCredentials(login: "wang")?.hash, "hash-1")

        try db.startSession(tokenHash: "aa", login: "wang", address: "127.0.0.1", at: t0)
        let later = { (minutes: Int64) in Timestamp(millisecondsSinceEpoch: t0.millisecondsSinceEpoch + minutes * 60_000) }
        XCTAssertEqual(try db.session(tokenHash: "aa", at: later(29))?.login, "wang")
        XCTAssertEqual(try db.session(tokenHash: "aa", at: later(58))?.role, .viewer, "the idle clock restarted at minute 29")
        XCTAssertNil(try db.session(tokenHash: "aa", at: later(89)), "idle for 31 minutes")
        XCTAssertNil(try db.session(tokenHash: "aa", at: later(59)), "an expired session is gone")

        try db.startSession(tokenHash: "bb", login: "wang", address: "127.0.0.1", at: t0)
        try db.setOperatorPassword(login: "wang", passwordHash: "hash-2", at: later(1))
        XCTAssertNil(try db.session(tokenHash: "bb", at: later(2)), "a new password ends the sessions")
        try db.startSession(tokenHash: "cc", login: "wang", address: "127.0.0.1", at: t0)
        try db.endSession(tokenHash: "cc", address: "127.0.0.1", at: later(3))
        XCTAssertEqual(try db.operatorLog().map(\.outcome), [.logout, .success, .success, .success])
        try db.removeOperator(login: "wang")
        XCTAssertThrowsError(try db.removeOperator(login: "wang")) { XCTAssertEqual($0 as? OperatorError, .unknown("wang")) }
    }

    func testFiveFailuresInTenMinutesLockForFifteen() throws {
        let hub = try TemporaryHub()
        let db = hub.database
        let at = { (minutes: Int64) in Timestamp(millisecondsSinceEpoch: TemporaryHub.t0.millisecondsSinceEpoch + minutes * 60_000) }
        for minute in [0, 2, 4, 6] as [Int64] {
            try db.recordLogin(OperatorLogin(login: "li", at: at(minute), address: "x", outcome: .failure))
        }
        XCTAssertNil(try db.lockedUntil(login: "li", at: at(7)))
        try db.recordLogin(OperatorLogin(login: "li", at: at(8), address: "x", outcome: .failure))
        XCTAssertEqual(try db.lockedUntil(login: "li", at: at(9)), at(23))
        XCTAssertNil(try db.lockedUntil(login: "li", at: at(23)))
        // Spread over more than ten minutes: no lock.
        for minute in [0, 3, 6, 9, 12] as [Int64] {
            try db.recordLogin(OperatorLogin(login: "zhao", at: at(minute), address: "x", outcome: .failure))
        }
        XCTAssertNil(try db.lockedUntil(login: "zhao", at: at(13)))
    }
}
