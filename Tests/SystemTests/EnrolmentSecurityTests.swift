import Foundation
import TaizhangTesting
import XCTest
import ZeroMQ

/// Only enrolled keys deliver; the clerk hears why when not; the operator sees who tried.
final class EnrolmentSecurityTests: XCTestCase {
    func testUnknownKeyIsRefusedNotedAndEnrolledByFingerprint() throws {
        let bureau = try TestBureau(self)
        let endpoint = try bureau.startHub()
        let agent = TestAgent(branch: "sanchang", data: scratchDirectory("taizhang-agent") { self.addTeardownBlock($0) })
        try agent.ok(["init", "--branch", "sanchang", "--name", "三厂分局", "--hub", endpoint, "--hub-key", bureau.hubKey])
        try agent.ok(["card", "receive", "--quantity", "5"])
        let started = Date()
        let refused = try agent.program.run(["sync", "--timeout", "30"])
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(refused.stderr.contains("does not know this office's key"), refused.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the clerk is told promptly, not after the timeout")
        XCTAssertTrue(((try agent.status()["sync"] as? [String: Any])?["lastProblem"] as? String)?.contains("does not know") == true)

        let keys = try bureau.json(["keys"]) as? [[String: Any]] ?? []
        let publicKey = try String(contentsOfFile: agent.data + "/agent.public", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pending = keys.first(where: { $0["publicKey"] as? String == publicKey }) else {
            return XCTFail("the refused key is not listed as pending: \(keys)")
        }
        XCTAssertEqual(pending["state"] as? String, "pending")
        XCTAssertNotNil(pending["address"] as? String)
        let fingerprint = try XCTUnwrap(pending["fingerprint"] as? String)
        try bureau.ok(["enroll", "--branch", "sanchang", "--name", "三厂分局", "--key", fingerprint])
        try agent.ok(["sync"])
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 5)
        let states = (try bureau.json(["keys"]) as? [[String: Any]] ?? []).map { $0["state"] as? String }
        XCTAssertEqual(states, ["enrolled"])
    }

    /// An office set up as one branch whose key the operator enrolled for another: nothing is
    /// filed under the wrong branch; the clerk and the operator are told.
    func testAnOfficeEnrolledUnderAnotherBranchIsRefused() throws {
        let bureau = try TestBureau(self)
        let endpoint = try bureau.startHub()
        _ = try bureau.addAgent("beita")
        let agent = TestAgent(branch: "sanchang", data: scratchDirectory("taizhang-agent") { self.addTeardownBlock($0) })
        let created = try agent.program.run(["init", "--branch", "sanchang", "--name", "三厂", "--hub", endpoint, "--hub-key", bureau.hubKey])
        let key = String(created.stdout.split(separator: "\n").last ?? "")
        try bureau.ok(["enroll", "--branch", "xiaozhuang", "--name", "小庄", "--key", key])
        try agent.ok(["card", "receive", "--quantity", "5"])
        let refused = try agent.program.run(["sync", "--timeout", "30"])
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(refused.stderr.contains("this office is set up as branch sanchang, but the hub enrolled its key for another branch"),
                      refused.stderr)
        XCTAssertTrue(((try agent.status()["sync"] as? [String: Any])?["lastProblem"] as? String)?.contains("set up as branch sanchang") == true)
        let chinese = try agent.program.run(["sync", "--timeout", "30", "--lang", "zh"])
        XCTAssertTrue(chinese.stderr.contains("本单位设置的单位代号是 sanchang"), chinese.stderr)
        XCTAssertEqual(try bureau.branchStatus("xiaozhuang")?["heldSeq"] as? Int, 0, "nothing filed under the wrong branch")
        XCTAssertEqual(try bureau.branchStatus("xiaozhuang")?["state"] as? String, "flagged")
        let keys = try bureau.json(["keys"]) as? [[String: Any]] ?? []
        XCTAssertEqual(keys.first { $0["branch"] as? String == "xiaozhuang" }?["setUpAs"] as? String, "sanchang")
        XCTAssertTrue(try bureau.ok(["keys"]).contains("office set up as sanchang"))
        // Put right: xiaozhuang gets its own office's key, this key the branch its office was set up as.
        let xiaozhuang = TestAgent(branch: "xiaozhuang", data: scratchDirectory("taizhang-agent") { self.addTeardownBlock($0) })
        let own = try xiaozhuang.ok(["init", "--branch", "xiaozhuang", "--name", "小庄", "--hub", endpoint, "--hub-key", bureau.hubKey])
        try bureau.ok(["enroll", "--branch", "xiaozhuang", "--name", "小庄", "--key", String(own.split(separator: "\n").last ?? "")])
        try bureau.ok(["enroll", "--branch", "sanchang", "--name", "三厂", "--key", key])
        try agent.ok(["sync"])
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 5)
        XCTAssertNil((try bureau.json(["keys"]) as? [[String: Any]] ?? []).first { $0["branch"] as? String == "sanchang" }?["setUpAs"] as? String)
    }

