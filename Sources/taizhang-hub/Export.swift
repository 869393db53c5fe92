import ArgumentParser
import HubKit
import TaizhangCore
import TaizhangReport
import TaizhangText

extension TaizhangHub {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "The monthly consolidated export for the city bureau (CSV, JSON or XLSX).",
            discussion: """
                A report to print and sign: the bureau's name and the month in the title, 填报单位 and the time it is as of (in the bureau's time zone), whether every office's ledger is complete (naming open flags and revoked offices), per office and material the opening balance, in, out, adjustments and closing balance with units, a 合计 row per material, and the signature block (names from 'taizhang-hub settings'). The notes (说明) say what the figures were computed from: entries, content hash, each office's provenance, and what changed since an earlier export of the same month. The same --as-of (and settings) always gives the same CSV and JSON, byte for byte.

                --flat writes figures only: one header row and one row per office, material and month, for sorting and pivoting; with --from and --to, for a span of months.

                CSV and JSON go to stdout unless --out is given; XLSX goes to taizhang-export-YYYY-MM.xlsx unless --out is given. --out never overwrites an SQLite database or writes into a hub's or an office's data folder; it replaces an existing file only if that is an earlier export, or with --force. --as-of takes 2026-12-01T08:00:00Z, 2026-12-01T16:00:00+08:00, or a date (its end in the bureau's time zone); default: now.

                Examples:
                  taizhang-hub export --month 2026-11 --out 2026-11.csv
                  taizhang-hub export --month 2026-11 --format xlsx --out 台账2026-11.xlsx
                  taizhang-hub export --flat --from 2026-01 --to 2026-11 --out 2026.csv
                  taizhang-hub export --month 2026-11 --format json --lang en \\
                      --as-of 2026-12-01T08:00:00Z
                """)
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month"))
        var month: String?
        @Option(help: ArgumentHelp("csv (UTF-8 with BOM, for Excel and WPS), json or xlsx.", valueName: "format"))
        var format = "csv"
        @Option(help: ArgumentHelp("The file to write (written whole or not at all); '-' for stdout.", valueName: "file"))
        var out: String?
        @Flag(help: "Replace an existing ordinary file that is not an earlier export (never a database).")
        var force = false
        @Flag(help: "Figures only: one header row, one row per office, material and month.")
        var flat = false
        @Option(help: ArgumentHelp("With --flat: the first month of a span, YYYY-MM.", valueName: "month"))
        var from: String?
        @Option(help: ArgumentHelp("With --flat: the last month of a span, YYYY-MM.", valueName: "month"))
        var to: String?
        @Option(name: .customLong("as-of"), help: ArgumentHelp("Count only entries the hub had stored by then (default: now).", valueName: "time"))
        var asOf: String?
        @Option(help: ArgumentHelp("zh (Chinese headers and material names, the default) or en.", valueName: "language"))
        var lang = "zh"
        @Option(name: .customLong("time-zone"), help: ArgumentHelp("The bureau's time zone, which decides when a month ends (default: time_zone in --config, else Asia/Shanghai).", valueName: "zone"))
        var timeZone: String?
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                do {
                    try export()
                } catch let error as ReportError {
                    if case .notRecorded = error {
                        StandardStream.printError("taizhang-hub: \(error)")
                        throw ExitCode(3)
                    }
                    throw HubError.invalidSetting(error.description)
                }
            }
        }

        private func export() throws {
            let format = try ReportFormat.parse(format)
            let language = try ReportLanguage.parse(lang)
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
