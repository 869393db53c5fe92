import Foundation
import TaizhangCore
import TaizhangReport
import TaizhangTesting
import XCTest

/// The workbook opened by a real spreadsheet program: LibreOffice (Debian's
/// libreoffice-calc-nogui) converts its first sheet back to CSV, which must carry the same
/// text and figures as our own CSV. Under CI it must run (`make test` installs LibreOffice);
/// elsewhere it skips, saying so, where LibreOffice is missing.
final class LibreOfficeTests: XCTestCase {
    func testLibreOfficeReadsTheWorkbook() throws {
        let office = try RequiredPart.locate("LibreOffice", at: ["soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice"],
                                             package: "libreoffice-calc") { XCTSkip($0) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = GoldenLedger.restated
        let workbook = folder.appendingPathComponent("report.xlsx")
        try Data(try ReportFormat.xlsx.render(report, language: .zh)).write(to: workbook)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: office)
        // Field separator 44 (,), text delimiter 34 ("), character set 76 (UTF-8).
        process.arguments = ["-env:UserInstallation=file://" + folder.path + "/profile", "--headless",
                             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder.path, workbook.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let converted = try String(contentsOf: folder.appendingPathComponent("report.csv"), encoding: .utf8)
        let ours = String(decoding: try ReportFormat.csv.render(report, language: .zh).dropFirst(3), as: UTF8.self)
        func lines(_ text: String) -> [String] {
            text.split(whereSeparator: \.isNewline).map { line in
                // LibreOffice writes every cell of the used range; drop the empty tail.
                var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                while cells.last == "" { cells.removeLast() }
                return cells.joined(separator: ",")
            }.filter { !$0.isEmpty }
        }
        XCTAssertEqual(lines(converted), lines(ours))
        XCTAssertTrue(converted.contains("sanchang,三厂分局,公示栏,2,0,1,0,1,1"), converted)
    }
}
