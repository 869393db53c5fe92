import Foundation
import XCTest

/// Runs the built `taizhang-agent` as a real process against one ledger folder.
struct AgentCLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let hubKey = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"
    let data: String

    /// The folder holding the test bundle holds the executables too.
    static var binary: String {
        if let dir = ProcessInfo.processInfo.environment["TAIZHANG_BIN_DIR"] { return dir + "/taizhang-agent" }
        return Bundle.main.bundleURL.appendingPathComponent("taizhang-agent").path
    }

    static func scratch(_ test: XCTestCase) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-e2e-\(UUID().uuidString)").path
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// A new ledger folder with an initialised ledger.
    static func initialised(_ test: XCTestCase, file: StaticString = #filePath, line: UInt = #line) throws -> AgentCLI {
        let cli = AgentCLI(data: scratch(test))
        let result = try cli.run(["init", "--branch", "sanchang", "--name", "三厂分局", "--hub", "tcp://127.0.0.1:7447", "--hub-key", hubKey])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return cli
    }

    /// Runs `arguments` with `--data` set through the environment; fails after `timeout`.
    func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TAIZHANG_AGENT_DATA"] = data
        process.environment = environment
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)")
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw TimedOut(arguments: arguments)
        }
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOf: outURL, encoding: .utf8),
                      stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    struct TimedOut: Error { let arguments: [String] }

    /// Runs and requires success; returns stdout.
    @discardableResult
    func ok(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stderr, "", file: file, line: line)
        return result.stdout
    }

    /// Everything the ledger shows, to compare before and after a refused command.
    func snapshot() throws -> String {
        let status = try run(["status", "--json"])
        let log = try run(["log", "--json"])
        return status.stdout + log.stdout
    }

    func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try ok(arguments).utf8))
    }
}
