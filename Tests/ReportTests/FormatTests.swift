import Foundation
import TaizhangCore
import TaizhangReport
import TaizhangText
import XCTest

/// What the writers promise beyond the golden files.
final class FormatTests: XCTestCase {
    func testCSVQuotesLikeRFC4180AndStartsWithAByteOrderMark() {
        var sheet = ReportSheet(name: "s")
        sheet.append([.text("a,b"), .text("say \"hi\""), .text("plain 中文"), .number(-5), .empty])
        sheet.appendBlank()
        sheet.append([.text("two\nlines")])
        let bytes = CSVDocument.render(sheet)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(String(decoding: bytes.dropFirst(3), as: UTF8.self),
                       "\"a,b\",\"say \"\"hi\"\"\",plain 中文,-5,\r\n\r\n\"two\nlines\"\r\n")
    }

    func testJSONHasTheSameFiguresAsTheRows() throws {
        let report = GoldenLedger.restated
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try ReportFormat.json.render(report, language: .en))) as? [String: Any])
        XCTAssertEqual(object["month"] as? String, "2026-11")
        XCTAssertEqual(object["hash"] as? String, report.hash)
        XCTAssertEqual(object["complete"] as? Bool, false)
        let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, report.rows.count)
        for (json, row) in zip(rows, report.rows) {
            XCTAssertEqual(json["branch"] as? String, row.branch)
            XCTAssertEqual(json["closing"] as? Int, Int(row.closing))
            XCTAssertEqual(json["in"] as? Int, Int(row.inflow))
        }
        XCTAssertEqual((object["earlierExport"] as? [String: Any])?["restated"] as? Bool, true)
    }

    func testTheHashDependsOnTheFiguresOnly() {
        let entries = GoldenLedger.entries(late: false)
        let a = GoldenLedger.report(entries, asOf: GoldenLedger.earlierAsOf, earlier: nil)
        let b = GoldenLedger.report(entries, asOf: GoldenLedger.asOf, earlier: nil)
        XCTAssertEqual(a.hash, b.hash, "a later as-of with the same figures")
        XCTAssertNotEqual(a.hash, GoldenLedger.restated.hash)
        XCTAssertEqual(a.hash.count, 64)
    }

    func testWorkbookSheetsNumbersAndWidths() throws {
        let layout = ReportLayout(GoldenLedger.restated, language: .zh)
        let workbook = XLSXWorkbook(sheets: layout.sheets)
        let parts = Dictionary(uniqueKeysWithValues: workbook.parts.map { ($0.path, $0.xml) })
        XCTAssertTrue(parts["xl/workbook.xml"]!.contains("<sheet name=\"汇总\" sheetId=\"1\" r:id=\"rId1\"/>"))
        XCTAssertTrue(parts["xl/workbook.xml"]!.contains("<sheet name=\"便民服务联系卡\" sheetId=\"5\""))
        let boards = parts["xl/worksheets/sheet2.xml"]!
        XCTAssertTrue(boards.contains("<c r=\"C3\"><v>2</v></c>"), "numbers as numbers: \(boards)")
        XCTAssertTrue(boards.contains("<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"s\">"), "headers bold")
        XCTAssertTrue(boards.contains("<col min=\"1\" max=\"1\" width=\""), "columns sized")
        XCTAssertTrue(parts["xl/sharedStrings.xml"]!.contains("<t xml:space=\"preserve\">三厂分局</t>"))
        XCTAssertEqual(layout.sheet(for: .card).rows[0].count, 7, "no standard column but for boards")
    }
}
