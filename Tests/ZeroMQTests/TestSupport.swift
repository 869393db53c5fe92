import Synchronization
import XCTest
import ZeroMQ

/// Receive/send timeout for sockets in tests: long enough for slow CI, short enough that a bug fails.
let testTimeout = 3000

extension Socket {
    /// Linger 0 and bounded timeouts so a broken test fails instead of hanging.
    func configureForTest(timeout: Int = testTimeout) throws {
        try setLinger(0)
        try setReceiveTimeout(timeout)
        try setSendTimeout(timeout)
    }

    /// Binds to an ephemeral loopback port and returns the real endpoint.
    func bindEphemeral(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try bind("tcp://127.0.0.1:*")
        return try XCTUnwrap(lastEndpoint, file: file, line: line)
    }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Drains a monitor for `milliseconds`, returning every event seen.
func collectEvents(_ monitor: SocketMonitor, for milliseconds: Int) throws -> [MonitorEvent] {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: .milliseconds(milliseconds))
    var events: [MonitorEvent] = []
    while clock.now < deadline {
        if let record = try monitor.nextEvent(timeout: 50) { events.append(record.event) }
    }
    return events
}

/// A thread-safe cell for handing results out of helper threads.
final class Locked<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>
    init(_ value: Value) { storage = Mutex(value) }
    var value: Value {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}

/// Runs `body` on a new thread; the returned semaphore is signalled when it finishes.
func runOnThread(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.start()
    return done
}

/// A TCP endpoint nobody listens on, found without hard-coding a port: bind, unbind, and wait
/// until the listener is really closed (closing is asynchronous in libzmq).
func deadEndpoint(_ context: Context) throws -> String {
    let probe = try context.socket(.pull)
    let monitor = try probe.monitor(events: .closed)
    let endpoint = try probe.bindEphemeral()
    try probe.unbind(endpoint)
    XCTAssertNotNil(try monitor.waitFor(timeout: testTimeout) { $0 == .closed })
    return endpoint
}
