import XCTest
import ZeroMQ

final class RouterDealerTests: XCTestCase {
    func testMultipartRoundTripOverTCP() throws {
        let context = try Context()
        let router = try context.socket(.router)
        try router.configureForTest()
        let endpoint = try router.bindEphemeral()
        XCTAssertTrue(endpoint.hasPrefix("tcp://127.0.0.1:"))
        XCTAssertFalse(endpoint.hasSuffix(":*"))

        let dealer = try context.socket(.dealer)
        try dealer.configureForTest()
        try dealer.setRoutingId(bytes("dealer-1"))
        XCTAssertEqual(try dealer.routingId, bytes("dealer-1"))
        try dealer.connect(endpoint)

        let binary: [UInt8] = [0, 1, 2, 255, 0]
        XCTAssertTrue(try dealer.send([bytes("hello"), [], binary]))

        let request = try XCTUnwrap(router.receive())
        XCTAssertEqual(request.frames, [bytes("dealer-1"), bytes("hello"), [], binary])
        XCTAssertEqual(request.peerAddress, "127.0.0.1")
        XCTAssertEqual(request.peerRoutingId, "dealer-1")
        XCTAssertEqual(request.properties["Socket-Type"], "DEALER")
        XCTAssertNil(request.userId, "NULL mechanism without ZAP has no user id")

        XCTAssertTrue(try router.send([request.frames[0], bytes("world"), bytes("again")]))
        let reply = try XCTUnwrap(dealer.receive())
        XCTAssertEqual(reply.frames, [bytes("world"), bytes("again")])
        XCTAssertEqual(reply.properties["Socket-Type"], "ROUTER")
    }

    func testReceiveReturnsNilWhenNothingIsWaiting() throws {
        let context = try Context()
        let socket = try context.socket(.pull)
        try socket.configureForTest(timeout: 50)
        _ = try socket.bindEphemeral()
        XCTAssertNil(try socket.receive(dontWait: true))
        let start = ContinuousClock.now
        XCTAssertNil(try socket.receive(), "receive timeout yields nil")
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - start, .milliseconds(40))
    }

    func testMandatoryRouterReportsUnknownPeerAsHostUnreachable() throws {
        let context = try Context()
        let router = try context.socket(.router)
        try router.configureForTest()
        try router.setRouterMandatory(true)
        _ = try router.bindEphemeral()

        XCTAssertThrowsError(try router.send([bytes("nobody"), bytes("payload")])) { error in
            let zmqError = error as? ZMQError
            XCTAssertEqual(zmqError?.kind, .hostUnreachable)
            XCTAssertEqual(zmqError?.operation, "zmq_send")
        }
        // The socket is still usable afterwards.
        XCTAssertThrowsError(try router.send([bytes("nobody"), bytes("payload")], dontWait: true))
    }

    func testNonMandatoryRouterSilentlyDropsUnroutableMessages() throws {
        let context = try Context()
        let router = try context.socket(.router)
        try router.configureForTest()
        _ = try router.bindEphemeral()
        XCTAssertTrue(try router.send([bytes("nobody"), bytes("payload")]))
    }

    func testEmptyMessageAndClosedSocketAreErrors() throws {
        let context = try Context()
        let socket = try context.socket(.dealer)
        XCTAssertThrowsError(try socket.send([[UInt8]]()))
        socket.close()
        socket.close()
        XCTAssertTrue(socket.isClosed)
        XCTAssertThrowsError(try socket.send([bytes("x")])) { error in
            XCTAssertEqual((error as? ZMQError)?.kind, .socketClosed)
        }
        XCTAssertThrowsError(try socket.linger)
    }

    func testBindErrorCarriesEndpoint() throws {
        let context = try Context()
        let socket = try context.socket(.router)
        XCTAssertThrowsError(try socket.bind("bogus://nowhere")) { error in
            let zmqError = error as? ZMQError
            XCTAssertEqual(zmqError?.endpoint, "bogus://nowhere")
            XCTAssertEqual(zmqError?.operation, "zmq_bind")
            XCTAssertTrue(zmqError?.description.contains("bogus://nowhere") ?? false)
        }
    }
}
