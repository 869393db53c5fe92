import XCTest
import ZeroMQ

final class ZAPRequestTests: XCTestCase {
    private let key = (0..<32).map { UInt8($0) }

    private func curveFrames(version: String = "1.0") -> [[UInt8]] {
        [bytes(version), bytes("req-7"), bytes("domain"), bytes("10.0.0.1"), bytes("peer"), bytes("CURVE"), key]
    }

    func testParsesCurveRequest() throws {
        let request = try ZAPRequest(frames: curveFrames())
        XCTAssertEqual(request.version, "1.0")
        XCTAssertEqual(request.requestId, bytes("req-7"))
        XCTAssertEqual(request.domain, "domain")
        XCTAssertEqual(request.address, "10.0.0.1")
        XCTAssertEqual(request.identity, bytes("peer"))
        XCTAssertEqual(request.mechanism, .curve)
        XCTAssertEqual(request.curvePublicKey, key)
        XCTAssertEqual(request.curvePublicKeyZ85, Z85.encode(key))
        XCTAssertNil(request.plainCredentials)
    }

    func testParsesNullAndPlainRequests() throws {
        let null = try ZAPRequest(frames: [bytes("1.0"), [1], [], bytes("127.0.0.1"), [], bytes("NULL")])
        XCTAssertEqual(null.mechanism, .null)
        XCTAssertNil(null.curvePublicKey)
        let plain = try ZAPRequest(frames: [
            bytes("1.0"), [1], [], bytes("127.0.0.1"), [], bytes("PLAIN"), bytes("user"), bytes("pw"),
        ])
        XCTAssertEqual(plain.plainCredentials?.username, "user")
        XCTAssertEqual(plain.plainCredentials?.password, "pw")
    }

    func testRejectsMalformedRequests() {
        func rejects(_ frames: [[UInt8]], _ expected: ZAPRequestError, line: UInt = #line) {
            XCTAssertThrowsError(try ZAPRequest(frames: frames), line: line) { error in
                XCTAssertEqual(error as? ZAPRequestError, expected, line: line)
            }
        }
        rejects([], .wrongFrameCount(0))
        rejects(Array(curveFrames().prefix(5)), .wrongFrameCount(5))
        rejects(Array(curveFrames().prefix(6)), .wrongFrameCount(6))
        rejects(curveFrames() + [[]], .wrongFrameCount(8))
        rejects(curveFrames(version: "2.0"), .unsupportedVersion("2.0"))
        var frames = curveFrames()
        frames[5] = bytes("KERBEROS")
        rejects(frames, .unknownMechanism("KERBEROS"))
        frames = curveFrames()
        frames[6] = [1, 2, 3]
        rejects(frames, .invalidCurveKey(length: 3))
        rejects([bytes("1.0"), [1], [], [], [], bytes("NULL"), [9]], .wrongFrameCount(7))
        rejects([bytes("1.0"), [1], [], [], [], bytes("PLAIN"), [9]], .wrongFrameCount(7))
    }

    func testReplyFrames() throws {
        let request = try ZAPRequest(frames: curveFrames())
        XCTAssertEqual(
            ZAPReply(request: request, decision: .allow(userId: "alice")).frames,
            [bytes("1.0"), bytes("req-7"), bytes("200"), bytes("OK"), bytes("alice"), []])
        XCTAssertEqual(
            ZAPReply(request: request, decision: .deny("go away")).frames,
            [bytes("1.0"), bytes("req-7"), bytes("400"), bytes("go away"), [], []])
    }

    func testHandlerAnswersMalformedRequestWith500() throws {
        let context = try Context()
        let handler = ZAPHandler(context: context) { _ in .allow(userId: "x") }
        try handler.start()
        defer { handler.stop() }
        let client = try context.socket(.req)
        try client.configureForTest()
        try client.connect(zapEndpoint)
        XCTAssertTrue(try client.send([bytes("9.9"), bytes("id-1"), [], [], [], bytes("NULL")]))
        let reply = try XCTUnwrap(client.receive())
        XCTAssertEqual(Array(reply.frames.prefix(3)), [bytes("1.0"), bytes("id-1"), bytes("500")])
        // Still serving well-formed requests.
        XCTAssertTrue(try client.send([bytes("1.0"), bytes("id-2"), [], [], [], bytes("NULL")]))
        XCTAssertEqual(try client.receive()?.frames, [bytes("1.0"), bytes("id-2"), bytes("200"), bytes("OK"), bytes("x"), []])
    }

    func testHandlerStartStopAndSecondHandlerFails() throws {
        let context = try Context()
        let handler = ZAPHandler(context: context) { _ in .deny("no") }
        XCTAssertFalse(handler.isRunning)
        try handler.start()
        try handler.start()  // no-op
        XCTAssertTrue(handler.isRunning)
        let rival = ZAPHandler(context: context) { _ in .deny("no") }
        XCTAssertThrowsError(try rival.start(), "endpoint already bound in this context")
        XCTAssertFalse(rival.isRunning)
        let start = ContinuousClock.now
        handler.stop()
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(1))
        XCTAssertFalse(handler.isRunning)
        try rival.start()  // the endpoint is free again
        rival.stop()
        context.close()
    }
}
