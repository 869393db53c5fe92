import TaizhangCore

/// The `--flat` export: figures only, one header row and one row per office, material and
/// month with the same columns on every row (month, branch, office, material, unit, opening,
/// in, out, adjusted, closing, conforming), so it sorts and pivots as it is. No total rows:
/// a pivot makes them.
public enum FlatTable {
    public static func sheet(_ reports: [MonthlyReport], language: ReportLanguage) -> ReportSheet {
        var sheet = ReportSheet(name: language.flatSheet)
        sheet.append(.texts(language.flatHeaders), role: .header)
        sheet.beginTable()
        for report in reports.sorted(by: { $0.month < $1.month }) {
            let names = Dictionary(report.branches.map { ($0.id, $0.name) }) { first, _ in first }
            for row in report.rows {
                let branch = row.branch ?? ""
                sheet.append([.text(report.month.description), .text(branch), .text(names[branch] ?? ""),
                              .text(language.materialName(row.material)), .text(language.unit(row.material))]
                             + ReportFigure.allCases.map { figure in row[figure].map { .number($0) } ?? .empty })
            }
        }
        sheet.endTable()
        sheet.columnWidths = [9, 12, 16, 16, 8] + [Int](repeating: 11, count: ReportFigure.allCases.count)
        return sheet
    }
}
