import AgentKit
import TaizhangCore
import TaizhangText

/// A month's report as a terminal table: one row per material.
enum ReportTable {
    static func render(_ report: MonthlyReport, office: LedgerInfo, width: Int?) -> String {
        var table = TextTable([.init(Message.colMaterial()), .init(Message.colOpening(), .right), .init(Message.colIn(), .right),
                               .init(Message.colOut(), .right), .init(Message.colAdjusted(), .right),
                               .init(Message.colClosing(), .right), .init(Message.colOfStandard(), .right, fit: .optional)])
        for row in report.rows {
            table.append([Message(rawValue: "material_" + row.material.rawValue).map { $0() } ?? row.material.rawValue,
                          "\(row.opening)", "\(row.inflow)", "\(row.outflow)", "\(row.adjusted)", "\(row.closing)",
                          row.standard.map { "\($0)" } ?? ""])
        }
        let title = Message.reportTitle(office.name, office.branch, report.month, office.timeZone.clockTime(at: report.asOf))
        return TextWrap.lines(title, width: width ?? .max).joined(separator: "\n") + "\n\n" + table.render(width: width)
    }
}

/// The office's receipt under its report: the clerk's sentence, in one place.
enum ReportText {
    static func receipt(_ standing: BranchStanding) -> String {
        Message.reportReceipt(standing.entries, standing.chain?.hexString ?? "?", standing.id)
    }
}
