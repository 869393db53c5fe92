import Foundation
import TaizhangTesting
import XCTest

/// Runs the built `taizhang-agent` as a real process against one ledger folder.
struct AgentCLI {
    typealias Result = Program.Result

    static let hubKey = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"
    let data: String

    static func scratch(_ test: XCTestCase) -> String { scratchDirectory("taizhang-e2e") { test.addTeardownBlock($0) } }

    /// A new ledger folder with an initialised ledger.
    static func initialised(_ test: XCTestCase, file: StaticString = #filePath, line: UInt = #line) throws -> AgentCLI {
        let cli = AgentCLI(data: scratch(test))
        let result = try cli.run(["init", "--branch", "sanchang", "--name", "三厂分局", "--hub", "tcp://127.0.0.1:7447", "--hub-key", hubKey])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return cli
    }

    /// Runs `arguments` with the ledger folder given through the environment.
    func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> Result {
        try Program("taizhang-agent", environment: ["TAIZHANG_AGENT_DATA": data]).run(arguments, timeout: timeout)
    }
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
