import HubKit
import TaizhangCore
import XCTest

final class EnrolmentTests: XCTestCase {
    typealias T = TemporaryHub

    func testEnrolledKeyMapsToItsBranchUntilRevoked() throws {
        let hub = try T()
        let db = hub.database
        try db.enroll(branch: "sanchang", name: "三厂分局", publicKey: T.key(1), at: T.t0)
        XCTAssertEqual(try db.branch(forKey: T.key(1)), "sanchang")
        XCTAssertNil(try db.branch(forKey: T.key(2)))
        try db.revoke(branch: "sanchang", at: T.at(seconds: 10))
        XCTAssertNil(try db.branch(forKey: T.key(1)))
        let status = try hub.status("sanchang")
        XCTAssertEqual(status.revokedAt, T.at(seconds: 10))
        XCTAssertEqual(status.state, .revoked)
        XCTAssertEqual(status.name, "三厂分局")
    }

    func testNewKeyReplacesTheOldAndReadmitsARevokedBranch() throws {
        let hub = try T()
        let db = hub.database
        try db.enroll(branch: "sanchang", name: "三厂", publicKey: T.key(1), at: T.t0)
        try db.revoke(branch: "sanchang", at: T.t0)
        try db.enroll(branch: "sanchang", name: "三厂分局", publicKey: T.key(2), at: T.at(seconds: 5))
        XCTAssertNil(try db.branch(forKey: T.key(1)), "the old key is gone")
        XCTAssertEqual(try db.branch(forKey: T.key(2)), "sanchang")
        let status = try hub.status("sanchang")
        XCTAssertNil(status.revokedAt)
        XCTAssertEqual(status.publicKey, T.key(2))
        XCTAssertEqual(status.enrolledAt, T.at(seconds: 5))
        XCTAssertEqual(try db.branches(now: T.t0, silentAfterSeconds: 60).count, 1)
    }

    func testAKeyBelongsToOneBranch() throws {
        let db = try T().database
        try db.enroll(branch: "sanchang", name: "三厂", publicKey: T.key(1), at: T.t0)
        XCTAssertThrowsError(try db.enroll(branch: "xinqiao", name: "新桥", publicKey: T.key(1), at: T.t0)) { error in
            XCTAssertTrue("\(error)".contains("already enrolled for branch 'sanchang'"), "\(error)")
        }
        XCTAssertEqual(try db.branch(forKey: T.key(1)), "sanchang")
        XCTAssertEqual(try db.branches(now: T.t0, silentAfterSeconds: 60).map(\.id), ["sanchang"])
        try db.enroll(branch: "sanchang", name: "三厂", publicKey: T.key(1), at: T.t0)  // enrolling again is harmless
    }

    func testBadSettingsAndUnknownBranchesAreRefused() throws {
        let db = try T().database
        for (branch, name, key) in [("San Chang", "x", T.key(1)), ("-x", "x", T.key(1)), ("ok", " ", T.key(1)),
                                    ("ok", "x", "short"), ("ok", "x", String(T.key(1).dropLast()) + "~")] {
            XCTAssertThrowsError(try db.enroll(branch: branch, name: name, publicKey: key, at: T.t0), "\(branch) \(name) \(key)")
        }
        XCTAssertTrue(try db.branches(now: T.t0, silentAfterSeconds: 60).isEmpty)
        XCTAssertThrowsError(try db.revoke(branch: "nowhere", at: T.t0)) { error in
            XCTAssertTrue("\(error)".contains("no branch 'nowhere'"), "\(error)")
        }
        XCTAssertEqual(try db.heard(branch: "nowhere", agentLastSeq: 0, at: T.t0).status, .revoked)
    }

    func testRevokedBranchKeepsItsEntriesButIsRefused() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        try script.record(script.draft(.card, .receive, quantity: 700))
        XCTAssertEqual(try hub.ingest("sanchang", script.entries).accepted, 1)
        try hub.database.revoke(branch: "sanchang", at: T.t0)
        try script.record(script.draft(.card, .receive, quantity: 5))
        guard case .refused(.revoked, 1, _, let message) = try hub.ingest("sanchang", script.entries) else {
            return XCTFail("a revoked branch's batch must be refused")
        }
        XCTAssertTrue(message.contains("revoked"), message)
        guard case .refused = try hub.database.hello(branch: "sanchang", incarnation: "inc-1", agentLastSeq: 2, at: T.t0) else {
            return XCTFail("a revoked branch's HELLO must be refused")
        }
        XCTAssertEqual(try hub.database.heard(branch: "sanchang", agentLastSeq: 2, at: T.t0),
                       .refused(.revoked, heldSeq: 1, seq: 0, message: "branch sanchang was revoked at this hub; nothing was accepted — ask the bureau's operator"),
                       "a PING after the revocation is 403, not a storage failure")
        XCTAssertEqual(try hub.inventory("sanchang")[.card].onHand, 700)
        XCTAssertEqual(try hub.database.totals().bureau[.card].onHand, 700)
    }
}
