import XCTest
import ZeroMQ

final class ContextTests: XCTestCase {
    func testCloseDoesNotHangWithQueuedMessagesAndLingerZero() throws {
        let context = try Context()
        let endpoint = try deadEndpoint(context)
        do {
            let dealer = try context.socket(.dealer)
            try dealer.setLinger(0)
            try dealer.connect(endpoint)
            for _ in 0..<100 { XCTAssertTrue(try dealer.send([bytes("queued")], dontWait: true)) }
            let explicit = try context.socket(.push)
            try explicit.connect(endpoint)
            XCTAssertTrue(try explicit.send([bytes("queued")], dontWait: true))
            explicit.close()
            // `dealer` is closed by deinit at the end of this scope.
        }
        let start = ContinuousClock.now
        context.close()
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(1))
        XCTAssertTrue(context.isClosed)
        context.close()  // idempotent
        XCTAssertThrowsError(try context.socket(.pair)) { error in
            XCTAssertEqual((error as? ZMQError)?.kind, .contextTerminated)
        }
    }

    func testShutdownUnblocksReceiveOnAnotherThread() throws {
        let context = try Context()
        let ready = DispatchSemaphore(value: 0)
        let outcome = Locked<ZMQError.Kind?>(nil)
        let done = runOnThread {
            do {
                let socket = try context.socket(.pull)
                try socket.setReceiveTimeout(10_000)
                try socket.bind("inproc://context-shutdown")
                ready.signal()
                _ = try socket.receive()
            } catch let error as ZMQError {
                outcome.value = error.kind
            } catch {}
        }
        XCTAssertEqual(ready.wait(timeout: .now() + 5), .success)
        Thread.sleep(forTimeInterval: 0.1)
        context.shutdown()
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success, "receive must return promptly")
        XCTAssertEqual(outcome.value, .contextTerminated)
        XCTAssertThrowsError(try context.socket(.pair))
        context.close()
    }

    func testCloseWaitsForOtherThreadToCloseItsSocket() throws {
        let context = try Context()
        let ready = DispatchSemaphore(value: 0)
        let outcome = Locked<ZMQError.Kind?>(nil)
        let worker = runOnThread {
            do {
                let socket = try context.socket(.rep)
                try socket.setReceiveTimeout(10_000)
                try socket.bind("inproc://context-close")
                ready.signal()
                _ = try socket.receive()  // zmq_ctx_term makes this fail with ETERM
            } catch let error as ZMQError {
                outcome.value = error.kind
            } catch {}
            // The socket is released (closed) here, which lets zmq_ctx_term finish.
        }
        XCTAssertEqual(ready.wait(timeout: .now() + 5), .success)
        let closer = runOnThread { context.close() }
        XCTAssertEqual(closer.wait(timeout: .now() + 5), .success, "close must not hang")
        XCTAssertEqual(worker.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(outcome.value, .contextTerminated)
    }
}
