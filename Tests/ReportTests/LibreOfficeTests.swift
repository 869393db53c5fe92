import Foundation
import TaizhangCore
import TaizhangReport
import TaizhangTesting
import XCTest

/// The workbook opened and printed by a real spreadsheet program: LibreOffice (Debian's
/// libreoffice-calc, with fonts-noto-cjk) converts it back to CSV, which must carry the same
/// text and figures as our own CSV, and prints it to PDF, whose pages poppler's pdftotext
/// reads: the page count, the title on page 1, the page numbers in the footer. Skipped with
/// a reason where the programs are missing, failed instead under CI=true.
final class LibreOfficeTests: XCTestCase {
    /// One LibreOffice profile for the run: its first start is the slow part.
    static let profile = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-lo-profile-\(getpid())")

    static func office() throws -> ExternalTool {
        try ExternalTool.find(["soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice"],
                              install: "libreoffice-calc fonts-noto-cjk")
    }

    /// Converts `file` with LibreOffice into `folder`; returns the converted file's path.
    static func convert(_ file: String, to filter: String, extension ext: String, in folder: String,
                        inputFilter: String? = nil) throws -> String {
        let office = try office()
        var arguments = ["-env:UserInstallation=file://" + profile.path, "--headless", "--norestore"]
        if let inputFilter { arguments.append("--infilter=" + inputFilter) }
        arguments += ["--convert-to", filter, "--outdir", folder, file]
        let result = try office.run(arguments)
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + "." + ext
        let converted = folder + "/" + name
        XCTAssertEqual(result.status, 0, result.stderr)
        guard FileManager.default.fileExists(atPath: converted) else {
            throw ExternalTool.Unavailable(reason: "LibreOffice wrote no \(name): \(result.stdout) \(result.stderr)")
        }
        return converted
    }

    /// CSV out of LibreOffice: field separator 44 (,), text delimiter 34 ("), UTF-8 (76),
    /// values as stored (not as shown, so 1,000 stays 1000).
    static let csvExport = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false"

    func testLibreOfficeReadsTheWorkbook() throws {
        let scratch = try ScratchFolder("lo-read")
        let report = GoldenLedger.restated
        let workbook = scratch.path("report.xlsx")
        try Data(try ReportFormat.xlsx.render(report, language: .zh, context: GoldenLedger.context)).write(to: URL(fileURLWithPath: workbook))
        let converted = try String(contentsOfFile: Self.convert(workbook, to: Self.csvExport, extension: "csv", in: scratch.path("out")),
                                   encoding: .utf8)
        let summary = ReportLayout(report, language: .zh, context: GoldenLedger.context).summary
        let ours = String(decoding: CSVDocument.render(summary).dropFirst(3), as: UTF8.self)
        XCTAssertEqual(Self.lines(converted), Self.lines(ours))
        XCTAssertTrue(converted.contains(",三厂分局,公示栏,块,2,0,1,0,1,1,sanchang"), converted)
    }

    func testThePrintedReportHasItsTitlePagesAndPageNumbers() throws {
        let pdftotext = try ExternalTool.find(["pdftotext"], install: "poppler-utils")
        for language in ReportLanguage.allCases {
            let scratch = try ScratchFolder("lo-pdf-\(language.rawValue)")
            let workbook = scratch.path("report-\(language.rawValue).xlsx")
            try Data(try ReportFormat.xlsx.render(GoldenLedger.restated, language: language, context: GoldenLedger.context))
                .write(to: URL(fileURLWithPath: workbook))
            let pdf = try Self.convert(workbook, to: "pdf", extension: "pdf", in: scratch.path(""))
            let text = try pdftotext.run(["-layout", pdf, "-"]).stdout
            let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init).filter {
                !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            }
            // The summary, five material sheets and the notes: one A4 landscape page each.
            XCTAssertEqual(pages.count, 7, text)
            let first = try XCTUnwrap(pages.first).filter { !$0.isWhitespace }
            if language == .zh {
                XCTAssertTrue(first.contains("海门工商局政务公开台账月度汇总表（2026年11月）"), first)
                XCTAssertTrue(first.contains("第1页共7页"), "the footer: \(first)")
                XCTAssertTrue(first.contains("填报人：王芳"), first)
                XCTAssertTrue(first.contains("1,300"), "thousands separators when printed: \(first)")
                XCTAssertTrue(pages[1].filter { !$0.isWhitespace }.contains("海门工商局公示栏台账月度汇总表（2026年11月）"), pages[1])
            } else {
                XCTAssertTrue(first.contains("海门工商局:Public-disclosurematerials,monthlyconsolidatedreport(November2026)"), first)
                XCTAssertTrue(first.contains("Page1of7"), first)
            }
        }
    }

    func testFormulaLikeTextStaysTextInLibreOffice() throws {
        let scratch = try ScratchFolder("lo-formula")
        let (report, context) = FormulaLikeText.report
        let workbook = scratch.path("hostile.xlsx"), csv = scratch.path("hostile.csv")
        try Data(try ReportFormat.xlsx.render(report, language: .zh, context: context)).write(to: URL(fileURLWithPath: workbook))
        try Data(try ReportFormat.csv.render(report, language: .zh, context: context)).write(to: URL(fileURLWithPath: csv))
        // Values as shown: a live formula would show its result (y, 2, 1) instead of its text.
        let shown = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true"
        let fromWorkbook = try String(contentsOfFile: Self.convert(workbook, to: shown, extension: "csv", in: scratch.path("x")), encoding: .utf8)
        let fromCSV = try String(contentsOfFile: Self.convert(csv, to: shown, extension: "csv", in: scratch.path("c"),
                                                              inputFilter: "CSV:44,34,76,1"), encoding: .utf8)
        for text in FormulaLikeText.samples where !text.hasPrefix("\t") {
            XCTAssertTrue(fromWorkbook.contains(FormulaLikeText.csvField(text)), "the workbook keeps \(text) as text: \(fromWorkbook)")
            XCTAssertTrue(fromCSV.contains(FormulaLikeText.csvField("'" + text)), "the CSV keeps '\(text) as text: \(fromCSV)")
        }
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { line in
            // LibreOffice writes every cell of the used range; drop the empty tail.
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            while cells.last == "" { cells.removeLast() }
            return cells.joined(separator: ",")
        }.filter { !$0.isEmpty }
    }
}
