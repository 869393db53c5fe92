import Foundation

/// A long-running process whose stdout is read line by line (for its ready signal) and
/// whose stderr is kept for failure messages. Killed when released.
public final class RunningProgram: @unchecked Sendable {
    // Safe: `lines` and `errors` are guarded by `lock`; the rest is set once in init.
    private let process: Process
    private let lock = NSCondition()
    private var lines: [String] = []
    private var errors = ""
    private var ended = false
    private var partial = ""

    init(process: Process) throws {
        self.process = process
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [lock] handle in
            let data = handle.availableData
            lock.lock()
            defer { lock.broadcast(); lock.unlock() }
            if data.isEmpty {
                self.ended = true
                handle.readabilityHandler = nil
                return
            }
            self.partial += String(decoding: data, as: UTF8.self)
            while let newline = self.partial.firstIndex(of: "\n") {
                self.lines.append(String(self.partial[..<newline]))
                self.partial = String(self.partial[self.partial.index(after: newline)...])
            }
        }
        err.fileHandleForReading.readabilityHandler = { [lock] handle in
            let data = handle.availableData
            lock.lock()
            defer { lock.unlock() }
            if data.isEmpty {
                handle.readabilityHandler = nil
                return
            }
            self.errors += String(decoding: data, as: UTF8.self)
            if self.errors.count > 200_000 { self.errors = String(self.errors.suffix(100_000)) }
        }
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }
    public var stderr: String { lock.withLock { errors } }

    /// Waits for a stdout line starting with `prefix`; returns the rest of it.
    public func waitForLine(startingWith prefix: String, timeout: TimeInterval = 60) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let line = lines.first(where: { $0.hasPrefix(prefix) }) { return String(line.dropFirst(prefix.count)) }
            if ended { throw Failure(message: "exited before printing '\(prefix)': \(errors)") }
            guard lock.wait(until: deadline) else { throw Failure(message: "no '\(prefix)' within \(timeout) s: \(errors)") }
        }
    }

    /// Sends `signal` and waits for the process to end; returns its exit status.
    @discardableResult
    public func stop(_ signal: Int32 = SIGTERM, timeout: TimeInterval = 30) throws -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else {
                kill(process.processIdentifier, SIGKILL)
                throw Failure(message: "did not stop within \(timeout) s after signal \(signal)")
            }
            usleep(10_000)
        }
        return process.terminationStatus
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }
}
