import Foundation
import TaizhangCore
import TaizhangReport
import XCTest

/// The exports read by another program than ours: openpyxl (the workbook's print set-up,
/// borders, number formats, the signature block; no formula anywhere) and Python's csv
/// module (the flat CSV one width throughout, the document CSV the same cells as ours).
final class PythonReaderTests: XCTestCase {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    static func python(needing module: String? = nil) throws -> ExternalTool {
        let python = try ExternalTool.find(["python3"], install: "python3")
        if let module, try python.run(["-c", "import \(module)"]).status != 0 {
            try ExternalTool.unavailable("the Python module \(module) is not installed (python3 -m pip install \(module))")
        }
        return python
    }

    func testOpenpyxlFindsTheReportLayoutInBothLanguages() throws {
        let python = try Self.python(needing: "openpyxl")
        let scratch = try ScratchFolder("openpyxl")
        for language in ReportLanguage.allCases {
            let path = scratch.path("report-\(language.rawValue).xlsx")
            try Data(try ReportFormat.xlsx.render(GoldenLedger.restated, language: language, context: GoldenLedger.context))
                .write(to: URL(fileURLWithPath: path))
            let result = try python.run([Self.scripts.appendingPathComponent("check_workbook.py").path, "report", path, language.rawValue])
            XCTAssertEqual(result.status, 0, "\(language): \(result.stderr)")
            XCTAssertEqual(result.stdout, "ok\n", result.stderr)
        }
    }

    func testOpenpyxlFindsNoFormulaInAHostileWorkbook() throws {
        let python = try Self.python(needing: "openpyxl")
        let scratch = try ScratchFolder("openpyxl-inert")
        let (report, context) = FormulaLikeText.report
        let script = Self.scripts.appendingPathComponent("check_workbook.py").path
        for language in ReportLanguage.allCases {
            let path = scratch.path("hostile-\(language.rawValue).xlsx")
            try Data(try ReportFormat.xlsx.render(report, language: language, context: context)).write(to: URL(fileURLWithPath: path))
            let result = try python.run([script, "inert", path])
            XCTAssertEqual(result.stdout, "ok\n", result.stderr)
        }
        // The check itself fails on a workbook without formula-like text: it does look.
        let plain = scratch.path("plain.xlsx")
        try Data(try ReportFormat.xlsx.render(GoldenLedger.restated, language: .zh)).write(to: URL(fileURLWithPath: plain))
        XCTAssertNotEqual(try python.run([script, "inert", plain]).status, 0)
    }

    func testTheCSVRoundTripsThroughPythonsCSVModule() throws {
        let python = try Self.python()
        let scratch = try ScratchFolder("csv")
        let script = Self.scripts.appendingPathComponent("read_csv.py").path
        let (hostile, hostileContext) = FormulaLikeText.report
        for language in ReportLanguage.allCases {
            let flat = FlatTable.sheet([GoldenLedger.october, GoldenLedger.restated], language: language)
            let document = ReportLayout(hostile, language: language, context: hostileContext).document
            for (mode, sheet) in [("flat", flat), ("document", document)] {
                let path = scratch.path("\(mode)-\(language.rawValue).csv")
                try Data(CSVDocument.render(sheet)).write(to: URL(fileURLWithPath: path))
                let result = try python.run([script, mode, path])
                XCTAssertEqual(result.status, 0, "\(mode) \(language): \(result.stderr)")
                let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]], result.stdout)
                XCTAssertEqual(rows, sheet.rows.map { $0.cells.map(Self.expected) }, "\(mode) \(language)")
                if mode == "flat" {
                    XCTAssertEqual(rows.count, 1 + 2 * 3 * Material.allCases.count, "one row per office, material and month")
                    XCTAssertTrue(rows.dropFirst().allSatisfy { Int($0[5]) != nil && Int($0[9]) != nil }, "figures are numbers")
                }
            }
        }
    }

    /// What a cell reads as after the CSV round trip: formula-like text behind an apostrophe.
    static func expected(_ cell: ReportSheet.Cell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let value): return String(value)
        case .text(let text), .line(let text): return FormulaText.isFormulaLike(text) ? "'" + text : text
        }
    }
}
