import Foundation
import GRDB
import HubKit
import TaizhangCore
import XCTest

/// The hub's report settings: stored by a named migration, set and cleared together or not
/// at all, refused with one sentence, laid under the TOML file's; and the concerns an export
/// names (open flags, revoked offices) as of its as-of.
final class ReportSettingsTests: XCTestCase {
    func testSettingsAreStoredClearedAndChecked() throws {
        let hub = try TemporaryHub()
        XCTAssertEqual(try hub.database.reportSettings(), ReportSettings())
        XCTAssertEqual(try hub.database.reportSettings().deadlineWorkdays, 5, "the default")
        let set = try hub.database.updateReportSettings([.bureauName: "海门工商局", .preparer: "王芳", .head: "李明",
                                                         .reportDeadlineWorkdays: "7"], at: TemporaryHub.t0)
        XCTAssertEqual(set, ReportSettings(bureauName: "海门工商局", preparer: "王芳", head: "李明", reportDeadlineWorkdays: 7))
        XCTAssertEqual(try hub.database.updateReportSettings([.preparer: ""], at: TemporaryHub.t0).preparer, nil, "'' clears")

        for (key, value, expected) in [(ReportSettings.Key.reportDeadlineWorkdays, "0", "from 1 to 30"),
                                       (.reportDeadlineWorkdays, "five", "not 'five'"),
                                       (.bureauName, "海门\n工商局", "control characters"),
                                       (.reviewer, String(repeating: "审", count: 61), "longer than 60"),
                                       (.head, "   ", "empty")] {
            XCTAssertThrowsError(try hub.database.updateReportSettings([.preparer: "张三", key: value], at: TemporaryHub.t0)) {
                XCTAssertTrue("\($0)".contains(expected), "\(key): \($0)")
                XCTAssertFalse("\($0)".contains("\n"), "one sentence")
            }
        }
        XCTAssertEqual(try hub.database.reportSettings().preparer, nil, "a refused update changes nothing")
        XCTAssertEqual(try hub.database.reportSettings().bureauName, "海门工商局")

        // Reopened: the settings stay; the migration is recorded by name.
        let reopened = try HubDatabase(openingAt: hub.directory + "/hub.sqlite")
        XCTAssertEqual(try reopened.reportSettings().head, "李明")
        let migrations = try DatabaseQueue(path: hub.directory + "/hub.sqlite").read {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations")
        }
        XCTAssertEqual(migrations.last, "v5-report-settings")
    }

    func testTheConfigFileWinsOverTheDatabase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-settings-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "bureau_name = \"海门市工商行政管理局\"\nreport_deadline_workdays = 3\n".write(toFile: folder + "/hub.toml", atomically: true, encoding: .utf8)
        let file = try HubConfig.load(path: folder + "/hub.toml")
        let stored = ReportSettings(bureauName: "海门工商局", preparer: "王芳", reportDeadlineWorkdays: 7)
        XCTAssertEqual(stored.overridden(by: file.report),
                       ReportSettings(bureauName: "海门市工商行政管理局", preparer: "王芳", reportDeadlineWorkdays: 3))
        try "report_deadline_workdays = 99\n".write(toFile: folder + "/bad.toml", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try HubConfig.load(path: folder + "/bad.toml")) {
            XCTAssertTrue("\($0)".contains("report_deadline_workdays"), "\($0)")
        }
    }

    func testInitStoresTheBureauNameOrNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-init-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertThrowsError(try HubDirectory(path: folder).create(settings: [.bureauName: "a\u{7}b"]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "a refused init leaves nothing")
        _ = try HubDirectory(path: folder).create(settings: [.bureauName: "海门工商局"])
        XCTAssertEqual(try HubDirectory(path: folder).open().reportSettings().bureauName, "海门工商局")
    }

    func testConcernsAreAsOfTheExport() throws {
        let hub = try TemporaryHub()
        try hub.enrolAndGreet("sanchang", key: 1)
        try hub.enrolAndGreet("haimen", key: 2)
        var script = EntryScript(branch: "sanchang")
        try script.record(script.draft(.card, .receive, quantity: 3))
        _ = try hub.ingest("sanchang", script.entries)
        // Another ledger reports for sanchang at 30 s: a flag, settled at 200 s.
        _ = try hub.database.hello(branch: "sanchang", incarnation: "other", agentLastSeq: 1, at: TemporaryHub.at(seconds: 30))
        // (The entry, dated today, is also flagged at t0 by a hub whose clock says 2008.)
        let early = try hub.database.reportConcerns(asOf: TemporaryHub.at(seconds: 10)).openFlags["sanchang"] ?? 0
        XCTAssertEqual(try hub.database.reportConcerns(asOf: TemporaryHub.at(seconds: 50)).openFlags, ["sanchang": early + 1])
        try hub.database.resolveFlags(branch: "sanchang", at: TemporaryHub.at(seconds: 200))
        XCTAssertEqual(try hub.database.reportConcerns(asOf: TemporaryHub.at(seconds: 150)).openFlags, ["sanchang": early + 1],
                       "as it stood then")
        XCTAssertEqual(try hub.database.reportConcerns(asOf: TemporaryHub.at(seconds: 200)).openFlags, [:])
        try hub.database.revoke(branch: "haimen", at: TemporaryHub.at(seconds: 100))
        let before = try hub.database.reportConcerns(asOf: TemporaryHub.at(seconds: 50))
        XCTAssertEqual(before.revoked, [])
        let after = try hub.database.reportConcerns(asOf: TemporaryHub.at(seconds: 100))
        XCTAssertEqual(after.revoked, ["haimen"])
        XCTAssertNil(after.openFlags["haimen"], "a revoked office is not flagged by that alone")
    }
}
