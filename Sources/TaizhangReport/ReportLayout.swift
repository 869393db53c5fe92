import TaizhangCore

/// How a report is laid out as sheets, in one language: the summary (which is also the CSV
/// document) and one sheet per material.
public struct ReportLayout: Sendable {
    public let report: MonthlyReport
    public let language: ReportLanguage
    private let names: [String: String]

    public init(_ report: MonthlyReport, language: ReportLanguage) {
        self.report = report
        self.language = language
        names = Dictionary(report.branches.map { ($0.id, $0.name) }) { first, _ in first }
    }

    /// Title, completeness, provenance and restatement at the top; then every row per branch
    /// and material with the totals; each branch's completeness; and what changed.
    public var summary: ReportSheet {
        let l = language
        var sheet = ReportSheet(name: l.summarySheet)
        // One cell: spreadsheets would turn a lone "2026-11" into a date.
        sheet.append(.texts([l.title + " " + report.month.description]), bold: true)
        sheet.append(.texts([l.statusLabel, l.status(report)]), bold: !report.isComplete)
        sheet.append(.texts([l.asOfLabel, report.asOf.description]))
        sheet.append(.texts([l.timeZoneLabel, report.timeZone]))
        sheet.append(.texts([l.sourceLabel, l.source(report)]))
        sheet.append(.texts([l.hashLabel, report.hash]))
        if let earlier = report.earlier { sheet.append(.texts([l.restatementLabel, l.restatement(earlier)])) }
        sheet.appendBlank()
        sheet.append(.texts([l.branchHeader, l.nameHeader, l.materialHeader] + ReportFigure.allCases.map(l.header)), bold: true)
        for row in report.rows + report.totals {
            sheet.append(label(row.branch) + [.text(l.materialName(row.material))] + figures(row), bold: row.branch == nil)
        }
        sheet.appendBlank()
        sheet.append(.texts(l.completenessHeaders), bold: true)
        for branch in report.branches {
            sheet.append([.text(branch.id), .text(branch.name), .text(branch.complete ? l.yes : l.no),
                          .text(branch.lastEntryAt?.description ?? l.never), .number(branch.entries),
                          .text(branch.chain?.hexString ?? "")])
        }
        if let changes = report.earlier?.changes, !changes.isEmpty {
            sheet.appendBlank()
            sheet.append(.texts([l.changesTitle]), bold: true)
            sheet.append(.texts(l.changesHeaders), bold: true)
            for change in changes {
                sheet.append(label(change.branch) + [.text(l.materialName(change.material)), .text(l.header(change.figure)),
                                                      .number(change.earlier), .number(change.now)])
            }
        }
        return sheet
    }

    /// One material's rows, branch by branch, and its total.
    public func sheet(for material: Material) -> ReportSheet {
        let l = language
        var sheet = ReportSheet(name: l.sheetName(material))
        let shown = ReportFigure.allCases.filter { $0 != .standard || material == .board }
        sheet.append(.texts([l.branchHeader, l.nameHeader] + shown.map(l.header)), bold: true)
        for row in report.rows + report.totals where row.material == material {
            sheet.append(label(row.branch) + shown.map { figure in row[figure].map { .number($0) } ?? .empty },
                         bold: row.branch == nil)
        }
        return sheet
    }

    /// The summary, then one sheet per material.
    public var sheets: [ReportSheet] { [summary] + Material.allCases.map(sheet(for:)) }

    private func label(_ branch: String?) -> [ReportSheet.Cell] {
        guard let branch else { return [.text(language.totalLabel), .empty] }
        return [.text(branch), .text(names[branch] ?? "")]
    }

    private func figures(_ row: ReportRow) -> [ReportSheet.Cell] {
        ReportFigure.allCases.map { figure in row[figure].map { .number($0) } ?? .empty }
    }
}
