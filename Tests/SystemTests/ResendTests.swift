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
        XCTAssertEqual(try agent.exchange(.hello(incarnation: Array(repeating: 7, count: 16), lastSeq: 5)),
                       .welcome(heldSeq: 0, maxEntries: 500, maxBytes: 1 << 20))
        let batch = WireMessage.batch(entries: RawAgent.entries(1...3))
        XCTAssertEqual(try agent.exchange(batch), .ack(heldSeq: 3))
        XCTAssertEqual(try agent.exchange(batch), .ack(heldSeq: 3), "the resend is acknowledged again")
        // Overlapping resend with new entries: only the new ones count.
        XCTAssertEqual(try agent.exchange(.batch(entries: RawAgent.entries(2...5))), .ack(heldSeq: 5))
        XCTAssertEqual(try bureau.inventory(of: "raw")?["card"]?["received"], 50)
        // A batch that skips ahead is refused with where the hub stands.
        guard case .error(.gap, let held, _, _)? = try agent.exchange(.batch(entries: RawAgent.entries(9...9))) else {
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
        guard case .error(.helloRequired, _, _, _)? = try agent.exchange(.batch(entries: RawAgent.entries(1...1))) else {
            return XCTFail("expected ERROR 428")
        }
        XCTAssertEqual(try bureau.inventory(of: "raw")?["card"]?["received"], 0)
    }
}
