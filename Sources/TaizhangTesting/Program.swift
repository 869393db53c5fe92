import Foundation

/// One of the built executables, run as a real process by the end-to-end tests.
public struct Program: Sendable {
    public let path: String
    public let environment: [String: String]

    /// The executables sit next to the test bundle (override with $TAIZHANG_BIN_DIR).
    public init(_ name: String, environment: [String: String] = [:]) {
        let directory = ProcessInfo.processInfo.environment["TAIZHANG_BIN_DIR"] ?? Bundle.main.bundleURL.path
        self.init(executable: directory + "/" + name, environment: environment)
    }

    /// Any executable, by its path.
    public init(executable path: String, environment: [String: String] = [:]) {
        self.path = path
        self.environment = environment
    }

    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public struct TimedOut: Error, CustomStringConvertible {
        public let arguments: [String]
        public var description: String { "timed out: \(arguments.joined(separator: " "))" }
    }

    /// Runs to completion; a hang past `timeout` seconds kills it and throws.
    public func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> Result {
        let process = try configured(arguments)
        let out = try TemporaryOutput(), err = try TemporaryOutput()
        process.standardOutput = out.handle
        process.standardError = err.handle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            throw TimedOut(arguments: arguments)
        }
        return Result(status: process.terminationStatus, stdout: try out.text(), stderr: try err.text())
    }

    /// Starts a long-running command (a hub, an agent daemon).
    public func start(_ arguments: [String]) throws -> RunningProgram {
        try RunningProgram(process: configured(arguments))
    }

    func configured(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        return process
    }
}

/// A file that collects a process's output, removed when done.
final class TemporaryOutput {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-out-\(UUID().uuidString)")
    let handle: FileHandle

    init() throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
    }

    func text() throws -> String { try String(contentsOf: url, encoding: .utf8) }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }
}

/// A fresh folder path under /tmp; `removeAfter` receives the clean-up (pass a test's
/// `addTeardownBlock`). Kept free of XCTest so release builds of the package still link.
public func scratchDirectory(_ name: String = "taizhang", removeAfter register: (@escaping @Sendable () -> Void) -> Void) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
    register { try? FileManager.default.removeItem(atPath: path) }
    return path
}
