import Foundation
import TaizhangCore
import TaizhangTesting
import XCTest
import ZeroMQ

/// Version-1, -2 and -3 agents are told, in a frame they can read, to upgrade; an agent's
/// receipts show in `status`.
final class ProtocolVersionTests: XCTestCase {
    func testAVersionOneAgentIsToldToUpgrade() throws {
        let bureau = try TestBureau(self)
        let endpoint = try bureau.startHub()
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "old", "--name", "旧版", "--key", keys.publicKey])
        let agent = try RawAgent(endpoint: endpoint, hubKey: bureau.hubKey, keys: keys)
        // A version-1 HELLO: incarnation and lastSeq, no chain.
        let hello: [UInt8] = [0x54, 0x5A, 0x01, 0x01] + [UInt8](repeating: 3, count: 16) + [0, 0, 0, 0, 0, 0, 0, 4]
        _ = try agent.socket.send(hello)
        let reply = try XCTUnwrap(try agent.socket.receive())
        XCTAssertEqual(Array(reply.frames[0].prefix(6)), [0x54, 0x5A, 0x01, 0x07, 0x01, 0xF9], "ERROR 505 framed in version 1")
        guard case .error(.unsupportedVersion, 0, 0, let message) = try WireMessage.decode(reply.frames[0]) else {
            return XCTFail("\(reply.frames[0])")
        }
        XCTAssertTrue(message.contains("upgrade taizhang-agent"), message)
        // A version-2 HELLO (the chain, no branch) is told the same in version 2.
        let second: [UInt8] = [0x54, 0x5A, 0x02, 0x01] + [UInt8](repeating: 3, count: 16) + [0, 0, 0, 0, 0, 0, 0, 0]
            + [UInt8](repeating: 0, count: 32)
        _ = try agent.socket.send(second)
        let answer = try XCTUnwrap(try agent.socket.receive())
        XCTAssertEqual(Array(answer.frames[0].prefix(6)), [0x54, 0x5A, 0x02, 0x07, 0x01, 0xF9], "ERROR 505 framed in version 2")
        // A version-3 HELLO (the branch too, but an ACK without the flag notice) likewise, in version 3.
        let third: [UInt8] = [0x54, 0x5A, 0x03, 0x01] + [UInt8](repeating: 3, count: 16) + [0, 0, 0, 0, 0, 0, 0, 0]
            + [UInt8](repeating: 0, count: 32) + [0, 3] + Array("old".utf8)
        _ = try agent.socket.send(third)
        let refused = try XCTUnwrap(try agent.socket.receive())
        XCTAssertEqual(Array(refused.frames[0].prefix(6)), [0x54, 0x5A, 0x03, 0x07, 0x01, 0xF9], "ERROR 505 framed in version 3")
        XCTAssertEqual(try bureau.branchStatus("old")?["heldSeq"] as? Int, 0)
    }

    func testStatusShowsTheHubsLastConfirmation() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        XCTAssertTrue(try agent.ok(["status"]).contains("The hub has not confirmed any entry yet."))
        XCTAssertTrue((try agent.status()["sync"] as? [String: Any])?["confirmedSeq"] is NSNull)
        try agent.recordDay("GS-01")
        try agent.ok(["sync"])
        let sync = try XCTUnwrap(try agent.status()["sync"] as? [String: Any])
        XCTAssertEqual(sync["confirmedSeq"] as? Int, 5)
        let chain = try XCTUnwrap(sync["confirmedChain"] as? String)
        XCTAssertEqual(chain.count, 64)
        XCTAssertNotNil(sync["confirmedAt"] as? String)
        let human = try agent.ok(["status"])
        XCTAssertTrue(human.contains("it holds entries 1–5, chain \(chain)"), human)
    }
}
