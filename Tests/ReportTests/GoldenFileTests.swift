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
                let bytes = try format.render(report, language: language)
                try compare(Data(bytes), "monthly-2026-11.\(language.rawValue).\(format.rawValue)")
            }
        }
    }

    func testXLSXPartsMatchTheGoldenFilesAndAreZipped() throws {
        let report = GoldenLedger.restated
        for language in ReportLanguage.allCases {
            let workbook = XLSXWorkbook(sheets: ReportLayout(report, language: language).sheets)
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
        let csv = String(decoding: try ReportFormat.csv.render(report, language: .zh), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}政务公开台账月度汇总 2026-11\r\n"), csv)
        XCTAssertTrue(csv.contains("完整性,不完整：3 个分局中有 1 个（xinqiao）"), csv)
        XCTAssertTrue(csv.contains("sanchang,三厂分局,人员去向牌,0,1,0,0,1,\r\n"), "the late sign counts")
        XCTAssertTrue(csv.contains("sanchang,三厂分局,公示栏,2,0,1,0,1,1\r\n"), "GS-02 (not standard) retired")
        XCTAssertTrue(csv.contains("haimen,海门分局,便民服务联系卡,300,0,100,0,200,\r\n"), "the voided receipt does not count")
        XCTAssertTrue(csv.contains("更正明细"), csv)
        let english = String(decoding: try ReportFormat.csv.render(report, language: .en), as: UTF8.self)
        XCTAssertTrue(english.contains("INCOMPLETE: 1 of 3 branches (xinqiao) is not confirmed"), english)
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
