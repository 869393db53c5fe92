import ArgumentParser
import TaizhangCommandLine
import HubKit
import TaizhangCore
import TaizhangReport
import TaizhangText

extension TaizhangHub {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: Message.exportAbstract(), discussion: Message.exportDiscussion())
        @Option(help: ArgumentHelp(Message.optMonth(), valueName: "month"))
        var month: String
        @Option(help: ArgumentHelp(Message.optExportFormat(), valueName: "format"), completion: .list(["csv", "json", "xlsx"]))
        var format = "csv"
        @Option(help: ArgumentHelp(Message.optOut(), valueName: "file"))
        var out: String?
        @Option(name: .customLong("as-of"), help: ArgumentHelp(Message.optAsOf(), valueName: "time"))
        var asOf: String?
        @Option(help: ArgumentHelp(Message.optReportLang(), valueName: "language"), completion: .list(["zh", "en"]))
        var lang = "zh"
        @Option(name: .customLong("time-zone"), help: ArgumentHelp(Message.optTimeZoneHub(), valueName: "zone"))
        var timeZone: String?
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                do {
                    let format = try ReportFormat.parse(FixedValues.format(format))
                    let language = try ReportLanguage.parse(Language(typed: lang)?.rawValue ?? lang)
                    let zoneName = timeZone ?? data.file?.timeZone ?? BureauTimeZone.defaultIdentifier
                    guard let zone = BureauTimeZone(identifier: zoneName) else { throw ReportError.unknownTimeZone(zoneName) }
                    let month = try ReportPeriod.month(month)
                    let asOf = try asOf.map { text throws(ReportError) in try ReportPeriod.asOf(text, zone: zone) }
                    let database = try HubDirectory.resolve(data.data).open()
                    let destination = try ReportDestination.open(out: out, format: format, month: month)
                    let report = try database.monthlyReport(month: month, asOf: asOf, timeZone: zone)
                    try destination.deliver(try format.render(report, language: language))
                    try database.recordExport(report, issuedAt: .now())
                    if let path = destination.path { print(ReportDestination.summary(report, path: path)) }
                } catch let error as ReportError {
                    throw HubError.invalidSetting(CommonErrorText.sentence(error))
                }
            }
        }
    }
}
