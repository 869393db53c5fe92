import HubKit
import TaizhangCore
import TaizhangText

/// One month's exports (`/exports/YYYY-MM`): every issue of it, newest first, with the
/// figures each restated and those late entries have changed since, and its downloads.
public struct ExportMonthPage: Sendable {
    public var frame: PageFrame
    public var month: String
    public var rows: [ExportsPage.Row]
    public var empty: Bool
    public var emptyText: String
    public var backHref: String

    public static func make(frame: PageFrame, language: WebLanguage, month: YearMonth, standings: [ExportStanding],
                            time: LocalTime) -> ExportMonthPage {
        var frame = frame
        frame.pageTitle = Message.webExportMonthTitle.text(language.catalogue, [month.description])
        let rows = standings.filter { $0.issue.month == month }.map { ExportsPage.row($0, language: language, time: time, changes: true) }
        return ExportMonthPage(frame: frame, month: month.description, rows: rows, empty: rows.isEmpty,
                               emptyText: Message.webNoExportsOfMonth.text(language.catalogue, [month.description]),
                               backHref: "/exports" + (language == .en ? "?lang=en" : ""))
    }
}
