import ArgumentParser
import HubKit
import TaizhangCore
import TaizhangReport

extension TaizhangHub {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "The monthly consolidated export for the city bureau (CSV, JSON or XLSX).",
            discussion: """
                Per branch and material: opening balance, in, out, adjustments, closing balance (boards: how many conform to the uniform standard), and a total row. The top says whether every branch's ledger is complete through the month's end, what the figures were computed from (as-of time, entries, a content hash), and what changed since an earlier export of the same month. The same --as-of always gives the same CSV and JSON, byte for byte.

                CSV and JSON go to stdout unless --out is given; XLSX goes to taizhang-export-YYYY-MM.xlsx unless --out is given. --as-of takes 2026-12-01T08:00:00Z, 2026-12-01T16:00:00+08:00, or a date (its end in the bureau's time zone); default: now.

                Examples:
                  taizhang-hub export --month 2026-11 --out 2026-11.csv
                  taizhang-hub export --month 2026-11 --format xlsx --out 台账2026-11.xlsx
                  taizhang-hub export --month 2026-11 --format json --lang en \\
                      --as-of 2026-12-01T08:00:00Z
                """)
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month"))
        var month: String
        @Option(help: ArgumentHelp("csv (UTF-8 with BOM, for Excel and WPS), json or xlsx.", valueName: "format"))
        var format = "csv"
        @Option(help: ArgumentHelp("The file to write (written whole or not at all); '-' for stdout.", valueName: "file"))
        var out: String?
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
                    let format = try ReportFormat.parse(format)
                    let language = try ReportLanguage.parse(lang)
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
                    throw HubError.invalidSetting(error.description)
                }
            }
        }
    }
}
