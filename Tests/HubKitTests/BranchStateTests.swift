import HubKit
import TaizhangCore
import XCTest

final class BranchStateTests: XCTestCase {
    typealias T = TemporaryHub

    func testEachStateAtAGlance() throws {
        let hub = try T()
        let db = hub.database
        let now = T.at(seconds: 600)
        for (n, branch) in ["a-current", "b-behind", "c-silent", "d-never", "e-flagged", "f-revoked"].enumerated() {
            try db.enroll(branch: branch, name: branch, publicKey: T.key(UInt8(n + 1)), at: T.t0)
        }
        var script = EntryScript(branch: "x")
        try script.record(script.draft(.card, .receive, quantity: 3))
        try script.record(script.draft(.card, .receive, quantity: 4))
        let recent = T.at(seconds: 590)
        for branch in ["a-current", "b-behind", "e-flagged", "f-revoked"] {
            _ = try db.hello(branch: branch, incarnation: "i", agentLastSeq: 2, at: recent)
            _ = try db.ingest(branch: branch, entries: branch == "b-behind" ? [script.entries[0]] : script.entries, at: recent)
        }
        _ = try db.hello(branch: "c-silent", incarnation: "i", agentLastSeq: 0, at: T.t0)
        _ = try db.hello(branch: "e-flagged", incarnation: "other", agentLastSeq: 2, at: recent)
        try db.revoke(branch: "f-revoked", at: recent)
        let states = try db.branches(now: now, silentAfterSeconds: 60)
        XCTAssertEqual(states.map(\.id), ["a-current", "b-behind", "c-silent", "d-never", "e-flagged", "f-revoked"])
        XCTAssertEqual(states.map(\.state), [.current, .behind, .silent, .silent, .flagged, .revoked])
        XCTAssertEqual(states[1].pending, 1)
        XCTAssertEqual(states[0].pending, 0)
        XCTAssertNil(states[3].lastHeardAt)
        XCTAssertNil(states[3].lastEntryAt)
        XCTAssertNil(states[3].incarnation)
        XCTAssertEqual(states[0].lastEntryAt, script.entries[1].recordedAt)
        XCTAssertEqual(states[4].flags.first?.kind, .incarnation)
        // Silence is measured against the threshold given.
        XCTAssertEqual(try db.branches(now: now, silentAfterSeconds: 5).first?.state, .silent)
    }

    func testTotalsIncludeBranchesThatSentNothing() throws {
        let hub = try T()
        try hub.enrolAndGreet("busy", key: 1)
        try hub.database.enroll(branch: "idle", name: "idle", publicKey: T.key(2), at: T.t0)
        var script = EntryScript(branch: "busy")
        try script.record(script.draft(.badge, .issue, item: "0001", EntryDetails(staff: "张伟")))
        try script.record(script.draft(.guide, .receive, quantity: 9_800))
        _ = try hub.ingest("busy", script.entries)
        let totals = try hub.database.totals()
        XCTAssertEqual(Set(totals.branches.keys), ["busy", "idle"])
        XCTAssertEqual(totals.branches["idle"], Inventory() + Inventory())
        XCTAssertEqual(totals.bureau[.badge].inService, 1)
        XCTAssertEqual(totals.bureau[.guide].onHand, 9_800)
        let empty = try T()
        XCTAssertEqual(try empty.database.totals(), HubTotals(bureau: Inventory(), branches: [:]))
    }

    func testReadsWorkFromASecondConnectionWhileTheServerWrites() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        let reader = try HubDatabase(openingAt: hub.database.path)
        var script = EntryScript(branch: "sanchang")
        for _ in 0..<20 { try script.record(script.draft(.card, .receive, quantity: 5)) }
        _ = try hub.ingest("sanchang", script.entries)
        XCTAssertEqual(try reader.totals().bureau[.card].onHand, 100)
        XCTAssertEqual(try reader.branch(forKey: T.key(1)), "sanchang")
    }
}
