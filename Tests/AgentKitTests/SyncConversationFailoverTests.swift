import AgentKit
import TaizhangCore
import XCTest

/// When the conversation tells the driver to leave its front-end for the next one of the
/// office's list (docs/PROTOCOL.md, "Front-ends"): silence and ERROR 500, nothing else.
final class SyncConversationFailoverTests: XCTestCase {
    let incarnation = [UInt8](repeating: 5, count: 16)
    let head = [UInt8](repeating: 0xAA, count: 32)
    let hubChain = [UInt8](repeating: 0xBB, count: 32)

    func started(now: Int64 = 0) -> SyncConversation {
        var conversation = SyncConversation(acked: 5, lastSeq: 20)
        _ = conversation.start(incarnation: incarnation, lastSeq: 20, chain: head, branch: "b", now: now)
        return conversation
    }

    func welcomed() -> SyncConversation {
        var conversation = started()
        _ = conversation.receive(.welcome(heldSeq: 8, chain: hubChain, maxEntries: 100, maxBytes: 65536), now: 1)
        _ = conversation.confirmed(seq: 8, agreed: true, fromWelcome: true)
        return conversation
    }

    func testNoAnswerToHelloMovesOn() {
        var conversation = started()
        XCTAssertNil(conversation.failover)
        XCTAssertEqual(conversation.tick(now: 3001, lastSeq: 20), [.reconnect])
        XCTAssertEqual(conversation.failover, .silent)
    }

    func testAHubFallingSilentMidBatchMovesOn() {
        var conversation = welcomed()
        conversation.sent(through: 20, now: 2)
        XCTAssertEqual(conversation.tick(now: 3100, lastSeq: 20), [.reconnect])
        XCTAssertEqual(conversation.failover, .silent)
    }

    func testCannotStoreMovesOnAndANewConnectionStartsClean() {
        var conversation = welcomed()
        XCTAssertEqual(conversation.receive(.error(.storageFailed, heldSeq: 8, seq: 0, message: "disk full"), now: 2), [.reconnect])
        XCTAssertEqual(conversation.failover, .cannotStore)
        _ = conversation.start(incarnation: incarnation, lastSeq: 20, chain: head, branch: "b", now: 3)
        XCTAssertNil(conversation.failover)
    }

    func testHelloRequiredReconnectsToTheSameFrontEnd() {
        var conversation = welcomed()
        XCTAssertEqual(conversation.receive(.error(.helloRequired, heldSeq: 8, seq: 0, message: "hello"), now: 2), [.reconnect])
        XCTAssertNil(conversation.failover)
    }

    func testRefusalsOfTheDataOrTheOfficeNeverMoveOn() {
        for status in WireStatus.allCases where status != .storageFailed {
            var conversation = welcomed()
            _ = conversation.receive(.error(status, heldSeq: 8, seq: 9, message: "m"), now: 2)
            XCTAssertNil(conversation.failover, "\(status): every front-end shares the database and would say the same")
        }
    }
}
