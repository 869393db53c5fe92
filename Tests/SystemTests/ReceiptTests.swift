import Foundation
import TaizhangTesting
import XCTest

/// The office's receipt, its own report and the bureau's export all cite the same
/// (entries, chain) pair once the hub holds the ledger.
final class ReceiptTests: XCTestCase {
    func testReportExportAndStatusCiteTheSameLedger() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        try agent.recordDay("GS-01")
        try agent.ok(["sync"])
        let confirmed = try XCTUnwrap((try agent.status()["sync"] as? [String: Any])?["confirmedChain"] as? String)
        let month = String(try XCTUnwrap(try agent.status()["sync"] as? [String: Any])["confirmedAt"] as? String ?? "").prefix(7)

        let report = try agent.program.run(["report", "--month", String(month), "--format", "json", "--out", "-"])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stderr.contains("entries 1–5 of this office's ledger, chain \(confirmed)"), report.stderr)
        let office = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        let officeBranch = try XCTUnwrap((office?["branches"] as? [[String: Any]])?.first)
        XCTAssertEqual(officeBranch["entries"] as? Int, 5)
        XCTAssertEqual(officeBranch["chain"] as? String, confirmed)

        // An export without --as-of cuts a moment in the past: wait until it covers the sync.
        var exported: [String: Any] = [:]
        try bureau.eventually("the export covers the five entries", timeout: 60) {
            let export = try bureau.hub.run(["export", "--month", String(month), "--format", "json", "--out", "-"])
            XCTAssertEqual(export.status, 0, export.stderr)
            let bureauReport = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
            exported = (bureauReport?["branches"] as? [[String: Any]])?.first { $0["branch"] as? String == "sanchang" } ?? [:]
            return exported["entries"] as? Int == 5
        }
        XCTAssertEqual(exported["entries"] as? Int, 5)
        XCTAssertEqual(exported["chain"] as? String, confirmed, "the export covers exactly the office's ledger")
    }
}
