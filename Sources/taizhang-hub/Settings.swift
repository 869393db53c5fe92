import ArgumentParser
import HubKit
import TaizhangText

extension TaizhangHub {
    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings",
            abstract: "The hub's report settings: the bureau's name, the names on the signature block, the report deadline.",
            discussion: """
                With no flag, shows them. A flag sets its setting; an empty value ('') clears it. The bureau's name heads every export (海门工商局政务公开台账月度汇总表（2008年12月）) and is its 填报单位; the preparer (填报人), reviewer (审核人) and head (单位负责人) are printed on the signature block, which otherwise leaves a line to sign on. The same keys in the TOML file given with --config win over the stored values.

                Examples:
                  taizhang-hub settings
                  taizhang-hub settings --bureau-name 海门工商局 --preparer 王芳 --head 李明
                  taizhang-hub settings --reviewer ''
                """)
        @Option(name: .customLong("bureau-name"), help: ArgumentHelp("The bureau's name, as the report's title and 填报单位.", valueName: "name"))
        var bureauName: String?
        @Option(help: ArgumentHelp("填报人, who prepares the report.", valueName: "name"))
        var preparer: String?
        @Option(help: ArgumentHelp("审核人, who reviews it.", valueName: "name"))
        var reviewer: String?
        @Option(help: ArgumentHelp("单位负责人, the head of the bureau.", valueName: "name"))
        var head: String?
        @Option(name: .customLong("report-deadline-workdays"), help: ArgumentHelp("Working days after a month's end by which its report is due (1–30, default 5).", valueName: "days"))
        var reportDeadlineWorkdays: String?
        @OptionGroup var data: HubDataOptions

        func run() throws {
            try Failure.reporting {
                let database = try HubDirectory.resolve(data.data).open()
                let given: [(ReportSettings.Key, String?)] = [(.bureauName, bureauName), (.preparer, preparer),
                                                              (.reviewer, reviewer), (.head, head),
                                                              (.reportDeadlineWorkdays, reportDeadlineWorkdays)]
                let values = Dictionary(given.compactMap { key, value in value.map { (key, $0) } }) { first, _ in first }
                let stored = values.isEmpty ? try database.reportSettings() : try database.updateReportSettings(values, at: .now())
                print(Self.render(stored: stored, file: data.file))
            }
        }

        /// One line per setting: its value and where it comes from.
        static func render(stored: ReportSettings, file: HubConfig?) -> String {
            var table = TextTable([.init("Setting"), .init("Value"), .init("From")])
            for key in ReportSettings.Key.allCases {
                if let value = file?.report[key] {
                    table.append([key.rawValue, value, "config file " + (file?.path ?? "")])
                } else if let value = stored[key] {
                    table.append([key.rawValue, value, "hub database"])
                } else if key == .reportDeadlineWorkdays {
                    table.append([key.rawValue, String(ReportSettings.defaultDeadlineWorkdays), "default"])
                } else {
                    table.append([key.rawValue, "(not set)", key == .bureauName ? "the title names no bureau" : "a line to sign on"])
                }
            }
            return table.render().trimmingSuffixNewline
        }
    }
}

extension String {
    var trimmingSuffixNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
