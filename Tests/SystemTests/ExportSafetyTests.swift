import Foundation
import TaizhangTesting
import XCTest

/// The real programs: `settings` and `init --bureau-name`, the report naming the bureau and
/// a revoked office, `--flat` over a span, and every `--out` that would harm data refused
/// with one sentence, leaving the databases working and no file behind.
final class ExportSafetyTests: XCTestCase {
    func testSettingsNameTheBureauAndRevokedOfficesAreNamed() throws {
        let (month, day) = ExportTests.lastMonth
        let bureau = try TestBureau(self)
        let shown = try bureau.ok(["settings"])
        XCTAssertTrue(shown.contains("bureau_name") && shown.contains("(not set)"), shown)
        let set = try bureau.ok(["settings", "--bureau-name", "海门工商局", "--preparer", "王芳"])
        XCTAssertTrue(set.contains("海门工商局") && set.contains("hub database"), set)
        let refused = try bureau.hub.run(["settings", "--report-deadline-workdays", "0"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("from 1 to 30"), refused.stderr)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1)

        let sanchang = try bureau.addAgent("sanchang", name: "三厂分局")
        let haimen = try bureau.addAgent("haimen", name: "海门分局")
        try sanchang.ok(["card", "receive", "--quantity", "1000", "--on", day(5)])
        try haimen.ok(["guide", "receive", "--quantity", "300", "--on", day(7)])
        for agent in [sanchang, haimen] { try agent.ok(["sync"]) }
        try bureau.ok(["revoke", "--branch", "haimen"])
        sleep(2)
        let csv = try bureau.ok(["export", "--month", month])
        let (year, number) = (Int(month.prefix(4))!, Int(month.suffix(2))!)
        XCTAssertTrue(csv.unicodeScalars.drop { $0 == "\u{FEFF}" }.starts(with: "海门工商局政务公开台账月度汇总表（\(year)年\(number)月）\r\n".unicodeScalars), csv)
        XCTAssertTrue(csv.contains("已撤销授权：海门分局"), csv)
        XCTAssertTrue(csv.contains(",填报人：,王芳,"), csv)

        // --flat over two months: one header and one row per office, material and month.
        let out = scratchDirectory("taizhang-flat") { self.addTeardownBlock($0) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let before = Self.month(before: month)
        try bureau.ok(["export", "--flat", "--from", before, "--to", month, "--out", out + "/flat.csv"])
        let rows = try String(contentsOfFile: out + "/flat.csv", encoding: .utf8).split(separator: "\r\n")
        XCTAssertEqual(rows.count, 1 + 2 * 2 * 5)
        XCTAssertTrue(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 11 }, "\(rows)")
        XCTAssertTrue(rows.contains { $0.hasPrefix("\(month),sanchang,三厂分局,便民服务联系卡,份,0,1000,0,0,1000,") }, "\(rows)")
        let office = try sanchang.ok(["report", "--flat", "--from", before, "--to", month, "--lang", "en"])
        XCTAssertEqual(office.split(separator: "\r\n").count, 1 + 2 * 5)
        XCTAssertTrue(office.unicodeScalars.drop { $0 == "\u{FEFF}" }.starts(with: "month,branch,office,material,unit,opening,in,out,adjusted,closing,conforming\r\n".unicodeScalars), office)
    }

    func testOutNeverHarmsData() throws {
        let month = ExportTests.lastMonth.month
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang", name: "三厂分局")
        let out = scratchDirectory("taizhang-out") { self.addTeardownBlock($0) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let notes = out + "/notes.txt"
        try Data("minutes\n".utf8).write(to: URL(fileURLWithPath: notes))
        let hubDatabase = try XCTUnwrap(FileManager.default.contents(atPath: bureau.databasePath))
        let ledger = try XCTUnwrap(FileManager.default.contents(atPath: agent.ledgerPath))
        let hubCases: [([String], String)] = [
            (["--out", bureau.databasePath], "is an SQLite database"),
            (["--out", bureau.databasePath, "--force"], "not even with --force"),
            (["--out", agent.ledgerPath, "--force"], "is an SQLite database"),
            (["--out", bureau.hubData + "/report.csv"], "inside the data folder"),
            (["--out", bureau.hubData + "/report.xlsx", "--format", "xlsx", "--force"], "inside the data folder"),
            (["--out", notes], "already exists and is not an earlier Taizhang export"),
            (["--out", "/dev/null", "--force"], "not a regular file"),
            (["--out", out, "--force"], "it is a folder"),
            (["--flat", "--format", "json"], "--flat writes CSV or XLSX"),
            (["--from", month, "--to", month, "--out", out + "/x.csv"], "add --flat"),
            (["--flat", "--from", month, "--out", out + "/x.csv"], "needs both --from"),
        ]
        for (arguments, expected) in hubCases {
            let withMonth = arguments.contains("--from") ? arguments : ["--month", month] + arguments
            let result = try bureau.hub.run(["export"] + withMonth)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one sentence: \(result.stderr)")
            XCTAssertEqual(result.stdout, "")
        }
        let agentCases: [([String], String)] = [
            (["--out", agent.ledgerPath, "--force"], "is an SQLite database"),
            (["--out", agent.data + "/report.csv"], "inside the data folder"),
            (["--out", bureau.databasePath], "is an SQLite database"),
            (["--out", notes], "already exists"),
        ]
        for (arguments, expected) in agentCases {
            let result = try agent.program.run(["report", "--month", month] + arguments)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one sentence: \(result.stderr)")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: bureau.databasePath), hubDatabase, "the hub database is untouched")
        XCTAssertEqual(FileManager.default.contents(atPath: agent.ledgerPath), ledger, "the ledger is untouched")
        XCTAssertEqual(FileManager.default.contents(atPath: notes), Data("minutes\n".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), ["notes.txt"], "no file, not even a partial one")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: bureau.hubData).filter { !$0.hasPrefix("hub.") }, [])
        try bureau.ok(["branches"])
        try agent.ok(["status"])

        // An earlier export is replaced; --force replaces an ordinary file.
        try bureau.ok(["export", "--month", month, "--out", out + "/report.csv"])
        try bureau.ok(["export", "--month", month, "--out", out + "/report.csv", "--lang", "en"])
        try bureau.ok(["export", "--month", month, "--out", notes, "--force"])
        XCTAssertTrue(String(decoding: FileManager.default.contents(atPath: notes) ?? Data(), as: UTF8.self).contains("政务公开台账"))
        try agent.ok(["report", "--month", month, "--out", out + "/report.csv"])
    }

    static func month(before month: String) -> String {
        let (year, number) = (Int(month.prefix(4))!, Int(month.suffix(2))!)
        return number == 1 ? String(format: "%04d-12", year - 1) : String(format: "%04d-%02d", year, number - 1)
    }
}
