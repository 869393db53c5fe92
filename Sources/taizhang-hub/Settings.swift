import ArgumentParser
import HubKit
import TaizhangText

extension TaizhangHub {
    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings", abstract: Message.settingsAbstract(), discussion: Message.settingsDiscussion())
        @Option(name: .customLong("bureau-name"), help: ArgumentHelp(Message.optSettingsBureau(), valueName: "name"))
        var bureauName: String?
        @Option(help: ArgumentHelp(Message.optPreparer(), valueName: "name"))
        var preparer: String?
        @Option(help: ArgumentHelp(Message.optReviewer(), valueName: "name"))
        var reviewer: String?
        @Option(help: ArgumentHelp(Message.optHead(), valueName: "name"))
        var head: String?
        @Option(name: .customLong("report-deadline-workdays"), help: ArgumentHelp(Message.optDeadline(), valueName: "days"))
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
            var table = TextTable([.init(Message.colSetting()), .init(Message.colValue(), fit: .wrap), .init(Message.colSource(), fit: .wrap)])
            for key in ReportSettings.Key.allCases {
                if let value = file?.report[key] {
                    table.append([key.rawValue, value, Message.fromConfigFile(file?.path ?? "")])
                } else if let value = stored[key] {
                    table.append([key.rawValue, value, Message.fromHubDatabase()])
                } else if key == .reportDeadlineWorkdays {
                    table.append([key.rawValue, String(ReportSettings.defaultDeadlineWorkdays), Message.fromDefault()])
                } else {
                    table.append([key.rawValue, Message.notSet(), key == .bureauName ? Message.noBureauInTitle() : Message.lineToSign()])
                }
            }
            return table.render(width: Terminal.width()).trimmingSuffixNewline
        }
    }
}

extension String {
    var trimmingSuffixNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
