import AgentKit
import Foundation
import HubKit
import TaizhangCore
import TaizhangReport
import XCTest

/// An office's own report has the same rows as the hub's export shows for that office.
final class AgentReportTests: XCTestCase {
    func testAgentRowsEqualTheHubsRowsForTheBranch() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-agent-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let setup = AgentSetup(branch: "sanchang", name: "三厂分局", hubEndpoint: "tcp://127.0.0.1:7447",
                               hubKey: "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7")
        let ledger = try setup.create(in: AgentDirectory(path: path)).database
        var generator = RandomLedger(seed: 31)
        // Only what the office's rules accept gets into its ledger.
        for entry in generator.entries(branch: "sanchang", count: 300) {
            _ = try? ledger.record(entry.draft)
        }
        let recorded = try ledger.outbox(after: 0, limit: 10_000)
        XCTAssertGreaterThan(recorded.count, 200)

        let hub = try ExportHub()
        try hub.enrol("sanchang", name: "三厂分局", key: 1)
        try hub.enrol("haimen", key: 2)
        try hub.deliver("sanchang", recorded, at: hub.at(minutes: 1))
        for month in ["2025-01", "2025-07", "2025-12"] {
            let office = try ledger.monthlyReport(month: YearMonth(month)!)
            let bureau = try hub.report(month, asOf: hub.at(minutes: 2))
            XCTAssertEqual(office.rows, bureau.rows.filter { $0.branch == "sanchang" }, month)
            XCTAssertEqual(office.branches.map(\.entries), [Int64(recorded.count)])
            XCTAssertTrue(office.isComplete)
            XCTAssertEqual(office.scope, .branch("sanchang"))
        }
        XCTAssertThrowsError(try ledger.monthlyReport(month: YearMonth("2099-01")!)) {
            guard case .futureMonth = $0 as? ReportError else { return XCTFail("\($0)") }
        }
    }
}
