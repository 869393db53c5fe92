import Foundation
import XCTest

/// Several clerks on one PC record at the same instant: no seq is shared, none is lost.
final class ConcurrentClerksTests: XCTestCase {
    func testParallelProcessesGetGaplessSequenceNumbers() throws {
        let cli = try AgentCLI.initialised(self)
        let processes = 4, perProcess = 25
        let failures = FailureLog()
        DispatchQueue.concurrentPerform(iterations: processes) { worker in
            for index in 0..<perProcess {
                do {
                    let result = try cli.run(["card", "receive", "--quantity", "\(worker + 1)", "--batch", "w\(worker)-\(index)"])
                    if result.status != 0 { failures.add("worker \(worker): \(result.stderr)") }
                } catch {
                    failures.add("worker \(worker): \(error)")
                }
            }
        }
        XCTAssertEqual(failures.messages, [])
        let log = try cli.json(["log", "--json"]) as? [[String: Any]] ?? []
        XCTAssertEqual(log.compactMap { $0["seq"] as? Int }, Array(1...(processes * perProcess)))
        XCTAssertEqual(Set(log.compactMap { $0["batch"] as? String }).count, processes * perProcess)
        let status = try cli.json(["status", "--json"]) as? [String: Any]
        let card = (status?["inventory"] as? [String: [String: Int]])?["card"]
        XCTAssertEqual(card?["received"], (1...processes).reduce(0) { $0 + $1 * perProcess })
    }
}

/// Collects failures from concurrent workers.
final class FailureLog: @unchecked Sendable {
    // Safe: every access holds the lock.
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ message: String) { lock.withLock { stored.append(message) } }
    var messages: [String] { lock.withLock { stored } }
}
