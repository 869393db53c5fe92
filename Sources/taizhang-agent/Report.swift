import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangReport
import TaizhangText

extension TaizhangAgent {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report", abstract: Message.reportAbstract(), discussion: Message.reportDiscussion())
        @Option(help: ArgumentHelp(Message.optMonth(), valueName: "month"))
        var month: String
        @Option(help: ArgumentHelp(Message.optFormat(), valueName: "format"),
                completion: .list(["table", "csv", "json", "xlsx"]))
        var format: String?
        @Option(help: ArgumentHelp(Message.optOut(), valueName: "file"))
        var out: String?
        @Option(help: ArgumentHelp(Message.optReportLang(), valueName: "language"), completion: .list(["zh", "en"]))
        var lang = "zh"
        @OptionGroup var data: DataOptions

        func run() throws {
            try Failure.reporting {
                let typed = format.map(FixedValues.format) ?? (out == nil && Terminal.outputIsTerminal ? "table" : "csv")
                let language = try ReportLanguage.parse(Language(typed: lang)?.rawValue ?? lang)
                let month = try ReportPeriod.month(month)
                if typed == "table", out == nil {
                    let database = try data.directory.open()
                    let info = try database.info()
                    let report = try database.monthlyReport(month: month)
                    print(ReportTable.render(report, office: info, width: Terminal.width()), terminator: "")
                    if let standing = report.branches.first {
                        print(TextWrap.lines(ReportText.receipt(standing), width: Terminal.width() ?? .max).joined(separator: "\n"))
                    }
                    return
                }
                let format = try ReportFormat.parse(typed)
                let database = try data.directory.open()
                let destination = try ReportDestination.open(out: out, format: format, month: month)
                let report = try database.monthlyReport(month: month)
                try destination.deliver(try format.render(report, language: language))
                if let path = destination.path {
                    print(Message.reportWrote(path, report.month, report.asOf, report.entries))
                }
                if let standing = report.branches.first {
                    let pair = ReportText.receipt(standing)
                    if destination.path == nil { StandardStream.printError(pair) } else { print(pair) }
                }
            }
        }
    }
}

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
