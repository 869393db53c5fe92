import Foundation
import TaizhangCore
import TaizhangTesting
import XCTest
import ZeroMQ

/// Over the wire, against a real `taizhang-hub serve`: an entry dated beyond the hub's today
/// plus one day of skew is acknowledged (the branch is never stuck) but flagged, and kept out
/// of `totals` — so totals and the export agree.
final class FutureDateTests: XCTestCase {
    func testAFutureDatedEntryIsAckedButFlaggedAndNotInTheTotals() throws {
        let bureau = try TestBureau(self)
        try bureau.startHub()
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "haimen", "--name", "海门分局", "--key", keys.publicKey])
        let agent = try RawAgent(endpoint: bureau.endpoint!, hubKey: bureau.hubKey, keys: keys)
        let incarnation = Array(repeating: UInt8(7), count: 16)
        let genesis = LedgerChain.genesis(branch: "haimen", incarnation: incarnation)
        guard case .welcome(0, _, _, _, _)? = try agent.exchange(.hello(incarnation: incarnation, lastSeq: 2, chain: Self.chain(genesis, Self.entries), branch: "haimen")) else {
            return XCTFail("no WELCOME")
        }
        guard case .ack(let held, let chain, let flags)? = try agent.exchange(.batch(previousChain: genesis, entries: Self.entries)) else {
            return XCTFail("no ACK")
        }
        XCTAssertEqual(held, 2)
        XCTAssertEqual(chain, Self.chain(genesis, Self.entries))
        let dated = FlagNotice(openFlags: 1, entryFlags: 1, entries: [.init(seq: 2, kind: .date)])
        XCTAssertEqual(flags, dated, "the ACK tells the office entry #2 was flagged for its date")
        XCTAssertEqual(try bureau.inventory(of: "haimen")?["card"]?["received"], 10, "the 9999-12-31 receipt is not counted")
        let status = try XCTUnwrap(bureau.branchStatus("haimen"))
        XCTAssertEqual(status["state"] as? String, "flagged", "\(status)")
        XCTAssertEqual(try agent.exchange(.ping(lastSeq: 2)), .pong(heldSeq: 2, chain: chain, flags: dated), "and so does every PONG")

        let flag = try XCTUnwrap((try bureau.json(["flags"]) as? [[String: Any]])?.first)
        try bureau.ok(["resolve", "--flag", "\(try XCTUnwrap(flag["id"] as? Int))", "--note", "checked with the office"])
        XCTAssertEqual(try agent.exchange(.ping(lastSeq: 2)), .pong(heldSeq: 2, chain: chain, flags: .empty),
                       "a settled flag is gone from the next PONG")
    }

    static let entries: [[UInt8]] = [("2008-05-01", 10), ("9999-12-31", 1000)].enumerated().map { index, pair in
        EntryCodec.encode(Entry(branch: "", seq: Int64(index + 1), material: .card, action: .receive, quantity: Int64(pair.1),
                                occurredOn: CivilDate(pair.0)!, recordedAt: Timestamp(millisecondsSinceEpoch: 1_209_600_000_000),
                                clerk: "raw"))
    }

    static func chain(_ genesis: [UInt8], _ entries: [[UInt8]]) -> [UInt8] {
        entries.reduce(genesis) { LedgerChain.next($0, contentHash: SHA256.hash($1)) }
    }
}
