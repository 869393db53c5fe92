import HubKit
import TaizhangCore
import XCTest

/// Every transition of the hub's per-connection conversation, without a socket.
final class HubConversationTests: XCTestCase {
    let incarnation = [UInt8](0..<16)
    let chain = [UInt8](repeating: 0x11, count: 32)
    let entry = EntryCodec.encode(Entry(branch: "", seq: 1, material: .card, action: .receive, quantity: 3,
                                        occurredOn: CivilDate("2008-05-01")!, recordedAt: Timestamp(millisecondsSinceEpoch: 0), clerk: "c"))

    func frame(_ message: WireMessage) -> [UInt8] { message.encoded() }
    func batch(_ entries: [[UInt8]]) -> [UInt8] { frame(.batch(previousChain: chain, entries: entries)) }

    func refusal(_ action: HubConversation.Action) -> WireStatus? {
        if case .refuse(let status, _, _, _) = action { status } else { nil }
    }

    func testHelloComesFirst() {
        var conversation = HubConversation()
        XCTAssertEqual(refusal(conversation.receive(batch([entry]), branch: "b")), .helloRequired)
        XCTAssertEqual(refusal(conversation.receive(frame(.ping(lastSeq: 1)), branch: "b")), .helloRequired)
        XCTAssertEqual(conversation.state, .awaitingHello)
    }

    func testHelloIsGreetedThenBatchesAndPingsAreTaken() {
        var conversation = HubConversation()
        XCTAssertEqual(conversation.receive(frame(.hello(incarnation: incarnation, lastSeq: 4, chain: chain, branch: "b")), branch: "b"),
                       .greet(incarnation: "00010203-0405-0607-0809-0a0b0c0d0e0f", lastSeq: 4, chain: chain))
        XCTAssertEqual(conversation.state, .awaitingHello, "not before the database welcomed it")
        conversation.answered(.welcome(heldSeq: 0, chain: chain))
        XCTAssertEqual(conversation.state, .welcomed)
        guard case .store(let anchor, let entries, let bodies) = conversation.receive(batch([entry]), branch: "b") else {
            return XCTFail()
        }
        XCTAssertEqual(anchor, chain)
        XCTAssertEqual(entries.map(\.branch), ["b"], "the branch is the authenticated one")
        XCTAssertEqual(bodies, [entry])
        XCTAssertEqual(conversation.receive(frame(.ping(lastSeq: 9)), branch: "b"), .heard(lastSeq: 9))
        conversation.answered(.ack(heldSeq: 1, chain: chain))
        XCTAssertEqual(conversation.state, .welcomed)
    }

    func testARefusedHelloLeavesTheConversationClosed() {
        for status in [WireStatus.conflict, .ledgerBehind, .otherIncarnation, .revoked] {
            var conversation = HubConversation()
            _ = conversation.receive(frame(.hello(incarnation: incarnation, lastSeq: 4, chain: chain, branch: "b")), branch: "b")
            conversation.answered(.refused(status, heldSeq: 9, seq: 4, message: "no"))
            XCTAssertEqual(refusal(conversation.receive(batch([entry]), branch: "b")), .helloRequired, "\(status)")
        }
    }

    func testAConflictInABatchClosesTheConversationButAGapDoesNot() {
        var conversation = HubConversation()
        conversation.answered(.welcome(heldSeq: 0, chain: chain))
        conversation.answered(.refused(.gap, heldSeq: 3, seq: 7, message: "gap"))
        XCTAssertEqual(conversation.state, .welcomed)
        conversation.answered(.refused(.conflict, heldSeq: 3, seq: 3, message: "differs"))
        XCTAssertEqual(conversation.state, .awaitingHello)
        conversation.answered(.welcome(heldSeq: 0, chain: chain))
        conversation.storageFailed()
        XCTAssertEqual(conversation.state, .awaitingHello, "after a storage failure the agent starts again")
    }

    func testOtherVersionsAreToldInTheirOwnVersion() {
        var conversation = HubConversation()
        for version: UInt8 in [1, 2] {
            let old: [UInt8] = [0x54, 0x5A, version, 1] + incarnation + [UInt8](repeating: 0, count: 8)
            guard case .refuse(.unsupportedVersion, let text, version: version, seq: 0) = conversation.receive(old, branch: "b") else {
                return XCTFail("version \(version)")
            }
            XCTAssertTrue(text.contains("upgrade taizhang-agent"), text)
        }
        for version: UInt8 in [0, 9, 255] {
            guard case .refuse(.unsupportedVersion, _, version: version, seq: 0) = conversation.receive([0x54, 0x5A, version, 5], branch: "b") else {
                return XCTFail("version \(version) is answered in that version")
            }
        }
    }

    func testAnOfficeSetUpAsAnotherBranchIsNotGreeted() {
        var conversation = HubConversation()
        XCTAssertEqual(conversation.receive(frame(.hello(incarnation: incarnation, lastSeq: 4, chain: chain, branch: "a")), branch: "b"),
                       .misenrolled(claimed: "a"))
        XCTAssertEqual(conversation.state, .awaitingHello)
    }

    func testASecondHelloStartsTheGreetingAgain() {
        var conversation = HubConversation()
        conversation.answered(.welcome(heldSeq: 0, chain: chain))
        _ = conversation.receive(frame(.hello(incarnation: incarnation, lastSeq: 4, chain: chain, branch: "b")), branch: "b")
        XCTAssertEqual(conversation.state, .awaitingHello)
        XCTAssertEqual(refusal(conversation.receive(batch([entry]), branch: "b")), .helloRequired)
    }

    func testMalformedAndOversizedMessages() {
        var conversation = HubConversation()
        conversation.answered(.welcome(heldSeq: 0, chain: chain))
        XCTAssertEqual(refusal(conversation.receive([0xDE, 0xAD], branch: "b")), .malformed)
        XCTAssertEqual(refusal(conversation.receive(frame(.ack(heldSeq: 1, chain: chain)), branch: "b")), .malformed, "a hub's message")
        guard case .store = conversation.receive(batch([entry, entry]), branch: "b") else {
            return XCTFail("seqs that do not follow on are the store's to answer (416)")
        }
        XCTAssertEqual(refusal(conversation.receive(batch([[1, 2, 3]]), branch: "b")), .malformed, "not an entry")
        guard case .refuse(.malformed, _, _, seq: 1) = conversation.receive(batch([entry + [0]]), branch: "b") else {
            return XCTFail("a malformed entry's ERROR names its seq")
        }
        let many = frame(.batch(previousChain: chain, entries: Array(repeating: entry, count: Int(HubServer.maxEntriesPerBatch) + 1)))
        XCTAssertEqual(refusal(conversation.receive(many, branch: "b")), .tooLarge, "more entries than WELCOME allows")
        let big = [UInt8](repeating: 0x41, count: 60_000)
        XCTAssertEqual(refusal(conversation.receive(batch(Array(repeating: big, count: 20)), branch: "b")), .tooLarge)
        XCTAssertEqual(conversation.state, .welcomed, "a refused message does not end the conversation")
    }
}
