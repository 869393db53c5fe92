import AgentKit
import TaizhangCore
import XCTest

/// Every transition of the agent's conversation (docs/PROTOCOL.md, "Conversation" and
/// "Status codes"), without a socket or a ledger.
final class SyncConversationTests: XCTestCase {
    let incarnation = [UInt8](repeating: 5, count: 16)
    let head = [UInt8](repeating: 0xAA, count: 32)
    let hubChain = [UInt8](repeating: 0xBB, count: 32)

    /// A conversation of a ledger of 20 entries, the hub having acknowledged 5 before.
    func started(now: Int64 = 0) -> SyncConversation {
        var conversation = SyncConversation(acked: 5, lastSeq: 20)
        _ = conversation.start(incarnation: incarnation, lastSeq: 20, chain: head, branch: "b", now: now)
        return conversation
    }

    /// Welcomed at `held`, the ledger agreeing with the hub's chain there.
    func welcomed(at held: Int64 = 8) -> SyncConversation {
        var conversation = started()
        XCTAssertEqual(conversation.receive(.welcome(heldSeq: held, chain: hubChain, maxEntries: 100, maxBytes: 65536), now: 1),
                       [.confirm(seq: held, chain: hubChain, fromWelcome: true)])
        XCTAssertEqual(conversation.confirmed(seq: held, agreed: true, fromWelcome: true), [.progress(clearProblem: true)])
        return conversation
    }

    func testHelloCarriesTheLedgersLengthAndChainHead() {
        var conversation = SyncConversation(acked: 0, lastSeq: 0)
        XCTAssertEqual(conversation.start(incarnation: incarnation, lastSeq: 3, chain: head, branch: "b", now: 0),
                       [.send(.hello(incarnation: incarnation, lastSeq: 3, chain: head, branch: "b"))])
        XCTAssertNil(conversation.nextBatch(), "nothing is sent before WELCOME")
    }

    func testWelcomeWithTheSameChainResumesAfterTheHubsSeq() {
        var conversation = welcomed(at: 8)
        XCTAssertEqual(conversation.acked, 8)
        XCTAssertEqual(conversation.nextBatch(), .init(after: 8, maxEntries: 100, maxBytes: 65536))
        for last: Int64 in [10, 12, 14, 16] { conversation.sent(through: last, now: 2) }
        XCTAssertNil(conversation.nextBatch(), "a window of 4 batches")
        XCTAssertFalse(conversation.holds(20))
    }

    func testWelcomeFromAHubRestoredFromAnOlderBackupLowersTheWatermark() {
        XCTAssertEqual(welcomed(at: 2).acked, 2)
    }

    func testWelcomeWithAnotherChainSendsOneAnchoredBatchAndNothingMore() {
        var conversation = started()
        _ = conversation.receive(.welcome(heldSeq: 8, chain: hubChain, maxEntries: 500, maxBytes: 1 << 20), now: 1)
        XCTAssertEqual(conversation.confirmed(seq: 8, agreed: false, fromWelcome: true), [])
        XCTAssertEqual(conversation.divergedAt, 8)
        XCTAssertEqual(conversation.nextBatch()?.after, 8, "anchored at the hub's seq, where the hub checks it")
        conversation.sent(through: 9, now: 2)
        XCTAssertNil(conversation.nextBatch())
        XCTAssertFalse(conversation.holds(0), "a diverged ledger is never done")
        // The hub's answer ends it; were it to acknowledge anyway, the ACK's chain would not match.
        XCTAssertEqual(conversation.receive(.error(.conflict, heldSeq: 8, seq: 8, message: "differs"), now: 3),
                       [.fail(.diverged(seq: 8, held: 8, message: "differs"))])
    }

    func testWelcomeClaimingMoreThanTheLedgerHoldsIsAConflict() {
        var conversation = started()
        guard case .fail(.diverged)? = conversation.receive(.welcome(heldSeq: 21, chain: hubChain, maxEntries: 1, maxBytes: 1), now: 1).first else {
            return XCTFail()
        }
    }

    func testAckIsCheckedAgainstTheLedgersChain() {
        var conversation = welcomed()
        conversation.sent(through: 20, now: 2)
        XCTAssertEqual(conversation.receive(.ack(heldSeq: 20, chain: hubChain), now: 3),
                       [.confirm(seq: 20, chain: hubChain, fromWelcome: false)])
        XCTAssertEqual(conversation.confirmed(seq: 20, agreed: true, fromWelcome: false), [.progress(clearProblem: false)])
        XCTAssertTrue(conversation.holds(20))
        XCTAssertEqual(conversation.confirmed(seq: 20, agreed: true, fromWelcome: false), [], "no progress without news")
        guard case .fail(.diverged(20, _, _))? = conversation.confirmed(seq: 20, agreed: false, fromWelcome: false).first else {
            return XCTFail("an ACK whose chain is not the ledger's is a conflict")
        }
    }

    func testAckBeyondTheLedgerOrBeforeWelcomeStops() {
        var conversation = welcomed()
        guard case .fail(.diverged)? = conversation.receive(.ack(heldSeq: 21, chain: hubChain), now: 2).first else { return XCTFail() }
        var early = started()
        guard case .fail(.protocolViolation)? = early.receive(.ack(heldSeq: 1, chain: hubChain), now: 2).first else { return XCTFail() }
    }

