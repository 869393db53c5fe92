import AgentKit
import ArgumentParser
import TaizhangCore
import TaizhangReport
import TaizhangText

extension TaizhangAgent {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "This office's monthly report, made offline from its own ledger (same layout as the hub's export).",
            discussion: """
                The same rows, computed by the same code, as this office's rows in the hub's 'taizhang-hub export' once the hub holds the whole ledger, under the office's name. --flat writes figures only, one row per material and month (--from/--to for a span). CSV and JSON go to stdout unless --out is given; XLSX goes to taizhang-export-YYYY-MM.xlsx unless --out is given. --out never overwrites an SQLite database or writes into a data folder; an existing file is replaced only if it is an earlier export, or with --force.

                Examples:
                  taizhang-agent report --month 2026-11
                  taizhang-agent report --month 2026-11 --format xlsx --out 三厂2026-11.xlsx
                  taizhang-agent report --flat --from 2026-01 --to 2026-11 --out 三厂2026.csv
                """)
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month"))
        var month: String?
        @Option(help: ArgumentHelp("csv (UTF-8 with BOM, for Excel and WPS), json or xlsx.", valueName: "format"))
        var format = "csv"
        @Option(help: ArgumentHelp("The file to write (written whole or not at all); '-' for stdout.", valueName: "file"))
        var out: String?
        @Flag(help: "Replace an existing ordinary file that is not an earlier export (never a database).")
        var force = false
        @Flag(help: "Figures only: one header row, one row per material and month.")
        var flat = false
        @Option(help: ArgumentHelp("With --flat: the first month of a span, YYYY-MM.", valueName: "month"))
        var from: String?
        @Option(help: ArgumentHelp("With --flat: the last month of a span, YYYY-MM.", valueName: "month"))
        var to: String?
        @Option(help: ArgumentHelp("zh (Chinese headers and material names, the default) or en.", valueName: "language"))
        var lang = "zh"
        @OptionGroup var data: DataOptions

        func run() throws {
            try Failure.reporting {
                do {
                    let format = try ReportFormat.parse(format)
                    let language = try ReportLanguage.parse(lang)
                    let months = try ReportSpan.months(month: month, from: from, to: to, flat: flat)
                    if flat, format == .json { throw ReportError.flatJSON }
                    let directory = data.directory
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
                } catch let error as ReportError {
                    throw AgentError.invalidSetting(error.description)
                }
            }
        }
    }
}

/// The office's receipt under its report: the clerk's sentence, in one place.
enum ReportText {
    static func receipt(_ standing: BranchStanding) -> String {
        "Computed from entries 1–\(standing.entries) of this office's ledger, chain \(standing.chain?.hexString ?? "?"); "
            + "the bureau's export covers the same ledger when it lists the same entries and chain for \(standing.id)."
    }
}
