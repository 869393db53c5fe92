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
        var month: String?
        @Option(help: ArgumentHelp(Message.optFormat(), valueName: "format"),
                completion: .list(["table", "csv", "json", "xlsx"]))
        var format: String?
        @Option(help: ArgumentHelp(Message.optOut(), valueName: "file"))
        var out: String?
        @Flag(help: ArgumentHelp(Message.optForce()))
        var force = false
        @Flag(help: ArgumentHelp(Message.optFlat()))
        var flat = false
        @Option(help: ArgumentHelp(Message.optFrom(), valueName: "month"))
        var from: String?
        @Option(help: ArgumentHelp(Message.optTo(), valueName: "month"))
        var to: String?
        @Option(help: ArgumentHelp(Message.optReportLang(), valueName: "language"), completion: .list(["zh", "en"]))
        var lang = "zh"
        @OptionGroup var data: DataOptions

        func run() throws {
            try Failure.reporting {
                // On a terminal, without --format or --out: a table; else CSV.
                let typed = format.map(FixedValues.format) ?? (out == nil && !flat && Terminal.outputIsTerminal ? "table" : "csv")
                let language = try ReportLanguage.parse(Language(typed: lang)?.rawValue ?? lang)
                let months = try ReportSpan.months(month: month, from: from, to: to, flat: flat)
                let directory = data.directory
                if typed == "table", out == nil, !flat {
                    let database = try directory.open()
                    let report = try database.monthlyReport(month: months[0], now: .now())
                    let width = Terminal.width()
                    print(ReportTable.render(report, office: try database.info(), width: width), terminator: "")
                    if let standing = report.branches.first {
                        print(TextWrap.lines(ReportText.receipt(standing), width: width ?? .max).joined(separator: "\n"))
                    }
                    return
                }
                let format = try ReportFormat.parse(typed)
                if flat, format == .json { throw ReportError.flatJSON }
                let database = try directory.open()
                let defaultName = ReportDestination.defaultFileName(months: months, format: format)
                let destination = try ReportDestination.open(out: out, format: format, defaultName: defaultName,
                                                             force: force, dataFolder: directory.path)
                let now = Timestamp.now()
                let reports = try months.map { try database.monthlyReport(month: $0, now: now) }
                let bytes: [UInt8]
                if flat {
                    bytes = try format.renderFlat(reports, language: language)
                } else {
                    let context = ReportContext(issuer: reports[0].branches.first?.name)
                    bytes = try format.render(reports[0], language: language, context: context)
                }
                try destination.deliver(bytes)
                if let path = destination.path {
                    print(flat ? ReportDestination.summary(flat: reports, path: path) : ReportDestination.summary(reports[0], path: path))
                }
                if let standing = reports[0].branches.first {
                    let pair = ReportText.receipt(standing)
                    if destination.path == nil { StandardStream.printError(pair) } else { print(pair) }
                }
            }
        }
    }
}
