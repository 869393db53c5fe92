import CZeroMQ
import Synchronization

/// A libzmq context; thread-safe (libzmq contexts are), so it is `Sendable` and may be shared freely.
///
/// Every `Socket` keeps its context alive, so the context is only terminated in `deinit`
/// once all its sockets are gone. `close()` terminates it explicitly: like zmq_ctx_term it
/// blocks until every socket of the context is closed, so close sockets (with linger 0, the
/// wrapper's default) first, or call `shutdown()` to make blocked socket calls on other
/// threads fail with `.contextTerminated`.
public final class Context: Sendable {
    /// The raw zmq context pointer.
    // @unchecked Sendable: libzmq documents contexts as thread-safe, so the pointer may be used
    // from any thread; its lifetime is guarded by the Mutex in `Context`.
    struct Handle: @unchecked Sendable {
        let raw: UnsafeMutableRawPointer
    }

    // The handle lives behind a Mutex so `close()` racing with socket creation on another
    // thread can never hand a terminated (freed) context to libzmq.
    private struct State: ~Copyable {
        var handle: Handle?
    }
    private let state: Mutex<State>

    /// Creates a context with `ioThreads` background I/O threads.
    public init(ioThreads: Int = 1) throws(ZMQError) {
        guard let handle = zmq_ctx_new() else {
            throw ZMQError(operation: "zmq_ctx_new", errno: zmq_errno())
        }
        if ioThreads != 1 {
            guard let threads = Int32(exactly: ioThreads), threads >= 0 else {
                zmq_ctx_term(handle)
                throw .invalidArgument("zmq_ctx_set", "ioThreads out of range: \(ioThreads)")
            }
            do {
                try zmqCheck("zmq_ctx_set(ZMQ_IO_THREADS)") { zmq_ctx_set(handle, ZMQ_IO_THREADS, threads) }
            } catch {
                zmq_ctx_term(handle)
                throw error
            }
        }
        state = Mutex(State(handle: Handle(raw: handle)))
    }

    deinit {
        close()
    }

    /// Whether `close()` has been called.
    public var isClosed: Bool {
        state.withLock { $0.handle == nil }
    }

    /// Makes every blocking call on this context's sockets (on any thread) fail with
    /// `.contextTerminated`, and makes new sockets fail likewise. Does not block. Idempotent.
    public func shutdown() {
        state.withLock { state in
            guard let handle = state.handle else { return }
            // Only fails with EFAULT for an invalid handle, which cannot happen here.
            _ = zmq_ctx_shutdown(handle.raw)
        }
    }

    /// Terminates the context (zmq_ctx_term). Blocks until all sockets of the context are
    /// closed and their lingering messages sent or dropped; returns at once if sockets were
    /// closed with linger 0. Idempotent; later socket creation throws.
    public func close() {
        // Take the handle out under the lock but terminate outside it: zmq_ctx_term may wait
        // for other threads to close sockets, and those must still be able to call shutdown().
        let handle = state.withLock { state -> Handle? in
            defer { state.handle = nil }
            return state.handle
        }
        guard let handle else { return }
        // zmq_ctx_term documents EINTR as "call again"; EFAULT cannot happen for a valid handle.
        while zmq_ctx_term(handle.raw) != 0 && zmq_errno() == czmq_eintr() {}
    }

    /// Creates a socket of `type` in this context. Same as `Socket(context:type:)`.
    public func socket(_ type: SocketType) throws(ZMQError) -> Socket {
        try Socket(context: self, type: type)
    }

    /// Runs `body` with the live handle, under the lock so the context cannot be terminated meanwhile.
    func withHandle<T>(
        _ operation: String, _ body: (Handle) throws(ZMQError) -> T
    ) throws(ZMQError) -> T {
        try state.withLock { (state) throws(ZMQError) -> T in
            guard let handle = state.handle else {
                throw ZMQError(
                    kind: .contextTerminated, operation: operation, errno: czmq_eterm(),
                    reason: "context already closed")
            }
            return try body(handle)
        }
    }
}
