import HubKit
import TaizhangCore
import XCTest

/// The hub's side of the chain check, at every depth (docs/PROTOCOL.md, "Greeting"), on a
/// real database: the hub holds 6 entries; offices come back with copies of every kind.
final class ChainCheckTests: XCTestCase {
    typealias T = TemporaryHub
    let incarnation = "00112233-4455-6677-8899-aabbccddeeff"

    /// Six card receipts of `quantities` (default 1…6), as the office recorded them.
    func ledger(_ quantities: [Int64] = [1, 2, 3, 4, 5, 6]) -> [Entry] {
        quantities.enumerated().map { index, quantity in
            Entry(branch: "sanchang", seq: Int64(index + 1), material: .card, action: .receive, quantity: quantity,
                  occurredOn: CivilDate("2008-05-01")!, recordedAt: Timestamp(millisecondsSinceEpoch: Int64(index)), clerk: "王")
        }
    }

    func chain(_ entries: [Entry], through seq: Int64) -> [UInt8] {
        entries.prefix(Int(seq)).reduce(LedgerChain.genesis(branch: "sanchang", incarnation: incarnation)) {
            LedgerChain.next($0, contentHash: EntryCodec.contentHash($1))
        }
    }

    func hubHoldingSix() throws -> T {
        let hub = try T()
        try hub.enrolAndGreet("sanchang", key: 1, incarnation: incarnation)
        let entries = ledger()
        XCTAssertEqual(try hub.database.ingest(branch: "sanchang", entries: entries, previousChain: chain(entries, through: 0),
                                               at: T.t0),
                       .ack(heldSeq: 6, chain: chain(entries, through: 6)))
        return hub
    }

    func hello(_ hub: T, lastSeq: Int64, chain: [UInt8]) throws -> HubReply {
        try hub.database.hello(branch: "sanchang", incarnation: incarnation, agentLastSeq: lastSeq, agentChain: chain, at: T.t0)
    }

    func assertFlagged(_ hub: T, at seq: Int64, file: StaticString = #filePath, line: UInt = #line) throws {
        let status = try hub.status("sanchang")
        XCTAssertEqual(status.state, .flagged, file: file, line: line)
        XCTAssertEqual(status.flags.map(\.kind), [.conflict], file: file, line: line)
        XCTAssertEqual(status.flags.first?.seq, seq, file: file, line: line)
        XCTAssertEqual(status.heldSeq, 6, file: file, line: line)
        XCTAssertEqual(try hub.inventory("sanchang")[.card].received, 21, "nothing overwritten", file: file, line: line)
    }

    func testTheSameLedgerIsWelcomedWithTheHubsChain() throws {
        let hub = try hubHoldingSix()
        XCTAssertEqual(try hello(hub, lastSeq: 6, chain: chain(ledger(), through: 6)), .welcome(heldSeq: 6, chain: chain(ledger(), through: 6)))
        XCTAssertEqual(try hello(hub, lastSeq: 9, chain: [UInt8](repeating: 0, count: 32)),
                       .welcome(heldSeq: 6, chain: chain(ledger(), through: 6)), "the longer side (the agent) checks")
    }

    func testEqualLengthWithAnotherLastEntryIsAConflict() throws {
        let hub = try hubHoldingSix()
        let restored = ledger([1, 2, 3, 4, 5, 777])
        XCTAssertEqual(try hello(hub, lastSeq: 6, chain: chain(restored, through: 6)).status, .conflict)
        try assertFlagged(hub, at: 6)
    }

    func testShorterTrueCopyIsBehindAndAShorterOtherLedgerIsAConflict() throws {
        let hub = try hubHoldingSix()
        XCTAssertEqual(try hello(hub, lastSeq: 3, chain: chain(ledger(), through: 3)).status, .ledgerBehind)
        let other = try hubHoldingSix()
        guard case .refused(.conflict, 6, 3, _) = try hello(other, lastSeq: 3, chain: chain(ledger([1, 9, 3]), through: 3)) else {
            return XCTFail()
        }
        try assertFlagged(other, at: 3)
    }

    func testADifferenceAtTheFirstEntryIsFound() throws {
        let hub = try hubHoldingSix()
        XCTAssertEqual(try hello(hub, lastSeq: 1, chain: chain(ledger([99]), through: 1)).status, .conflict)
        try assertFlagged(hub, at: 1)
    }

    /// The longer office's first batch is anchored at the hub's seq: a wrong anchor is refused,
    /// flagged, and nothing of the batch is stored.
    func testABatchWithAnotherAnchorIsRefusedAtAnyDepth() throws {
        for anchor: Int64 in [6, 4, 0] {
            let hub = try hubHoldingSix()
            let longer = ledger([1, 2, 3, 4, 5, 6, 7, 8])
            let wrong = [UInt8](repeating: 0xEE, count: 32)
            let reply = try hub.database.ingest(branch: "sanchang", entries: Array(longer[Int(anchor)...]), previousChain: wrong, at: T.t0)
            guard case .refused(.conflict, 6, anchor, _) = reply else { return XCTFail("anchor \(anchor): \(reply)") }
            try assertFlagged(hub, at: anchor)
        }
        let hub = try hubHoldingSix()
        let longer = ledger([1, 2, 3, 4, 5, 6, 7, 8])
        XCTAssertEqual(try hub.database.ingest(branch: "sanchang", entries: Array(longer[4...]), previousChain: chain(longer, through: 4), at: T.t0),
                       .ack(heldSeq: 8, chain: chain(longer, through: 8)), "a right anchor below the hub's seq: a resend plus new entries")
    }

    func testEveryRefusalCarriesTheHeldSeq() throws {
        let hub = try hubHoldingSix()
        let gap = try hub.database.ingest(branch: "sanchang", entries: [ledger([1, 2, 3, 4, 5, 6, 7, 8])[7]], at: T.t0)
        XCTAssertEqual(gap.status, .gap)
        XCTAssertEqual(gap.heldSeq, 6)
        XCTAssertEqual(try hub.database.heldSeq(branch: "sanchang"), 6)
        try hub.database.revoke(branch: "sanchang", at: T.t0)
        let revoked = try hello(hub, lastSeq: 6, chain: chain(ledger(), through: 6))
        XCTAssertEqual(revoked.status, .revoked)
        XCTAssertEqual(revoked.heldSeq, 6)
    }
}
