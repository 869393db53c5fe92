import Foundation
import TaizhangCore
import TaizhangTesting
import XCTest

/// The agent's Lazy Pirate behaviour against a hub that swallows batches: after its reply
/// timeout (3 s) it closes the connection, backs off, reconnects with a new HELLO and sends
/// the same entries again — until a hub acknowledges them.
final class ResendTimeoutTests: XCTestCase {
    func testAnUnansweredBatchIsResentOnANewConnectionAfterTheTimeout() throws {
        let hub = try FakeHub()
        let agent = TestAgent(branch: "sanchang", data: scratchDirectory("taizhang-agent") { self.addTeardownBlock($0) })
        try agent.ok(["init", "--branch", "sanchang", "--name", "三厂分局", "--hub", hub.endpoint, "--hub-key", hub.keys.publicKey])
        for quantity in [5, 6, 7] { try agent.ok(["card", "receive", "--quantity", "\(quantity)"]) }
        let sync = DispatchGroup()
        let outcome = LockedFailures()
        DispatchQueue.global().async(group: sync) {
            do {
                let result = try agent.program.run(["sync", "--timeout", "60"])
                outcome.add("exit \(result.status): \(result.stdout) \(result.stderr)")
            } catch { outcome.add("\(error)") }
        }

        // Two connections whose batches go unanswered, then one that acknowledges.
        var batches: [(routingId: [UInt8], entries: [[UInt8]], at: Date)] = []
        var hellos: [[UInt8]] = []
        var genesis: [UInt8] = [], agentHead: [UInt8] = []
        while batches.count < 3 {
            let received = try XCTUnwrap(hub.receive(), "the agent went quiet")
            switch received.message {
            case .hello(let incarnation, let lastSeq, let head, _):
                XCTAssertEqual(lastSeq, 3)
                hellos.append(received.routingId)
                genesis = LedgerChain.genesis(branch: "sanchang", incarnation: incarnation)
                try hub.send(.welcome(heldSeq: 0, chain: genesis, maxEntries: 500, maxBytes: 1 << 20), to: received.routingId)
                agentHead = head
            case .batch(let anchor, let entries):
                XCTAssertEqual(anchor, genesis, "the first batch is anchored at the hub's seq, 0")
                batches.append((received.routingId, entries, received.at))
                if batches.count == 3 { try hub.send(.ack(heldSeq: 3, chain: agentHead), to: received.routingId) }
            default:
                continue
            }
        }
        XCTAssertEqual(sync.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(outcome.all.first?.hasPrefix("exit 0"), true, "\(outcome.all)")
        XCTAssertEqual(Set(hellos).count, 3, "each resend comes on a new connection, after a new HELLO")
        XCTAssertEqual(batches.map(\.routingId), hellos)
        XCTAssertEqual(batches[1].entries, batches[0].entries, "the same entries again")
        XCTAssertEqual(batches[2].entries, batches[0].entries)
        XCTAssertEqual(batches[0].entries.count, 3)
        let gaps = zip(batches, batches.dropFirst()).map { $1.at.timeIntervalSince($0.at) }
        for gap in gaps { XCTAssertGreaterThanOrEqual(gap, 3, "not before the 3 s reply timeout: \(gaps)") }
        let status = try agent.status()["sync"] as? [String: Any]
        XCTAssertEqual(status?["ackedSeq"] as? Int, 3)
    }
}
