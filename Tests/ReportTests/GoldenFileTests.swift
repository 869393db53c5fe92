import Foundation
import TaizhangCore
import TaizhangReport
import XCTest
import ZIPFoundation

/// The report of the golden ledger in every format and language, byte for byte (XLSX: part
/// by part, since the zip container's bytes are ZIPFoundation's business). Regenerate with
/// TAIZHANG_UPDATE_GOLDEN=1 after a deliberate change, and review the diff.
final class GoldenFileTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let updating = ProcessInfo.processInfo.environment["TAIZHANG_UPDATE_GOLDEN"] == "1"

    func testCSVAndJSONMatchTheGoldenFiles() throws {
        let report = GoldenLedger.restated
        for language in ReportLanguage.allCases {
            for format in [ReportFormat.csv, .json] {
                let bytes = try format.render(report, language: language, context: GoldenLedger.context)
                try compare(Data(bytes), "monthly-2026-11.\(language.rawValue).\(format.rawValue)")
            }
            let flat = try ReportFormat.csv.renderFlat([GoldenLedger.restated, GoldenLedger.october], language: language)
            try compare(Data(flat), "flat-2026-10-to-2026-11.\(language.rawValue).csv")
        }
    }

    func testXLSXPartsMatchTheGoldenFilesAndAreZipped() throws {
        let report = GoldenLedger.restated
        for language in ReportLanguage.allCases {
            let workbook = XLSXWorkbook(sheets: ReportLayout(report, language: language, context: GoldenLedger.context).sheets,
                                        language: language)
            let archive = try Archive(data: try workbook.data(), accessMode: .read)
            XCTAssertEqual(archive.map(\.path), workbook.parts.map(\.path))
            for part in workbook.parts {
                let name = "monthly-2026-11.\(language.rawValue).xlsx/" + part.path
                try compare(Data(part.xml.utf8), name)
                var unzipped = Data()
                _ = try archive.extract(XCTUnwrap(archive[part.path])) { unzipped.append($0) }
                XCTAssertEqual(String(decoding: unzipped, as: UTF8.self), part.xml, part.path)
            }
        }
    }

    func testGoldenReportSaysWhatItIs() throws {
        let report = GoldenLedger.restated
        let csv = String(decoding: try ReportFormat.csv.render(report, language: .zh, context: GoldenLedger.context), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}海门工商局政务公开台账月度汇总表（2026年11月）\r\n"), csv)
        XCTAssertTrue(csv.contains("填报单位：海门工商局　　数据截至：2026年12月2日 08:00（北京时间）\r\n"), "Beijing time, not UTC: \(csv)")
        XCTAssertTrue(csv.contains("完整性,不完整：3 个分局中有 1 个（新桥分局）的台账未确认截至月末送达，数字可能仍会变动；海门分局 1 项待处理标记，相关数字须经核对；已撤销授权：新桥分局"), csv)
        XCTAssertTrue(csv.contains("序号,分局名称,物资,单位,期初结存,"), "序号 and the office's name first: \(csv)")
        XCTAssertTrue(csv.contains(",三厂分局,人员去向牌,只,0,1,0,0,1,,sanchang\r\n"), "the late sign counts")
        XCTAssertTrue(csv.contains(",三厂分局,公示栏,块,2,0,1,0,1,1,sanchang\r\n"), "GS-02 (not standard) retired")
        XCTAssertTrue(csv.contains("1,海门分局,公示栏,块,"), "numbered from 1: \(csv)")
        XCTAssertTrue(csv.contains(",海门分局,便民服务联系卡,份,300,0,100,0,200,,haimen\r\n"), "the voided receipt does not count")
        XCTAssertTrue(csv.contains(",合计,便民服务联系卡,份,1300,0,300,0,1000,,\r\n"), csv)
        XCTAssertTrue(csv.contains(",填报人：,王芳,,审核人：,,单位负责人：,李明,,填报日期：,2026年12月2日\r\n"), csv)
        XCTAssertTrue(csv.contains("\r\n说明\r\n"), "the notes section: \(csv)")
        XCTAssertTrue(csv.contains("更正明细"), csv)
        XCTAssertTrue(csv.contains("内容哈希（SHA-256）,\(report.hash)\r\n"), csv)
        let summary = csv.components(separatedBy: "\r\n说明\r\n")[0]
        XCTAssertFalse(summary.contains(report.hash), "the hash is on the notes, not in the main table")
        let english = String(decoding: try ReportFormat.csv.render(report, language: .en, context: GoldenLedger.context), as: UTF8.self)
        XCTAssertTrue(english.contains("INCOMPLETE: 1 of 3 branches (新桥分局 (xinqiao)) is not confirmed"), english)
        XCTAssertTrue(english.contains("open flags: 海门分局 (haimen) 1"), english)
        XCTAssertEqual(report.earlier?.changes.map { "\($0.branch ?? "total")/\($0.material)/\($0.figure.rawValue)" },
                       ["sanchang/sign/in", "sanchang/sign/closing", "total/sign/in", "total/sign/closing"])
    }

    private func compare(_ actual: Data, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.folder.appendingPathComponent(name)
        if Self.updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            return XCTFail("no golden file \(name); run with TAIZHANG_UPDATE_GOLDEN=1 to write it", file: file, line: line)
        }
        XCTAssertEqual(String(decoding: actual, as: UTF8.self), String(decoding: expected, as: UTF8.self),
                       "\(name) differs from its golden file", file: file, line: line)
    }
}
