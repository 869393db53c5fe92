import Foundation
import HubKit
import HubWeb
import HummingbirdBcrypt
import Synchronization
import TaizhangCore
import TaizhangTesting
import XCTest

/// A hub with one office in every state, three operators (one per role) and a clock the test
/// can move, for the dashboard's tests.
final class WebFixture: @unchecked Sendable {
    let directory: HubDirectory
    let database: HubDatabase
    let clock: Clock
    /// The month and as-of of the one export issued.
    var exported: (month: YearMonth, asOf: Timestamp) = (YearMonth(year: 2000, month: 1)!, Timestamp(millisecondsSinceEpoch: 0))
    static let password = "correct horse battery"
    static let roles: [(login: String, role: Operator.Role)] = [("wang", .viewer), ("li", .operator), ("zhao", .admin)]

    /// A settable clock shared by the fixture and the dashboard.
    final class Clock: Sendable {
        let value: Mutex<Timestamp>
        init(_ start: Timestamp) { value = Mutex(start) }
        var now: Timestamp { value.withLock { $0 } }
        func advance(minutes: Int64) { value.withLock { $0 = Timestamp(millisecondsSinceEpoch: $0.millisecondsSinceEpoch + minutes * 60_000) } }
    }

    init(testCase: XCTestCase, now: Timestamp = .now()) throws {
        let path = scratchDirectory("taizhang-web") { cleanup in testCase.addTeardownBlock(cleanup) }
        directory = HubDirectory(path: path + "/hub")
        _ = try directory.create()
        database = try directory.open()
        clock = Clock(now)
        let minutes = { (m: Int64) in Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + m * 60_000) }
        let names = ["dongcheng": "东城分局", "nancheng": "南城分局", "sanchang": "三厂分局", "xicun": "西村分局", "beiguan": "北关分局"]
        for (index, id) in names.keys.sorted().enumerated() {
            try database.enroll(branch: id, name: names[id]!, publicKey: Self.key(UInt8(index + 1)), at: minutes(-60 * 24 * 90))
        }
        // sanchang: current, with entries.
        _ = try database.hello(branch: "sanchang", incarnation: "i-sanchang", agentLastSeq: 4, at: minutes(-5))
        _ = try database.ingest(branch: "sanchang", entries: Self.entries(branch: "sanchang", start: 1), at: minutes(-5))
        // nancheng: behind (entries waiting).
        _ = try database.hello(branch: "nancheng", incarnation: "i-nancheng", agentLastSeq: 4, at: minutes(-3))
        _ = try database.ingest(branch: "nancheng", entries: Array(Self.entries(branch: "nancheng", start: 1).prefix(2)), at: minutes(-3))
        _ = try database.heard(branch: "nancheng", agentLastSeq: 9, at: minutes(-2))
        // xicun: silent for three days.
        _ = try database.hello(branch: "xicun", incarnation: "i-xicun", agentLastSeq: 0, at: minutes(-60 * 72))
        // dongcheng: flagged (a ledger restored from an older backup).
        _ = try database.hello(branch: "dongcheng", incarnation: "i-dongcheng", agentLastSeq: 4, at: minutes(-10))
        _ = try database.ingest(branch: "dongcheng", entries: Self.entries(branch: "dongcheng", start: 1), at: minutes(-10))
        _ = try database.hello(branch: "dongcheng", incarnation: "i-dongcheng", agentLastSeq: 1, at: minutes(-9))
        // beiguan: revoked.
        try database.revoke(branch: "beiguan", at: minutes(-60))
        // One export issued, of the month before this one.
        let lastMonth = BureauTimeZone.default.date(at: minutes(-60 * 24 * 31)).yearMonth
        let report = try database.monthlyReport(month: lastMonth, asOf: nil, timeZone: .default)
        try database.recordExport(report, issuedAt: now)
        exported = (lastMonth, report.asOf)
        for person in Self.roles {
            try database.addOperator(login: person.login, role: person.role, passwordHash: Bcrypt.hash(Self.password, cost: 4), at: now)
        }
    }

    func source() throws -> DashboardSource {
        let clock = self.clock
        return try DashboardSource(directory: directory, config: nil, now: { clock.now })
    }

    static func key(_ n: UInt8) -> String {
        // A valid Z85 text of 32 bytes (40 characters); the hub only stores it here.
        String(repeating: "0", count: 39) + String(UnicodeScalar(UInt8(ascii: "a") + n))
    }

    static func entries(branch: String, start: Int64) -> [Entry] {
        let today = BureauTimeZone.default.date()
        let drafts = [
            EntryDraft(material: .board, action: .install, item: "B-01", details: EntryDetails(location: "大厅", standard: true), occurredOn: today, clerk: "王"),
            EntryDraft(material: .board, action: .install, item: "B-02", details: EntryDetails(location: "二楼", standard: false), occurredOn: today, clerk: "王"),
            EntryDraft(material: .card, action: .receive, quantity: 1000, occurredOn: today, clerk: "王"),
            EntryDraft(material: .card, action: .distribute, quantity: 200, details: EntryDetails(channel: "集市"), occurredOn: today, clerk: "王"),
        ]
        return drafts.enumerated().map { index, draft in
            draft.entry(branch: branch, seq: start + Int64(index), recordedAt: Timestamp(millisecondsSinceEpoch: Timestamp.now().millisecondsSinceEpoch - 3_600_000 + Int64(index) * 1000))
        }
    }
}
