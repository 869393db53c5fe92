import Foundation
import TaizhangText

/// The file formats of an export.
public enum ReportFormat: String, CaseIterable, Sendable {
    case csv, json, xlsx

    /// Parses a `--format` value; refuses anything else with a sentence that lists the choices.
    public static func parse(_ text: String) throws(ReportError) -> ReportFormat {
        guard let format = ReportFormat(rawValue: text.lowercased()) else { throw .unknownFormat(text) }
        return format
    }

    /// The report in this format: CSV and JSON are the same bytes whenever they are made from
    /// the same figures and context.
    public func render(_ report: MonthlyReport, language: ReportLanguage, context: ReportContext = ReportContext()) throws -> [UInt8] {
        let layout = ReportLayout(report, language: language, context: context)
        switch self {
        case .csv: return CSVDocument.render(layout.document)
        case .json: return Array((report.json(language: language, context: context).rendered() + "\n").utf8)
        case .xlsx: return [UInt8](try XLSXWorkbook(sheets: layout.sheets, language: language).data())
        }
    }

    /// The figures of `reports` (one per month) as one flat table: CSV, or a workbook of one
    /// sheet. JSON has no flat form (its rows are already one object each).
    public func renderFlat(_ reports: [MonthlyReport], language: ReportLanguage) throws -> [UInt8] {
        let sheet = FlatTable.sheet(reports, language: language)
        switch self {
        case .csv: return CSVDocument.render(sheet)
        case .xlsx: return [UInt8](try XLSXWorkbook(sheets: [sheet], language: language).data())
        case .json: throw ReportError.flatJSON
        }
    }
}

extension ReportLanguage {
    public static func parse(_ text: String) throws(ReportError) -> ReportLanguage {
        guard let language = ReportLanguage(rawValue: text.lowercased()) else { throw .unknownLanguage(text) }
        return language
    }
}
