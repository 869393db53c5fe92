import XCTest
import ZeroMQ

final class PollerTests: XCTestCase {
    func testPollsTwoSockets() throws {
        let context = try Context()
        let first = try context.socket(.pull)
        let second = try context.socket(.pull)
        try first.configureForTest()
        try second.configureForTest()
        let firstEndpoint = try first.bindEphemeral()
        let secondEndpoint = try second.bindEphemeral()
        let firstPush = try context.socket(.push)
        let secondPush = try context.socket(.push)
        try firstPush.configureForTest()
        try secondPush.configureForTest()
        try firstPush.connect(firstEndpoint)
        try secondPush.connect(secondEndpoint)
        let items = [PollItem(first, .readable), PollItem(second, .readable)]

        let start = ContinuousClock.now
        XCTAssertEqual(try Poller.poll(items, timeout: 100), [[], []])
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - start, .milliseconds(90))

        XCTAssertTrue(try secondPush.send([bytes("b")]))
        XCTAssertEqual(try Poller.poll(items, timeout: testTimeout), [[], .readable])
        XCTAssertEqual(try second.events.contains(.readable), true)
        XCTAssertEqual(try second.receive(dontWait: true)?.frames, [bytes("b")])

        XCTAssertTrue(try firstPush.send([bytes("a")]))
        XCTAssertTrue(try secondPush.send([bytes("c")]))
        var ready: [PollEvents] = []
        let deadline = ContinuousClock.now + .seconds(3)
        while ready != [.readable, .readable] && ContinuousClock.now < deadline {
            ready = try Poller.poll(items, timeout: 100)
        }
        XCTAssertEqual(ready, [.readable, .readable])
    }

    func testWritableAndFileDescriptor() throws {
        let context = try Context()
        let push = try context.socket(.push)
        try push.configureForTest()
        try push.bind("inproc://poller-writable")
        XCTAssertEqual(try Poller.poll([PollItem(push, .writable)], timeout: 0), [[]], "no peer yet")
        let pull = try context.socket(.pull)
        try pull.connect("inproc://poller-writable")
        XCTAssertEqual(try Poller.poll([PollItem(push, .writable)], timeout: testTimeout), [.writable])
        XCTAssertGreaterThanOrEqual(try push.fileDescriptor, 0)
    }
}
