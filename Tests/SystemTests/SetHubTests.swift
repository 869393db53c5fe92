import Foundation
import TaizhangTesting
import XCTest

/// An office pointed at a hub that moved: the next `sync` goes there, and a running `run`
/// follows on its next connection.
final class SetHubTests: XCTestCase {
    func testSetHubThenSyncReachesTheHubOnItsNewPort() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try agent.recordDay("GS-01")
        XCTAssertEqual(try bureau.stopHub(), 0)
        let moved = try bureau.hub.start(["serve", "--bind", "tcp://127.0.0.1:*"])
        defer { _ = try? moved.stop() }
        let endpoint = try moved.waitForLine(startingWith: "serving on ")
        try agent.ok(["set-hub", "--hub", endpoint])
        let synced = try agent.program.run(["sync", "--timeout", "60"])
        XCTAssertEqual(synced.status, 0, synced.stderr)
        XCTAssertTrue(synced.stderr.hasPrefix("Connecting to the hub at \(endpoint)"), synced.stderr)
        XCTAssertFalse(synced.stderr.contains(" warning ") || synced.stderr.contains(" info "), "no log lines: \(synced.stderr)")
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["onHand"], 28)
    }

    func testARunningAgentFollowsSetHub() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        let running = try agent.program.start(["run"])
        defer { _ = try? running.stop() }
        try agent.ok(["card", "receive", "--quantity", "10"])
        try bureau.eventually("the first hub holds entry 1") { try bureau.inventory(of: "sanchang")?["card"]?["onHand"] == 10 }
        XCTAssertEqual(try bureau.stopHub(), 0)
        let moved = try bureau.hub.start(["serve", "--bind", "tcp://127.0.0.1:*"])
        defer { _ = try? moved.stop() }
        let endpoint = try moved.waitForLine(startingWith: "serving on ")
        try agent.ok(["set-hub", "--hub", endpoint])
        try agent.ok(["card", "receive", "--quantity", "5"])
        try bureau.eventually("the moved hub holds entry 2") { try bureau.inventory(of: "sanchang")?["card"]?["onHand"] == 15 }
    }
}
