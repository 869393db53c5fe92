import Foundation
import GRDB
import TaizhangTesting
import XCTest
import ZIPFoundation

/// The monthly export from a real hub fed by real agents: every format, the same as-of
/// byte for byte after later entries, a restatement after a late entry, an office's own
/// report equal to its rows at the hub, and bad requests that leave no file behind.
final class ExportTests: XCTestCase {
    /// Last month in the bureau's time zone, and a date in it.
    static var lastMonth: (month: String, day: (Int) -> String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.year, .month], from: calendar.date(byAdding: .month, value: -1, to: Date())!)
        let month = String(format: "%04d-%02d", parts.year!, parts.month!)
        return (month, { String(format: "%@-%02d", month, $0) })
    }

    func testExportFormatsReproducibilityRestatementAndTheOfficesOwnReport() throws {
        let (month, day) = Self.lastMonth
        let bureau = try TestBureau(self)
        let sanchang = try bureau.addAgent("sanchang", name: "三厂分局")
        let haimen = try bureau.addAgent("haimen", name: "海门分局")
        try sanchang.ok(["board", "install", "--tag", "GS-01", "--location", "大厅东墙", "--on", day(3)])
        try sanchang.ok(["board", "install", "--tag", "GS-02", "--location", "二楼", "--nonstandard", "--on", day(4)])
        try sanchang.ok(["card", "receive", "--quantity", "1000", "--on", day(5)])
        try sanchang.ok(["card", "distribute", "--quantity", "200", "--channel", "农贸市场宣传", "--on", day(6)])
        try haimen.ok(["guide", "receive", "--quantity", "300", "--on", day(7)])
        try haimen.ok(["badge", "issue", "--number", "0042", "--staff", "王芳", "--on", day(8)])
        for agent in [sanchang, haimen] { try agent.ok(["sync"]) }

        let out = scratchDirectory("taizhang-export") { self.addTeardownBlock($0) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // The as-of: the first whole second after the hub stored the last entry, once the
        // clock has passed that second's end (observed, not slept for): an as-of names a
        // whole second, and only a second that is over can be exported.
        let stored = try Self.lastStoredAt(bureau)
        let asOfDate = Date(timeIntervalSince1970: (stored.timeIntervalSince1970 + 1).rounded(.down))
        try bureau.eventually("the as-of second is over", timeout: 10) { Date() > asOfDate.addingTimeInterval(1) }
        let asOf = ISO8601DateFormatter().string(from: asOfDate)
        let written = try bureau.ok(["export", "--month", month, "--as-of", asOf, "--out", out + "/first.csv"])
        XCTAssertTrue(written.hasPrefix("Wrote \(out)/first.csv: \(month) as of"), written)
        try bureau.ok(["export", "--month", month, "--as-of", asOf, "--format", "json", "--lang", "en", "--out", out + "/first.json"])
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: out + "/first.csv"))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark for Excel and WPS")
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("政务公开台账月度汇总表（\(Int(month.prefix(4))!)年\(Int(month.suffix(2))!)月）\r\n"), csv)
        XCTAssertTrue(csv.contains("完整性,完整：全部 2 个分局"), "both offices synced after the month ended: \(csv)")
        XCTAssertTrue(csv.contains(",三厂分局,公示栏,块,0,2,0,0,2,1,sanchang\r\n"), csv)
        XCTAssertTrue(csv.contains(",合计,便民服务联系卡,份,0,1000,200,0,800,,\r\n"), csv)
        let json = try Self.object(out + "/first.json")
        XCTAssertEqual(json["complete"] as? Bool, true)
        XCTAssertEqual(json["asOf"] as? String, asOf)
        XCTAssertEqual(json["entries"] as? Int, 6)

        // XLSX: a real zip with a summary and one sheet per material.
        try bureau.ok(["export", "--month", month, "--as-of", asOf, "--format", "xlsx", "--out", out + "/first.xlsx"])
        let archive = try Archive(url: URL(fileURLWithPath: out + "/first.xlsx"), accessMode: .read)
        XCTAssertEqual(archive.filter { $0.path.hasPrefix("xl/worksheets/") }.count, 7, "summary, five materials, notes")
        var strings = Data()
        _ = try archive.extract(XCTUnwrap(archive["xl/sharedStrings.xml"])) { strings.append($0) }
        XCTAssertTrue(String(decoding: strings, as: UTF8.self).contains("三厂分局"))

        // The office's own report: the same rows as the hub's for that office.
        let office = try Self.parse(sanchang.ok(["report", "--month", month, "--format", "json", "--lang", "en"]))
        let hubRows = (json["rows"] as? [[String: Any]] ?? []).filter { $0["branch"] as? String == "sanchang" }
        XCTAssertEqual(office["rows"] as? NSArray, hubRows as NSArray)
        XCTAssertEqual(hubRows.count, 5)
        let officeCSV = try sanchang.ok(["report", "--month", month])
        XCTAssertTrue(officeCSV.contains(",三厂分局,公示栏,块,0,2,0,0,2,1,sanchang\r\n"), officeCSV)
        XCTAssertTrue(officeCSV.contains("三厂分局政务公开台账月度报表"), officeCSV)

        // A late entry for the month: the same as-of still gives the same bytes…
        try sanchang.ok(["sign", "install", "--tag", "QX-01", "--location", "二楼办公室门口", "--on", day(28)])
        try sanchang.ok(["sync"])
        try bureau.ok(["export", "--month", month, "--as-of", asOf, "--out", out + "/again.csv"])
        try bureau.ok(["export", "--month", month, "--as-of", asOf, "--format", "json", "--lang", "en", "--out", out + "/again.json"])
        XCTAssertEqual(FileManager.default.contents(atPath: out + "/again.csv"), FileManager.default.contents(atPath: out + "/first.csv"))
        XCTAssertEqual(FileManager.default.contents(atPath: out + "/again.json"), FileManager.default.contents(atPath: out + "/first.json"))
        // …and the next export, at once (its default as-of holds every acknowledged entry),
        // says what it restates; the CSV as of the same instant says so too.
        let restatedJSON = try Self.parse(bureau.ok(["export", "--month", month, "--format", "json"]))
        let earlier = restatedJSON["earlierExport"] as? [String: Any]
        XCTAssertEqual(earlier?["hash"] as? String, json["hash"] as? String)
        XCTAssertEqual(earlier?["restated"] as? Bool, true)
        let restatedAsOf = try XCTUnwrap(restatedJSON["asOf"] as? String)
        let restated = try bureau.ok(["export", "--month", month, "--as-of", restatedAsOf])
        XCTAssertTrue(restated.contains("更正,本表更正 "), restated)
        XCTAssertTrue(restated.contains("三厂分局,sanchang,人员去向牌,0,1,本月增加（安装/发放/接收）\r\n"), restated)
    }

    func testBadRequestsSayWhatIsWrongAndLeaveNoFile() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        let out = scratchDirectory("taizhang-export") { self.addTeardownBlock($0) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let month = Self.lastMonth.month
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let next = calendar.dateComponents([.year, .month], from: calendar.date(byAdding: .month, value: 1, to: Date())!)
        let cases: [([String], String)] = [
            (["--month", "2026-13"], "is not a month"),
            (["--month", String(format: "%04d-%02d", next.year!, next.month!)], "has not begun"),
            (["--month", month, "--as-of", "2001-01-01T00:00:00Z"], "before this hub existed"),
            (["--month", month, "--as-of", "soon"], "is not a time"),
            (["--month", month, "--as-of", "2999-01-01T00:00:00Z"], "is in the future"),
            (["--month", month, "--format", "pdf"], "unknown format 'pdf'"),
            (["--month", month, "--lang", "fr"], "unknown language 'fr'"),
            (["--month", month, "--time-zone", "Mars/Olympus"], "unknown time zone"),
            (["--month", month, "--out", out + "/no/such/folder/x.csv"], "cannot write"),
        ]
        for (arguments, expected) in cases {
            let target = arguments.contains("--out") ? [] : ["--out", out + "/report.csv"]
            let result = try bureau.hub.run(["export"] + arguments + target)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one sentence: \(result.stderr)")
            XCTAssertEqual(result.stdout, "")
        }
        let office = try agent.program.run(["report", "--month", "2026-1", "--out", out + "/office.csv"])
        XCTAssertEqual(office.status, 1)
        XCTAssertTrue(office.stderr.contains("is not a month"), office.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), [], "no file, not even a partial one")
    }

    /// When the hub stored its most recent entry, read from its database.
    static func lastStoredAt(_ bureau: TestBureau) throws -> Date {
        let milliseconds = try DatabaseQueue(path: bureau.databasePath).read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(stored_at) FROM entry") ?? 0
        }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func parse(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    static func object(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }
}
