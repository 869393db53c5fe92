import XCTest
import ZeroMQ

final class OptionsTests: XCTestCase {
    func testIntegerAndBooleanOptionsRoundTrip() throws {
        let context = try Context()
        let socket = try context.socket(.dealer)
        XCTAssertEqual(try socket.linger, 0, "wrapper default")
        try socket.setLinger(250)
        XCTAssertEqual(try socket.linger, 250)
        try socket.setSendHighWaterMark(10)
        try socket.setReceiveHighWaterMark(20)
        try socket.setSendTimeout(30)
        try socket.setReceiveTimeout(40)
        try socket.setReconnectInterval(50)
        try socket.setReconnectIntervalMax(500)
        try socket.setHandshakeInterval(2000)
        try socket.setHeartbeatInterval(1000)
        try socket.setHeartbeatTimeout(3000)
        try socket.setHeartbeatTTL(5000)
        try socket.setImmediate(true)
        try socket.setMaxMessageSize(1 << 20)
        try socket.setProbeRouter(true)
        try socket.setZapDomain("global")
        XCTAssertEqual(try socket.sendHighWaterMark, 10)
        XCTAssertEqual(try socket.receiveHighWaterMark, 20)
        XCTAssertEqual(try socket.sendTimeout, 30)
        XCTAssertEqual(try socket.receiveTimeout, 40)
        XCTAssertEqual(try socket.reconnectInterval, 50)
        XCTAssertEqual(try socket.reconnectIntervalMax, 500)
        XCTAssertEqual(try socket.handshakeInterval, 2000)
        XCTAssertEqual(try socket.heartbeatInterval, 1000)
        XCTAssertEqual(try socket.heartbeatTimeout, 3000)
        XCTAssertEqual(try socket.heartbeatTTL, 5000)
        XCTAssertEqual(try socket.immediate, true)
        XCTAssertEqual(try socket.maxMessageSize, 1 << 20)
        XCTAssertEqual(try socket.zapDomain, "global")
        XCTAssertNil(try socket.lastEndpoint)
        XCTAssertThrowsError(try socket.setLinger(Int(Int32.max) + 1))
    }

    func testCurveOptions() throws {
        let context = try Context()
        let server = try context.socket(.router)
        let keys = try CurveKeyPair.generate()
        XCTAssertEqual(try server.curveServer, false)
        try server.setCurveServer(true)
        try server.setCurveSecretKey(keys.secretKey)
        try server.setCurvePublicKey(keys.publicKey)
        XCTAssertEqual(try server.curveServer, true)
        XCTAssertEqual(try server.curvePublicKey, keys.publicKey)
        XCTAssertThrowsError(try server.setCurveSecretKey(String(repeating: "~", count: 40)))
    }

    func testSubscribe() throws {
        let context = try Context()
        let pub = try context.socket(.pub)
        try pub.bind("inproc://options-pubsub")
        let sub = try context.socket(.sub)
        try sub.configureForTest(timeout: 50)
        try sub.subscribe(bytes("news"))
        try sub.connect("inproc://options-pubsub")
        // PUB drops messages until the subscription has arrived, so publish until one gets through.
        var received: Message?
        for _ in 0..<100 where received == nil {
            XCTAssertTrue(try pub.send([bytes("sport"), bytes("x")]))
            XCTAssertTrue(try pub.send([bytes("news"), bytes("y")]))
            received = try sub.receive(dontWait: false)
        }
        XCTAssertEqual(received?.frames, [bytes("news"), bytes("y")])
    }
}
