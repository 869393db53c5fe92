import TaizhangCore
import TaizhangText

/// How a report is laid out as sheets, in one language, after the conventions of a Chinese
/// government report: the summary (汇总, which is also the CSV document's first part) with
/// a centred title naming the bureau and the month, 填报单位, the completeness statement,
/// one bordered row per office and material (序号 and the office's name first, the branch
/// ID last), a 合计 row per material and the signature block; one sheet per material with
/// its title and unit; and the notes (说明) with the provenance.
public struct ReportLayout: Sendable {
    public let report: MonthlyReport
    public let language: ReportLanguage
    public let context: ReportContext
    let time: ReportTime
    let names: [String: String]

    public init(_ report: MonthlyReport, language: ReportLanguage, context: ReportContext = ReportContext()) {
        self.report = report
        self.language = language
        self.context = context
        time = ReportTime(zoneIdentifier: report.timeZone, language: language)
        names = Dictionary(report.branches.map { ($0.id, $0.name) }) { first, _ in first }
    }

    /// The summary, then one sheet per material, then the notes.
    public var sheets: [ReportSheet] { [summary] + Material.allCases.map(sheet(for:)) + [notes] }

    /// The CSV document: the summary, then the notes section.
    public var document: ReportSheet {
        var sheet = summary
        sheet.appendBlank()
        for row in notes.rows { sheet.append(row.cells, role: row.role) }
        return sheet
    }

    /// Title, 填报单位 and as-of, completeness and restatement; the table; the signature block.
    public var summary: ReportSheet {
        let l = language
        var sheet = ReportSheet(name: l.summarySheet)
        sheet.append([.text(l.title(report, issuer: context.issuer))], role: .title)
        sheet.append([.text(caption([]))], role: .caption)
        sheet.append([.text(l.statusLabel), .text(l.status(report, context))], role: .statement)
        if let earlier = report.earlier {
            sheet.append([.text(l.restatementLabel), .text(l.restatement(earlier, time: time))], role: .statement)
        }
        sheet.append(.texts([l.serialHeader, l.nameHeader, l.materialHeader, l.unitHeader]
                            + ReportFigure.allCases.map(l.header) + [l.branchHeader]), role: .header)
        sheet.beginTable()
        for (index, row) in report.rows.enumerated() {
            sheet.append([.number(Int64(index + 1)), .text(name(row.branch)), .text(l.materialName(row.material)),
                          .text(l.unit(row.material))] + figures(row, ReportFigure.allCases) + [.text(row.branch ?? "")])
        }
        sheet.endTable()
        for row in report.totals {
            sheet.append([.empty, .text(l.totalLabel), .text(l.materialName(row.material)), .text(l.unit(row.material))]
                         + figures(row, ReportFigure.allCases) + [.empty], role: .total)
        }
        sheet.appendBlank()
        sheet.append(signature, role: .signature)
        let date = DisplayWidth.of(time.date(time.zone.date(at: report.asOf))) + 2
        sheet.columnWidths = [max(6, labelWidth([l.statusLabel, l.restatementLabel])), sheet.fittedWidth(1, minimum: 14),
                              sheet.fittedWidth(2, minimum: 16), sheet.fittedWidth(3, minimum: 6), 10, 14, 14, 10, 10, 12,
                              max(sheet.fittedWidth(10, minimum: 14), date)]
        sheet.centredColumns = [3]
        return sheet
    }

    /// One material's rows, office by office, and its total, under a title naming the
    /// material and the month. Boards add the standard column; only stock has adjustments.
    public func sheet(for material: Material) -> ReportSheet {
        let l = language
        var sheet = ReportSheet(name: l.sheetName(material))
        let shown = ReportFigure.allCases.filter { figure in
            switch figure {
            case .standard: material == .board
            case .adjusted: material.kind == .stock
            default: true
            }
        }
        sheet.append([.text(l.title(report, material: material, issuer: context.issuer))], role: .title)
        sheet.append([.text(caption([l.labelled(l.unitLabel, l.unit(material))]))], role: .caption)
        sheet.append(.texts([l.serialHeader, l.nameHeader] + shown.map(l.header) + [l.branchHeader]), role: .header)
        sheet.beginTable()
        var serial: Int64 = 0
        for row in report.rows where row.material == material {
            serial += 1
            sheet.append([.number(serial), .text(name(row.branch))] + figures(row, shown) + [.text(row.branch ?? "")])
        }
        sheet.endTable()
        for row in report.totals where row.material == material {
            sheet.append([.empty, .text(l.totalLabel)] + figures(row, shown) + [.empty], role: .total)
        }
        sheet.columnWidths = [6, sheet.fittedWidth(1, minimum: 16)] + shown.map { $0 == .inflow || $0 == .outflow ? 14 : 12 }
            + [sheet.fittedWidth(shown.count + 2, minimum: 14)]
        return sheet
    }

    /// `填报单位：海门工商局　　…　　数据截至：2026年12月2日 08:00（北京时间）`.
    func caption(_ middle: [String]) -> String {
        let l = language
        var parts: [String] = []
        if let issuer = context.issuer { parts.append(l.labelled(l.issuerLabel, issuer)) }
        parts += middle
        parts.append(l.labelled(l.asOfLabel, time.dateTimeWithZone(report.asOf)))
        return parts.joined(separator: l.gap)
    }

    /// 填报人、审核人、单位负责人 (names from the settings, else a line to sign on) and 填报日期
    /// (the as-of date), spread over the table's eleven columns.
    var signature: [ReportSheet.Cell] {
        let labels = language.signatureLabels
        let date = time.date(time.zone.date(at: report.asOf))
        return [.empty, .text(labels[0]), .line(context.preparer ?? ""), .empty, .text(labels[1]), .line(context.reviewer ?? ""),
                .text(labels[2]), .line(context.head ?? ""), .empty, .text(labels[3]), .line(date)]
    }

    func name(_ branch: String?) -> String {
        guard let branch else { return language.totalLabel }
        return names[branch].flatMap { $0.isEmpty ? nil : $0 } ?? branch
    }

    func figures(_ row: ReportRow, _ shown: [ReportFigure]) -> [ReportSheet.Cell] {
        shown.map { figure in row[figure].map { .number($0) } ?? .empty }
    }

    func labelWidth(_ labels: [String]) -> Int { (labels.map(DisplayWidth.of).max() ?? 0) + 1 }
}
