import Foundation
import TaizhangTesting
import XCTest

/// The acceptance test of docs/PROTOCOL.md: an independent implementation of the agent's side,
/// written from the document alone (Python and pyzmq, `Tests/Interop`), runs its named checks
/// against a real hub and agent — it interoperates and sees exactly the refusals and flags the
/// document promises. Every check must pass.
final class InteropTests: XCTestCase {
    func testAnIndependentAgentWrittenFromTheDocumentSeesWhatItPromises() throws {
        let python = try RequiredPart.locate("python3", at: ["python3"], package: "python3") { XCTSkip($0) }
        let probe = try Program(executable: python).run(["-c", "import zmq; assert zmq.has('curve')"])
        if probe.status != 0 {
            try RequiredPart.unavailable("the Python module pyzmq (with CURVE) is not installed (python3 -m pip install pyzmq)") { XCTSkip($0) }
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Interop/run_checks.py").path
        let binaries = URL(fileURLWithPath: Program("taizhang-hub").path).deletingLastPathComponent().path
        let result = try Program(executable: python).run([script, "--bin", binaries], timeout: 600)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let failures = lines.filter { $0.hasPrefix("FAIL") }
        XCTAssertEqual(failures, [], "checks that failed")
        XCTAssertEqual(result.status, 0, "run_checks.py: " + String(result.stdout.suffix(2000)) + String(result.stderr.suffix(2000)))
        let summary = lines.last { $0.contains(" checks: ") } ?? ""
        XCTAssertTrue(summary.contains(" 0 failed"), summary)
        XCTAssertGreaterThan(lines.filter { $0.hasPrefix("PASS") }.count, 150, "the whole harness ran: \(summary)")
        print("interop: \(summary)")
    }
}
