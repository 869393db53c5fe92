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
                The same rows, computed by the same code, as this office's rows in the hub's 'taizhang-hub export' once the hub holds the whole ledger. CSV and JSON go to stdout unless --out is given; XLSX goes to taizhang-export-YYYY-MM.xlsx unless --out is given.

                Examples:
                  taizhang-agent report --month 2026-11
                  taizhang-agent report --month 2026-11 --format xlsx --out 三厂2026-11.xlsx
                """)
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month"))
        var month: String
        @Option(help: ArgumentHelp("csv (UTF-8 with BOM, for Excel and WPS), json or xlsx.", valueName: "format"))
        var format = "csv"
        @Option(help: ArgumentHelp("The file to write (written whole or not at all); '-' for stdout.", valueName: "file"))
        var out: String?
        @Option(help: ArgumentHelp("zh (Chinese headers and material names, the default) or en.", valueName: "language"))
        var lang = "zh"
        @OptionGroup var data: DataOptions

        func run() throws {
            try Failure.reporting {
                do {
                    let format = try ReportFormat.parse(format)
                    let language = try ReportLanguage.parse(lang)
                    let month = try ReportPeriod.month(month)
                    let database = try data.directory.open()
                    let destination = try ReportDestination.open(out: out, format: format, month: month)
                    let report = try database.monthlyReport(month: month)
                    try destination.deliver(try format.render(report, language: language))
                    if let path = destination.path { print(ReportDestination.summary(report, path: path)) }
                    if let standing = report.branches.first {
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
