import XCTest
import ZeroMQ

final class LimitsTests: XCTestCase {
    func testOversizedFrameIsNotDeliveredAndServerKeepsServing() throws {
        let context = try Context()
        let server = try context.socket(.router)
        try server.configureForTest(timeout: 500)
        try server.setMaxMessageSize(64)
        XCTAssertEqual(try server.maxMessageSize, 64)
        let monitor = try server.monitor(events: [.accepted, .disconnected])
        let endpoint = try server.bindEphemeral()

        let greedy = try context.socket(.dealer)
        try greedy.configureForTest()
        try greedy.connect(endpoint)
        XCTAssertTrue(try greedy.send([[UInt8](repeating: 7, count: 1000)]))
        XCTAssertNil(try server.receive(), "oversized frame must not be delivered")
        XCTAssertNotNil(try monitor.waitFor(timeout: testTimeout) { $0 == .disconnected },
                        "libzmq drops the connection of a peer exceeding ZMQ_MAXMSGSIZE")

        let polite = try context.socket(.dealer)
        try polite.configureForTest()
        try polite.connect(endpoint)
        XCTAssertTrue(try polite.send([[UInt8](repeating: 1, count: 64)]))
        let message = try XCTUnwrap(server.receive())
        XCTAssertEqual(message.frames.last?.count, 64)
    }

    func testTooManyFramesIsDrainedAndReported() throws {
        let context = try Context()
        let pull = try context.socket(.pull)
        try pull.configureForTest()
        try pull.bind("inproc://limits-frames")
        let push = try context.socket(.push)
        try push.configureForTest()
        try push.connect("inproc://limits-frames")

        let tenFrames = (0..<10).map { [UInt8($0)] }
        XCTAssertTrue(try push.send(tenFrames))
        XCTAssertTrue(try push.send([bytes("next")]))
        XCTAssertTrue(try push.send(tenFrames))

        XCTAssertThrowsError(try pull.receive(maxFrames: 4)) { error in
            XCTAssertEqual((error as? ZMQError)?.kind, .tooManyFrames(received: 10, limit: 4))
        }
        // The rest of the oversized message was drained: the next receive gets the next message.
        XCTAssertEqual(try pull.receive(maxFrames: 4)?.frames, [bytes("next")])
        XCTAssertEqual(try pull.receive(maxFrames: 10)?.frames, tenFrames, "limit is inclusive")
        XCTAssertNil(try pull.receive(dontWait: true))
    }
}
