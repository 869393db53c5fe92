import Foundation
import TaizhangTesting
import XCTest

/// The acceptance test of docs/PROTOCOL.md: an independent implementation of the agent's side,
/// written from the document alone (Python and pyzmq, `Tests/Interop`), runs its named checks
/// against a real hub and agent — it interoperates and sees exactly the refusals and flags the
/// document promises. Every check must pass.
final class InteropTests: XCTestCase {
    func testAnIndependentAgentWrittenFromTheDocumentSeesWhatItPromises() throws {
        try runHarness("run_checks.py", atLeast: 150)
    }

    /// The document's "Entry rules", checked by the same independent agent.
    func testTheEntryRulesAreTheDocumentsAtTheHub() throws {
        try runHarness("rules_checks.py", atLeast: 19)
    }

    private func runHarness(_ name: String, atLeast passes: Int) throws {
        let python = try RequiredPart.locate("python3", at: ["python3"], package: "python3") { XCTSkip($0) }
        let probe = try Program(executable: python).run(["-c", "import zmq; assert zmq.has('curve')"])
        if probe.status != 0 {
            try RequiredPart.unavailable("the Python module pyzmq (with CURVE) is not installed (python3 -m pip install pyzmq)") { XCTSkip($0) }
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Interop/" + name).path
        let binaries = URL(fileURLWithPath: Program("taizhang-hub").path).deletingLastPathComponent().path
        let result = try Program(executable: python).run([script, "--bin", binaries], timeout: 600)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.hasPrefix("FAIL") }, [], "checks that failed")
        XCTAssertEqual(result.status, 0, name + ": " + String(result.stdout.suffix(2000)) + String(result.stderr.suffix(2000)))
        XCTAssertGreaterThanOrEqual(lines.filter { $0.hasPrefix("PASS") }.count, passes, "the whole harness ran")
        print("interop \(name): \(lines.filter { $0.hasPrefix("PASS") }.count) checks passed")
    }
}