    func testPongIsAReceiptToo() {
        var conversation = welcomed()
        XCTAssertEqual(conversation.receive(.pong(heldSeq: 8, chain: hubChain), now: 2), [.confirm(seq: 8, chain: hubChain, fromWelcome: false)])
    }

    /// WELCOME, ACK and PONG hand the hub's flag notice to the ledger with their receipt.
    func testTheHubsFlagNoticeGoesWithTheReceipt() {
        let notice = FlagNotice(entries: [.init(seq: 3, kind: .date)], others: 1)
        var conversation = welcomed()
        XCTAssertEqual(conversation.receive(.pong(heldSeq: 8, chain: hubChain, flags: notice), now: 2),
                       [.confirm(seq: 8, chain: hubChain, fromWelcome: false, flags: notice)])
        var fresh = SyncConversation(acked: 0, lastSeq: 8)
        _ = fresh.start(incarnation: Array(repeating: 1, count: 16), lastSeq: 8, chain: hubChain, branch: "b", now: 0)
        XCTAssertEqual(fresh.receive(.welcome(heldSeq: 8, chain: hubChain, maxEntries: 500, maxBytes: 1 << 20, flags: notice), now: 1),
                       [.confirm(seq: 8, chain: hubChain, fromWelcome: true, flags: notice)])
    }

    // MARK: the reaction to every ERROR code

    func testGapResumesFromWhereTheHubStands() {
        var conversation = welcomed(at: 8)
        conversation.sent(through: 12, now: 2)
        conversation.sent(through: 16, now: 2)
        XCTAssertEqual(conversation.receive(.error(.gap, heldSeq: 10, seq: 13, message: "gap"), now: 3), [])
        XCTAssertEqual(conversation.inFlight, [])
        XCTAssertEqual(conversation.nextBatch()?.after, 10)
    }

    func testTooLargeResendsSmallerBatchesFromWhereTheHubStands() {
        var conversation = welcomed(at: 8)
        conversation.sent(through: 20, now: 2)
        XCTAssertEqual(conversation.receive(.error(.tooLarge, heldSeq: 8, seq: 0, message: "too large"), now: 3), [])
        XCTAssertEqual(conversation.nextBatch(), .init(after: 8, maxEntries: 50, maxBytes: 32768),
                       "half the entries and bytes, from the hub's seq — never from entry 1")
    }

    func testHelloRequiredReconnects() {
        var conversation = welcomed()
        XCTAssertEqual(conversation.receive(.error(.helloRequired, heldSeq: 8, seq: 0, message: "hello"), now: 2), [.reconnect])
    }

    func testStorageFailureReconnectsAndIsRemembered() {
        var conversation = welcomed()
        XCTAssertEqual(conversation.receive(.error(.storageFailed, heldSeq: 8, seq: 0, message: "disk full"), now: 2), [.reconnect])
        XCTAssertEqual(conversation.lastTransientRefusal?.status, .storageFailed)
        _ = conversation.start(incarnation: incarnation, lastSeq: 20, chain: head, branch: "b", now: 3)
        _ = conversation.receive(.welcome(heldSeq: 8, chain: hubChain, maxEntries: 500, maxBytes: 1 << 20), now: 4)
        _ = conversation.confirmed(seq: 8, agreed: true, fromWelcome: true)
        XCTAssertNil(conversation.lastTransientRefusal, "a WELCOME clears it")
    }

    func testRefusalsThatNeedAPersonStop() {
        let cases: [(WireStatus, SyncError)] = [
            (.malformed, .refused(status: 400, message: "m")),
            (.revoked, .revoked(message: "m")),
            (.conflict, .diverged(seq: 4, held: 8, message: "m")),
            (.otherIncarnation, .refused(status: 410, message: "m")),
            (.ledgerBehind, .refused(status: 412, message: "m")),
            (.unsupportedVersion, .refused(status: 505, message: "m")),
            (.misenrolled, .misenrolled(office: "b", message: "m")),
        ]
        for (status, expected) in cases {
            var conversation = started()
            XCTAssertEqual(conversation.receive(.error(status, heldSeq: 8, seq: 4, message: "m"), now: 1), [.fail(expected)], "\(status)")
        }
        XCTAssertEqual(WireStatus.allCases.count, 11, "every code has a reaction above or in the tests before")
    }

    func testTheClerksSentencesNameWhatToDo() {
        XCTAssertTrue(SyncError.diverged(seq: 4, held: 8, message: "").description.contains("entry #4 or before"))
        XCTAssertTrue(SyncError.refused(status: 505, message: "").description.contains("upgrade taizhang-agent"))
        XCTAssertTrue(SyncError.hubCannotStore(endpoint: "e", pending: 3, message: "").description.contains("nothing is lost"))
    }

    // MARK: timers

    func testASilentHubMeansReconnect() {
        var conversation = started(now: 0)
        XCTAssertEqual(conversation.tick(now: 2999, lastSeq: 20), [])
        XCTAssertEqual(conversation.tick(now: 3001, lastSeq: 20), [.reconnect])
    }

    func testAnIdleConversationPingsAndNoticesNewEntries() {
        var conversation = welcomed(at: 20)
        XCTAssertEqual(conversation.tick(now: 100, lastSeq: 20), [])
        XCTAssertEqual(conversation.tick(now: 5002, lastSeq: 20), [.send(.ping(lastSeq: 20))])
        XCTAssertEqual(conversation.tick(now: 5003, lastSeq: 21), [])
        XCTAssertEqual(conversation.nextBatch()?.after, 20, "a new entry is sent at once")
    }
}
