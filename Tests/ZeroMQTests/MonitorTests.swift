import XCTest
import ZeroMQ

final class MonitorTests: XCTestCase {
    func testReportsListeningAcceptedConnectedAndHandshake() throws {
        let context = try Context()
        let server = try context.socket(.router)
        try server.configureForTest()
        let serverMonitor = try server.monitor()
        let endpoint = try server.bindEphemeral()
        let listening = try XCTUnwrap(serverMonitor.nextEvent(timeout: testTimeout))
        XCTAssertEqual(listening.event, .listening)
        XCTAssertEqual(listening.endpoint, endpoint)

        let client = try context.socket(.dealer)
        try client.configureForTest()
        let clientMonitor = try client.monitor(events: [.connected, .connectDelayed, .handshakeSucceeded])
        try client.connect(endpoint)
        XCTAssertNotNil(try clientMonitor.waitFor(timeout: testTimeout) { $0 == .connected })
        XCTAssertNotNil(try clientMonitor.waitFor(timeout: testTimeout) { $0 == .handshakeSucceeded })
        XCTAssertNotNil(try serverMonitor.waitFor(timeout: testTimeout) { $0 == .accepted })
        XCTAssertNotNil(try serverMonitor.waitFor(timeout: testTimeout) { $0 == .handshakeSucceeded })

        try client.stopMonitor()
        XCTAssertNil(try clientMonitor.waitFor(timeout: 200) { _ in false })
        client.close()
        XCTAssertNotNil(try serverMonitor.waitFor(timeout: testTimeout) { $0 == .disconnected })
    }

    func testReportsConnectRetriedForDeadEndpoint() throws {
        let context = try Context()
        let endpoint = try deadEndpoint(context)

        let client = try context.socket(.dealer)
        try client.configureForTest()
        try client.setReconnectInterval(50)
        let monitor = try client.monitor()
        try client.connect(endpoint)
        // Each attempt reports connectDelayed, closed, connectRetried(interval with random jitter).
        let retried = try XCTUnwrap(monitor.waitFor(timeout: testTimeout) { $0 == .connectRetried })
        XCTAssertEqual(retried.endpoint, endpoint)
        XCTAssertGreaterThanOrEqual(retried.value, 50)
        XCTAssertNotNil(try monitor.waitFor(timeout: testTimeout) { $0 == .connectRetried }, "keeps retrying")
    }

    func testBindFailureAndClosedEventsAndDecoding() throws {
        XCTAssertEqual(MonitorEvent(id: 0x4000, value: 400), .handshakeFailedAuth(statusCode: 400))
        XCTAssertEqual(MonitorEvent(id: 0x2000, value: 0x11000001), .handshakeFailedProtocol(code: 0x11000001))
        XCTAssertEqual(MonitorEvent(id: 0x8000, value: 3), .other(id: 0x8000, value: 3))
        XCTAssertTrue(MonitorEvent.handshakeFailedAuth(statusCode: 400).isHandshakeFailure)
        XCTAssertFalse(MonitorEvent.handshakeSucceeded.isHandshakeFailure)

        let context = try Context()
        let monitored = try context.socket(.pull)
        let monitor = try monitored.monitor()
        let endpoint = try monitored.bindEphemeral()
        _ = try monitor.waitFor(timeout: testTimeout) { $0 == .listening }
        try monitored.unbind(endpoint)
        XCTAssertNotNil(try monitor.waitFor(timeout: testTimeout) { $0 == .closed })
        monitored.close()
        XCTAssertNotNil(try monitor.waitFor(timeout: testTimeout) { $0 == .monitorStopped })
        XCTAssertNil(try monitor.nextEvent(timeout: 0))
    }
}
