import Foundation
import HubKit
import Synchronization
import TaizhangCore

/// `serve`'s heartbeat beside a web case: a connection of its own writing the heartbeat once a
/// second (`serve` writes it every five), so the pages are timed while the database keeps
/// changing under them the way it does in service.
final class HeartbeatWriter: Sendable {
    private let stopped = Atomic<Bool>(false)
    private let written = Atomic<Int>(0)
    private let failure = Mutex<String?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(databasePath: String) throws {
        let database = try HubDatabase(openingAt: databasePath)
        let started = Timestamp.now()
        let thread = Thread { [self] in
            defer { done.signal() }
            while !stopped.load(ordering: .acquiring) {
                do {
                    try database.noteHeartbeat(startedAt: started, at: .now())
                    written.add(1, ordering: .relaxed)
                } catch {
                    failure.withLock { $0 = "\(error)" }
                    return
                }
                // Pacing, not synchronisation: one beat a second.
                Thread.sleep(forTimeInterval: 1)
            }
        }
        thread.start()
    }

    /// Stops the writer; the number of heartbeats written, or the error that stopped it.
    func stop() throws -> Int {
        stopped.store(true, ordering: .releasing)
        done.wait()
        if let failure = failure.withLock({ $0 }) { throw ProcessFailure(description: "the heartbeat writer failed: \(failure)") }
        return written.load(ordering: .relaxed)
    }
}
