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
    /// the same figures.
    public func render(_ report: MonthlyReport, language: ReportLanguage) throws -> [UInt8] {
        switch self {
        case .csv: return CSVDocument.render(ReportLayout(report, language: language).summary)
        case .json: return Array((report.json(language: language).rendered() + "\n").utf8)
        case .xlsx: return [UInt8](try XLSXWorkbook(sheets: ReportLayout(report, language: language).sheets).data())
        }
    }
}

extension ReportLanguage {
    public static func parse(_ text: String) throws(ReportError) -> ReportLanguage {
        guard let language = ReportLanguage(rawValue: text.lowercased()) else { throw .unknownLanguage(text) }
        return language
    }
}
