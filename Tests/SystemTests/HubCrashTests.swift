import AgentKit
import Foundation
import GRDB
import TaizhangCore
import TaizhangTesting
import XCTest

/// The hub is killed with SIGKILL again and again while three agents stream their backlogs;
/// in the end it holds every entry exactly once and its totals equal the agents' ledgers.
final class HubCrashTests: XCTestCase {
    func testHubKilledRepeatedlyDuringMultiAgentSync() throws {
        let bureau = try TestBureau(self)
        let branches = ["dongzhou", "xizhou", "nanzhou"]
        var agents: [TestAgent] = []
        for (index, branch) in branches.enumerated() {
            let agent = try bureau.addAgent(branch)
            try Self.fillLedger(agent, entries: 20_000, seed: UInt64(index + 1))
            agents.append(agent)
        }
        let daemons = try agents.map { try $0.program.start(["run"]) }
        // Progress read straight from the hub's database (a WAL reader), every millisecond, so
        // each kill lands at its fraction of the transfer whatever the build's speed.
        let reader = try DatabaseQueue(path: bureau.databasePath)
        func held() throws -> Int { try reader.read { try Int.fetchOne($0, sql: "SELECT SUM(held_seq) FROM branch") ?? 0 } }
        for fraction in [0.25, 0.5, 0.75] {
            let target = Int(Double(60_000) * fraction)
            let deadline = Date().addingTimeInterval(120)
            while try held() < target {
                guard Date() < deadline else { return XCTFail("the hub never reached \(target) entries") }
                usleep(1_000)
            }
            XCTAssertEqual(try bureau.stopHub(SIGKILL), SIGKILL)
            let atKill = try held()
            XCTAssertLessThan(atKill, 60_000, "the kill at \(fraction) landed mid-transfer")
            try bureau.startHub()
        }
        try bureau.eventually("every branch is complete", timeout: 300) { try held() == 60_000 }
        for daemon in daemons { XCTAssertEqual(try daemon.stop(SIGTERM), 0, daemon.stderr) }
        for agent in agents {
            XCTAssertEqual(try bureau.inventory(of: agent.branch), try agent.inventory(), agent.branch)
        }
        let rows = try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT branch, COUNT(*), MIN(seq), MAX(seq) FROM entry GROUP BY branch ORDER BY branch")
        }
        XCTAssertEqual(rows.map { $0[0] as String }, branches.sorted())
        for row in rows {
            XCTAssertEqual(row[1] as Int, 20_000)
            XCTAssertEqual(row[2] as Int, 1)
            XCTAssertEqual(row[3] as Int, 20_000)
        }
    }

    /// A realistic backlog recorded straight through the agent library (a clerk's weeks
    /// offline), so the test spends its time on delivery rather than on start-ups.
    static func fillLedger(_ agent: TestAgent, entries: Int, seed: UInt64) throws {
        let database = try AgentDatabase(openingAt: agent.ledgerPath)
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        var onHand: Int64 = 0
        var recorded = 0
        var tag = 0
        while recorded < entries {
            var drafts: [EntryDraft] = []
            for index in 0..<min(5000, entries - recorded) {
                // Dated in order over the year: stock is judged on each entry's date.
                let date = CivilDate(daysSinceEpoch: CivilDate("2008-01-01")!.daysSinceEpoch + (recorded + index) * 365 / max(1, entries))
                if next() % 50 == 0 {
                    tag += 1
                    drafts.append(EntryDraft(material: .board, action: .install, item: "T\(tag)",
                                             details: EntryDetails(location: "厅", standard: next() % 4 != 0),
                                             occurredOn: date, clerk: "fill"))
                } else if onHand < 100 || next() % 3 == 0 {
                    let quantity = Int64(next() % 500) + 100
                    onHand += quantity
                    drafts.append(EntryDraft(material: .card, action: .receive, quantity: quantity, occurredOn: date, clerk: "fill"))
                } else {
                    let quantity = Int64(next() % UInt64(onHand)) + 1
                    onHand -= quantity
                    drafts.append(EntryDraft(material: .card, action: .distribute, quantity: quantity,
                                             details: EntryDetails(channel: "窗口"), occurredOn: date, clerk: "fill"))
                }
            }
            try database.record(drafts)
            recorded += drafts.count
        }
    }
}
