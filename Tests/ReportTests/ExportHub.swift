import Foundation
import GRDB
import HubKit
import TaizhangCore
import TaizhangReport
import XCTest
import ZeroMQ

/// A fresh hub database for a test, with a clock of its own: the hub counts as created at a
/// fixed instant (`createdAt`, just after the golden ledger's last day), and the test moves
/// the clock on from there, so no figure depends on the day the suite runs.
final class ExportHub {
    static let createdAt = Timestamp(millisecondsSinceEpoch: 1_796_083_200_000)  // 2026-12-01T00:00:00Z

    let directory: String
    let database: HubDatabase
    let created: Timestamp
    /// Passed as `now` to exports: far enough ahead that every as-of of a test is past.
    let now: Timestamp

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/hub.sqlite"
        _ = try HubDatabase(creatingAt: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE hub_fact SET value = ? WHERE name = 'created_at'",
                           arguments: [Self.createdAt.millisecondsSinceEpoch])
        }
        database = try HubDatabase(openingAt: path)
        created = try database.createdAt()
        now = Timestamp(millisecondsSinceEpoch: created.millisecondsSinceEpoch + 366 * 86_400_000)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// `minutes` after the hub's creation, on a whole second.
    func at(minutes: Int64, seconds: Int64 = 0) -> Timestamp {
        ReportPeriod.wholeSecond(Timestamp(millisecondsSinceEpoch: created.millisecondsSinceEpoch + 60_000 * (minutes + 1) + seconds * 1000))
    }

    func enrol(_ branch: String, name: String? = nil, key: UInt8) throws {
        try database.enroll(branch: branch, name: name ?? "\(branch)分局", publicKey: Self.key(key), at: at(minutes: 0))
    }

    /// Delivers `entries` as one batch at `time`, after a HELLO saying the office holds `agentLastSeq`.
    func deliver(_ branch: String, _ entries: [Entry], at time: Timestamp, agentLastSeq: Int64? = nil) throws {
        if let agentLastSeq {
            _ = try database.hello(branch: branch, incarnation: "inc-\(branch)", agentLastSeq: agentLastSeq, at: time)
        }
        let reply = try database.ingest(branch: branch, entries: entries, at: time)
        // A refused ingest is the product failing: the test must fail, never skip.
        guard case .ack = reply else { throw IngestRefused(reply: "\(reply)") }
    }

    func report(_ month: String, asOf: Timestamp?, zone: BureauTimeZone = .default) throws -> MonthlyReport {
        try database.monthlyReport(month: YearMonth(month)!, asOf: asOf, timeZone: zone, now: now)
    }

    struct IngestRefused: Error, CustomStringConvertible {
        let reply: String
        var description: String { "the hub refused an ingest the test expected it to store: \(reply)" }
    }

    /// A valid CURVE public key (Z85 of 32 equal bytes).
    static func key(_ n: UInt8) -> String { Z85.encode([UInt8](repeating: n, count: 32))! }
}

/// The rows the shared code makes from `entries` directly: what the hub's export of the
/// same entries must show.
func replayedRows(_ entries: [String: [Entry]], month: YearMonth) -> [ReportRow] {
    var positions: [String: [Material: MaterialPosition]] = [:]
    for (branch, list) in entries {
        var replay = LedgerReplay()
        for entry in list {
            guard let step = replay.apply(entry) else { continue }
            positions[branch, default: [:]][step.material, default: MaterialPosition()].add(step.movement, in: step.month, reporting: month)
        }
    }
    let standings = entries.keys.map { BranchStanding(id: $0, name: "", complete: true, lastEntryAt: nil, entries: 0) }
    return MonthlyReport(month: month, asOf: Timestamp(millisecondsSinceEpoch: 0), timeZone: "UTC", scope: .bureau,
                         branches: standings, positions: positions, earlier: nil).rows
}
