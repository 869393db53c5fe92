import HubKit
import TaizhangCore
import XCTest

final class GreetingTests: XCTestCase {
    typealias T = TemporaryHub

    func testFirstHelloBindsTheLedgerAndLaterOnesResume() throws {
        let hub = try T()
        XCTAssertEqual(try hub.enrolAndGreet("sanchang", key: 1, incarnation: "inc-a").accepted, 0)
        XCTAssertEqual(try hub.status("sanchang").incarnation, "inc-a")
        var script = EntryScript(branch: "sanchang")
        for _ in 0..<3 { try script.record(script.draft(.guide, .receive, quantity: 10)) }
        XCTAssertEqual(try hub.ingest("sanchang", script.entries).accepted, 3)
        let reply = try hub.database.hello(branch: "sanchang", incarnation: "inc-a", agentLastSeq: 5, at: T.at(seconds: 9))
        XCTAssertEqual(reply.accepted, 3)
        let status = try hub.status("sanchang", now: T.at(seconds: 10))
        XCTAssertEqual(status.agentLastSeq, 5)
        XCTAssertEqual(status.pending, 2)
        XCTAssertEqual(status.lastHeardAt, T.at(seconds: 9))
        XCTAssertEqual(status.state, .behind)
    }

    func testAnEmptyLedgerWhoseHeadIsNotItsGenesisIsRefused() throws {
        let hub = try T()
        try hub.database.enroll(branch: "sanchang", name: "三厂", publicKey: T.key(1), at: T.t0)
        let incarnation = "00112233-4455-6677-8899-aabbccddeeff"
        let wrong = try hub.database.hello(branch: "sanchang", incarnation: incarnation, agentLastSeq: 0,
                                           agentChain: [UInt8](repeating: 7, count: 32), at: T.t0)
        XCTAssertEqual(wrong.status, .conflict, "\(wrong)")
        let genesis = LedgerChain.genesis(branch: "sanchang", incarnation: incarnation)
        let right = try hub.database.hello(branch: "sanchang", incarnation: incarnation, agentLastSeq: 0, agentChain: genesis, at: T.t0)
        XCTAssertEqual(right, .welcome(heldSeq: 0, chain: genesis))
    }

    func testAnotherLedgerIsBoundOnlyWhileTheHubHoldsNothing() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1, incarnation: "inc-a")
        XCTAssertEqual(try hub.database.hello(branch: "sanchang", incarnation: "inc-b", agentLastSeq: 0, at: T.t0).accepted,
                        0, "nothing held yet: the new ledger takes over")
        XCTAssertEqual(try hub.status("sanchang").incarnation, "inc-b")
        var script = EntryScript(branch: "sanchang")
        try script.record(script.draft(.card, .receive, quantity: 10))
        _ = try hub.ingest("sanchang", script.entries)
        let reply = try hub.database.hello(branch: "sanchang", incarnation: "inc-c", agentLastSeq: 7, at: T.t0)
        guard case .refused(.otherIncarnation, 1, 0, let message) = reply else { return XCTFail("\(reply)") }
        XCTAssertTrue(message.contains("another ledger"), message)
        XCTAssertEqual(WireStatus.otherIncarnation.rawValue, 410)
        let status = try hub.status("sanchang")
        XCTAssertEqual(status.incarnation, "inc-b", "the binding is kept")
        XCTAssertEqual(status.flags.map(\.kind), [.incarnation])
        XCTAssertEqual(status.state, .flagged)
        // Retrying does not pile up flags.
        _ = try hub.database.hello(branch: "sanchang", incarnation: "inc-c", agentLastSeq: 7, at: T.t0)
        XCTAssertEqual(try hub.status("sanchang").flags.count, 1)
        XCTAssertEqual(try hub.database.resolveFlags(branch: "sanchang", at: T.t0), 1)
        XCTAssertTrue(try hub.status("sanchang").flags.isEmpty)
    }

    func testALedgerRestoredFromAnOlderBackupIsRefused() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        var script = EntryScript(branch: "sanchang")
        for _ in 0..<5 { try script.record(script.draft(.card, .receive, quantity: 1)) }
        _ = try hub.ingest("sanchang", script.entries)
        let reply = try hub.database.hello(branch: "sanchang", incarnation: "inc-1", agentLastSeq: 3, at: T.t0)
        guard case .refused(.ledgerBehind, 5, 0, let message) = reply else { return XCTFail("\(reply)") }
        XCTAssertTrue(message.contains("older backup"), message)
        XCTAssertEqual(WireStatus.ledgerBehind.rawValue, 412)
        let flag = try XCTUnwrap(hub.status("sanchang").flags.first)
        XCTAssertEqual(flag.kind, .behind)
        XCTAssertEqual(flag.detail, "ledger restored from an older backup: the hub holds 5 entries, the office's ledger only 3")
    }

    func testPingNotesTheAgentAndReturnsWhatIsHeld() throws {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1)
        XCTAssertEqual(try hub.database.heard(branch: "sanchang", agentLastSeq: 4, at: T.at(seconds: 30)).heldSeq, 0)
        let status = try hub.status("sanchang", now: T.at(seconds: 31))
        XCTAssertEqual(status.lastHeardAt, T.at(seconds: 30))
        XCTAssertEqual(status.agentLastSeq, 4)
        XCTAssertEqual(status.pending, 4)
    }

    func testUnknownBranchIsRefused() throws {
        let hub = try T()
        let reply = try hub.database.hello(branch: "ghost", incarnation: "x", agentLastSeq: 0, at: T.t0)
        guard case .refused(.revoked, 0, 0, let message) = reply else { return XCTFail("\(reply)") }
        XCTAssertTrue(message.contains("not enrolled"), message)
        guard case .refused = try hub.ingest("ghost", []) else { return XCTFail() }
    }
}
