import TaizhangCore
import TaizhangText
import XCTest

/// The export hash, computed in the domain module without the renderer, is the SHA-256 of
/// exactly what TaizhangText's JSONValue renders compactly — for any branch text.
final class ReportHashTests: XCTestCase {
    func testTheHashIsOverTheCompactJSONByteForByte() {
        let month = YearMonth("2008-06")!
        let rows = ["sanchang", "a\"b\\c\n\t\u{1}\u{2028}分局", ""].flatMap { branch in
            [ReportRow(branch: branch, material: .board, opening: 3, inflow: 1, outflow: -2, adjusted: 0, closing: 2, standard: 1),
             ReportRow(branch: branch, material: .card, opening: 0, inflow: 700, outflow: 7, adjusted: -1, closing: 692, standard: nil)]
        } + [ReportRow(branch: nil, material: .guide, opening: 0, inflow: 0, outflow: 0, adjusted: 0, closing: 0, standard: nil)]
        let rendered = JSONValue.object([
            ("month", .string(month.description)),
            ("rows", .array(rows.map { row in
                .array([.optional(row.branch), .string(row.material.rawValue)] + ReportFigure.allCases.map { .optional(row[$0]) })
            })),
        ]).rendered(pretty: false)
        XCTAssertEqual(MonthlyReport.contentHash(month: month, rows: rows), SHA256.hash(Array(rendered.utf8)).hexString)
    }
}
