import ArgumentParser
import HubKit
import TaizhangCore
import TaizhangCommandLine
import TaizhangReport
import TaizhangText

extension TaizhangHub {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: Message.exportAbstract(), discussion: Message.exportDiscussion2())
        @Option(help: ArgumentHelp(Message.optMonth(), valueName: "month"))
        var month: String?
        @Option(help: ArgumentHelp(Message.optExportFormat(), valueName: "format"), completion: .list(["csv", "json", "xlsx"]))
        var format = "csv"
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
                    try export()
                } catch let error as ReportError {
                    if case .notRecorded = error {
                        Failure.say(CommonErrorText.sentence(error))
                        throw ExitCode(3)
                    }
                    throw HubError.invalidSetting(CommonErrorText.sentence(error))
                }
            }
        }

        private func export() throws {
            let format = try ReportFormat.parse(FixedValues.format(format))
            let language = try ReportLanguage.parse(Language(typed: lang)?.rawValue ?? lang)
            let zoneName = timeZone ?? data.file?.timeZone ?? BureauTimeZone.defaultIdentifier
            guard let zone = BureauTimeZone(identifier: zoneName) else { throw ReportError.unknownTimeZone(zoneName) }
            let months = try ReportSpan.months(month: month, from: from, to: to, flat: flat)
            if flat, format == .json { throw ReportError.flatJSON }
            let asOf = try asOf.map { text throws(ReportError) in try ReportPeriod.asOf(text, zone: zone) }
            let directory = HubDirectory.resolve(data.data)
            let database = try directory.open()
            let defaultName = ReportDestination.defaultFileName(months: months, format: format)
            let destination = try ReportDestination.open(out: out, format: format, defaultName: defaultName, force: force,
                                                         dataFolder: directory.path)
            // Every month as of the same instant: the first report fixes it.
            var reports = [try database.monthlyReport(month: months[0], asOf: asOf, timeZone: zone)]
            for month in months.dropFirst() {
                reports.append(try database.monthlyReport(month: month, asOf: reports[0].asOf, timeZone: zone))
            }
            let bytes: [UInt8]
            var context = ReportContext()
            if flat {
                bytes = try format.renderFlat(reports, language: language)
            } else {
                let settings = try database.reportSettings().overridden(by: data.file?.report ?? ReportSettings())
                let concerns = try database.reportConcerns(asOf: reports[0].asOf)
                context = ReportContext(issuer: settings.bureauName, preparer: settings.preparer, reviewer: settings.reviewer,
                                        head: settings.head, openFlags: concerns.openFlags, revoked: concerns.revoked)
                bytes = try format.render(reports[0], language: language, context: context)
            }
            var issues: [Int64] = []
            try destination.deliver(bytes, record: { issues = try database.recordExports(reports, issuedAt: .now()) },
                                    unrecord: { try? database.forgetExports(issues) })
            guard let path = destination.path else { return }
            print(flat ? ReportDestination.summary(flat: reports, path: path)
                  : ReportDestination.summary(reports[0], context: context, path: path))
        }
    }
}
