import Dispatch
import Foundation
import Synchronization

/// Serves ZAP requests on a dedicated thread with a REP socket on `zapEndpoint`; thread-safe
/// (`start`/`stop` may be called from any thread, but not from inside `authenticate`).
///
/// Start it BEFORE any CURVE server socket of the same context binds: with no handler bound,
/// libzmq 4.3 lets every CURVE client in. Only one handler can be bound per context.
public final class ZAPHandler: Sendable {
    public let context: Context
    private let pollInterval: Int
    private let authenticate: @Sendable (ZAPRequest) -> ZAPDecision
    private let current: Mutex<Run?>

    /// State shared with one run of the handler thread (kept out of `self` so `deinit` can run).
    private final class Run: Sendable {
        let stopRequested = Atomic<Bool>(false)
        let exited = Atomic<Bool>(false)
        let ready = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let startError = Mutex<ZMQError?>(nil)
    }

    /// - Parameters:
    ///   - pollInterval: ms between checks of the stop flag; bounds how long `stop()` waits.
    ///   - authenticate: called on the handler thread for each well-formed request.
    public init(
        context: Context, pollInterval: Int = 100,
        authenticate: @escaping @Sendable (ZAPRequest) -> ZAPDecision
    ) {
        self.context = context
        self.pollInterval = pollInterval
        self.authenticate = authenticate
        self.current = Mutex(nil)
    }

    deinit {
        stop()
    }

    /// Whether the handler thread is serving requests.
    public var isRunning: Bool {
        current.withLock { run in run.map { !$0.exited.load(ordering: .acquiring) } ?? false }
    }

    /// Starts the thread and returns once its socket is bound (so CURVE servers may bind next).
    /// Does nothing if already started. Throws if the bind fails, e.g. EADDRINUSE when another
    /// handler is bound in this context.
    public func start() throws(ZMQError) {
        try current.withLock { (current) throws(ZMQError) in
            guard current == nil else { return }
            let run = Run()
            let thread = Thread { [context, pollInterval, authenticate] in
                Self.serve(context: context, run: run, pollInterval: pollInterval, authenticate: authenticate)
            }
            thread.name = "ZAPHandler"
            thread.start()
            run.ready.wait()
            if let error = run.startError.withLock({ $0 }) {
                run.finished.wait()
                throw error
            }
            current = run
        }
    }

    /// Asks the thread to stop and waits (at most about `pollInterval` ms) until its socket is closed.
    /// Idempotent.
    public func stop() {
        guard let run = current.withLock({ current -> Run? in
            defer { current = nil }
            return current
        }) else { return }
        run.stopRequested.store(true, ordering: .releasing)
        run.finished.wait()
    }

    /// The handler thread's body: owns the REP socket from creation to close.
    private static func serve(
        context: Context, run: Run, pollInterval: Int,
        authenticate: @Sendable (ZAPRequest) -> ZAPDecision
    ) {
        defer {
            run.exited.store(true, ordering: .releasing)
            run.finished.signal()
        }
        let socket: Socket
        do {
            socket = try Socket(context: context, type: .rep)
            try socket.bind(zapEndpoint)
        } catch {
            run.startError.withLock { $0 = error }
            run.ready.signal()
            return
        }
        run.ready.signal()
        defer {
            // Unbinding an inproc endpoint frees it at once; closing alone frees it later, on
            // libzmq's reaper thread, so a handler started right after `stop` could find it taken.
            try? socket.unbind(zapEndpoint)
            socket.close()
        }

        while !run.stopRequested.load(ordering: .acquiring) {
            let ready: [PollEvents]
            do {
                ready = try Poller.poll([PollItem(socket, .readable)], timeout: pollInterval)
            } catch {
                return  // ETERM (context shut down) or a broken socket: nothing more to serve.
            }
            guard ready[0].contains(.readable) else { continue }
            do {
                // A REP socket must answer every request, even a malformed one, to stay usable.
                let reply: ZAPReply
                do {
                    guard let message = try socket.receive(dontWait: true, maxFrames: 16) else { continue }
                    reply = Self.reply(to: message.frames, authenticate: authenticate)
                } catch let error where error.kind != .contextTerminated {
                    guard case .tooManyFrames = error.kind else { continue }
                    reply = ZAPReply(requestId: [], statusCode: .internalError, statusText: "Malformed request")
                }
                _ = try socket.send(reply.frames)
            } catch {
                if error.kind == .contextTerminated { return }
            }
        }
    }

    private static func reply(
        to frames: [[UInt8]], authenticate: @Sendable (ZAPRequest) -> ZAPDecision
    ) -> ZAPReply {
        do {
            let request = try ZAPRequest(frames: frames)
            return ZAPReply(request: request, decision: authenticate(request))
        } catch {
            return ZAPReply(
                requestId: frames.count > 1 ? frames[1] : [], statusCode: .internalError,
                statusText: "Malformed request: \(error)")
        }
    }
}