    func testWrongHubKeyIsReportedPromptly() throws {
        let bureau = try TestBureau(self)
        let endpoint = try bureau.startHub()
        let agent = TestAgent(branch: "sanchang", data: scratchDirectory("taizhang-agent") { self.addTeardownBlock($0) })
        let otherHubKey = try CurveKeyPair.generate().publicKey
        let created = try agent.program.run(["init", "--branch", "sanchang", "--name", "三厂", "--hub", endpoint, "--hub-key", otherHubKey])
        XCTAssertEqual(created.status, 0, created.stderr)
        let key = String(created.stdout.split(separator: "\n").last ?? "")
        try bureau.ok(["enroll", "--branch", "sanchang", "--name", "三厂", "--key", key])
        try agent.ok(["card", "receive", "--quantity", "5"])
        let started = Date()
        let refused = try agent.program.run(["sync", "--timeout", "30"])
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(refused.stderr.contains("hub key given to 'taizhang-agent init' does not match"), refused.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 0)
    }

    func testRevokingStopsAnOpenConnectionAndKeepsTheEntries() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        let daemon = try agent.program.start(["run"])
        try agent.ok(["card", "receive", "--quantity", "5"])
        try bureau.eventually("the first entry arrives") { try bureau.inventory(of: "sanchang")?["card"]?["received"] == 5 }
        try bureau.ok(["revoke", "--branch", "sanchang"])
        // An entry recorded in the second the revocation takes to reach the server may still
        // land; after the agent has been told, nothing more does.
        try agent.ok(["card", "receive", "--quantity", "7"])
        try bureau.eventually("the open connection is refused", timeout: 15) {
            ((try agent.status()["sync"] as? [String: Any])?["lastProblem"] as? String)?.contains("refuses this office's key") == true
        }
        let held = try bureau.inventory(of: "sanchang")?["card"]?["received"]
        XCTAssertTrue(held == 5 || held == 12, "\(String(describing: held))")
        try agent.ok(["card", "receive", "--quantity", "100"])
        let sync = try agent.program.run(["sync", "--timeout", "30"])
        XCTAssertEqual(sync.status, 4)
        XCTAssertTrue(sync.stderr.contains("refuses this office's key"), sync.stderr)
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], held, "nothing after the refusal; earlier entries kept")
        XCTAssertEqual(try bureau.branchStatus("sanchang")?["state"] as? String, "revoked")
        XCTAssertEqual(try daemon.stop(SIGTERM), 0)
        let keys = try bureau.json(["keys"]) as? [[String: Any]] ?? []
        XCTAssertEqual(keys.first?["state"] as? String, "revoked")
    }

    func testHubRefusesASecretKeyOthersCanRead() throws {
        let bureau = try TestBureau(self)
        chmod(bureau.hubData + "/hub.secret", 0o644)
        let refused = try bureau.hub.run(["serve", "--bind", "tcp://127.0.0.1:*"], timeout: 30)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("chmod 600"), refused.stderr)
    }
}
