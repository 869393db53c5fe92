import Foundation
import TaizhangCore
import TaizhangTesting
import XCTest
import ZeroMQ

/// A batch sent again (its ack was lost) is stored once.
final class ResendTests: XCTestCase {
    func testResentBatchIsNotCountedTwice() throws {
        let bureau = try TestBureau(self)
        let endpoint = try bureau.startHub()
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "raw", "--name", "测试", "--key", keys.publicKey])
        let agent = try RawAgent(endpoint: endpoint, hubKey: bureau.hubKey, keys: keys)
        let incarnation = Array(repeating: UInt8(7), count: 16)
        func chain(_ seq: Int64) -> [UInt8] { RawAgent.chain(branch: "raw", incarnation: incarnation, through: seq) }
        XCTAssertEqual(try agent.exchange(RawAgent.hello(branch: "raw", incarnation: incarnation, lastSeq: 5)),
                       .welcome(heldSeq: 0, chain: chain(0), maxEntries: 500, maxBytes: 1 << 20))
        let batch = RawAgent.batch(1...3, branch: "raw", incarnation: incarnation)
        XCTAssertEqual(try agent.exchange(batch), .ack(heldSeq: 3, chain: chain(3)))
        XCTAssertEqual(try agent.exchange(batch), .ack(heldSeq: 3, chain: chain(3)), "the resend is acknowledged again")
        // Overlapping resend with new entries: only the new ones count.
        XCTAssertEqual(try agent.exchange(RawAgent.batch(2...5, branch: "raw", incarnation: incarnation)), .ack(heldSeq: 5, chain: chain(5)))
        XCTAssertEqual(try bureau.inventory(of: "raw")?["card"]?["received"], 50)
        // A batch that skips ahead is refused with where the hub stands.
        guard case .error(.gap, let held, _, _)? = try agent.exchange(RawAgent.unanchored(RawAgent.entries(9...9))) else {
            return XCTFail("expected ERROR 416")
        }
        XCTAssertEqual(held, 5)
        XCTAssertEqual(try bureau.inventory(of: "raw")?["card"]?["received"], 50)
    }

    func testBatchBeforeHelloIsRefused() throws {
        let bureau = try TestBureau(self)
        let endpoint = try bureau.startHub()
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "raw", "--name", "测试", "--key", keys.publicKey])
        let agent = try RawAgent(endpoint: endpoint, hubKey: bureau.hubKey, keys: keys)
        guard case .error(.helloRequired, _, _, _)? = try agent.exchange(RawAgent.batch(1...1, branch: "raw", incarnation: Array(repeating: 7, count: 16))) else {
            return XCTFail("expected ERROR 428")
        }
        XCTAssertEqual(try bureau.inventory(of: "raw")?["card"]?["received"], 0)
    }
}
