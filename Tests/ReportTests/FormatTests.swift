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
        let layout = ReportLayout(GoldenLedger.restated, language: .zh, context: GoldenLedger.context)
        let workbook = XLSXWorkbook(sheets: layout.sheets, language: .zh)
        let parts = Dictionary(uniqueKeysWithValues: workbook.parts.map { ($0.path, $0.xml) })
        let book = try XCTUnwrap(parts["xl/workbook.xml"])
        XCTAssertTrue(book.contains("<sheet name=\"汇总\" sheetId=\"1\" r:id=\"rId1\"/>"))
        XCTAssertTrue(book.contains("<sheet name=\"便民服务联系卡\" sheetId=\"5\""))
        XCTAssertTrue(book.contains("<sheet name=\"说明\" sheetId=\"7\""), "the notes last")
        XCTAssertTrue(book.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'公示栏'!$1:$3</definedName>"), book)
        let boards = try XCTUnwrap(parts["xl/worksheets/sheet2.xml"])
        XCTAssertTrue(boards.contains("<c r=\"C4\" s=\"\(XLSXStyleIndex.number)\"><v>0</v></c>"), "numbers as numbers: \(boards)")
        XCTAssertTrue(boards.contains("<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" state=\"frozen\"/>"), boards)
        XCTAssertTrue(boards.contains("<autoFilter ref=\"A3:H6\"/>"), "three offices, the total outside: \(boards)")
        XCTAssertTrue(boards.contains("<mergeCell ref=\"A1:H1\"/>"), "the title across the table")
        XCTAssertTrue(boards.contains("<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>"), boards)
        XCTAssertTrue(boards.contains("orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\""), boards)
        XCTAssertTrue(parts["xl/sharedStrings.xml"]!.contains("<t xml:space=\"preserve\">三厂分局</t>"))
        XCTAssertTrue(parts["xl/styles.xml"]!.contains("numFmtId=\"3\""), "thousands separators")
        XCTAssertEqual(layout.sheet(for: .card).rows[2].cells.count, 8, "序号, name, five figures (no standard), branch ID")
        XCTAssertEqual(layout.sheet(for: .board).rows[2].cells.count, 8, "序号, name, four figures (no adjustments), standard, branch ID")
    }
}

/// The `s` values of the workbook's styles, as the tests read them.
enum XLSXStyleIndex {
    static let number = 7
}
