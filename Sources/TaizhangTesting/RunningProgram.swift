import Foundation

/// A long-running process whose stdout is read line by line (for its ready signal) and
/// whose stderr is kept for failure messages. Killed and reaped when released, on every
/// path out of a test (a failed assertion, a thrown error, a timeout): the output handlers
/// hold only the collected output, never the program, so releasing it ends the process.
public final class RunningProgram: @unchecked Sendable {
    // Safe: `process` is set once in init; `output` guards its own state.
    private let process: Process
    private let output = CollectedOutput()

    init(process: Process) throws {
        self.process = process
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [output] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            output.addStandardOutput(data)
        }
        err.fileHandleForReading.readabilityHandler = { [output] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            output.addStandardError(data)
        }
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            _ = waitForExit(timeout: 30)
        }
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }
    public var stderr: String { output.errors }
    /// Every complete stdout line so far.
    public var lines: [String] { output.lines }

    /// Waits for a stdout line starting with `prefix`; returns the rest of it.
    public func waitForLine(startingWith prefix: String, timeout: TimeInterval = 60) throws -> String {
        do {
            return try output.waitForLine(startingWith: prefix, timeout: timeout)
        } catch let failure as Failure {
            // Ended early: say how, with all it wrote to stderr (drained once it has exited).
            guard output.hasEnded, waitForExit(timeout: 5) else { throw failure }
            throw Failure(message: "exited with status \(process.terminationStatus) before printing '\(prefix)': \(output.errors)")
        }
    }

    /// Sends `signal` and waits for the process to end; returns its exit status. Past
    /// `timeout` it is killed (and reaped) and the wait throws.
    @discardableResult
    public func stop(_ signal: Int32 = SIGTERM, timeout: TimeInterval = 30) throws -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        guard waitForExit(timeout: timeout) else {
            kill(process.processIdentifier, SIGKILL)
            _ = waitForExit(timeout: 30)
            throw Failure(message: "did not stop within \(timeout) s after signal \(signal)")
        }
        return process.terminationStatus
    }

    /// Waits for the process to end by itself; false if it is still running after `timeout`.
    public func waitForExit(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else { return false }
            usleep(5_000)
        }
        return true
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }
}

/// What a running program printed: whole stdout lines and the tail of stderr.
final class CollectedOutput: @unchecked Sendable {
    // Safe: every property is read and written under `lock`.
    private let lock = NSCondition()
    private var collectedLines: [String] = []
    private var collectedErrors = ""
    private var partial = ""
    private var ended = false

    var lines: [String] { lock.withLock { collectedLines } }
    var hasEnded: Bool { lock.withLock { ended } }
    var errors: String { lock.withLock { collectedErrors } }

    func addStandardOutput(_ data: Data) {
        lock.lock()
        defer { lock.broadcast(); lock.unlock() }
        guard !data.isEmpty else { ended = true; return }
        partial += String(decoding: data, as: UTF8.self)
        while let newline = partial.firstIndex(of: "\n") {
            collectedLines.append(String(partial[..<newline]))
            partial = String(partial[partial.index(after: newline)...])
        }
    }

    func addStandardError(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        collectedErrors += String(decoding: data, as: UTF8.self)
        if collectedErrors.count > 200_000 { collectedErrors = String(collectedErrors.suffix(100_000)) }
    }

    func waitForLine(startingWith prefix: String, timeout: TimeInterval) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let line = collectedLines.first(where: { $0.hasPrefix(prefix) }) { return String(line.dropFirst(prefix.count)) }
            if ended { throw RunningProgram.Failure(message: "exited before printing '\(prefix)': \(collectedErrors)") }
            guard lock.wait(until: deadline) else {
                throw RunningProgram.Failure(message: "no '\(prefix)' within \(timeout) s: \(collectedErrors)")
            }
        }
    }
}
