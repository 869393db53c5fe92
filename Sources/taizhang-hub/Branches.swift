import ArgumentParser
import HubJSON
import HubKit
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Branches: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "branches", abstract: Message.branchesAbstract(), discussion: Message.branchesDiscussion())
        @Option(help: ArgumentHelp(Message.optBranchesMonth(), valueName: "YYYY-MM"))
        var month: String?
        @Option(name: .customLong("silent-after"), help: ArgumentHelp(Message.optSilentAfter(), valueName: "hours"))
        var silentAfterFlag: Int64?
        @Flag(help: ArgumentHelp(Message.optPrintJSON()))
        var json = false
        @OptionGroup var data: HubDataOptions

        var silentAfter: Int64 { silentAfterFlag ?? data.file?.silentAfterHours.map(Int64.init) ?? 24 }

        func validate() throws {
            if let month, YearMonth(month) == nil {
                throw ValidationError("--month takes a month as YYYY-MM, such as 2026-11, not '\(month)'")
            }
            guard let silentAfterFlag else { return }
            guard HubConfig.silentAfterHoursRange.contains(Int(silentAfterFlag)) else {
                throw Failure.refuse(Message.silentAfterRange())
            }
        }

        func run() throws {
            if let month = month.flatMap(YearMonth.init) { return try runMonth(month) }
            try Failure.reporting {
                let branches = try HubDirectory.resolve(data.data).open()
                    .branches(now: .now(), silentAfterSeconds: silentAfter * 3600)
                if json {
                    print(HubJSONOutput.branches(branches).rendered())
                } else if branches.isEmpty {
                    print(Message.branchesNone())
                } else {
                    print(BranchText.table(branches, zone: data.timeZone, width: Terminal.width()), terminator: "")
                }
            }
        }
    }
}

extension TaizhangHub.Branches {
    func runMonth(_ month: YearMonth) throws {
        try Failure.reporting {
            let directory = HubDirectory.resolve(data.data)
            let database = try directory.open()
            let settings = try ReportingSettings.resolve(directory: directory, config: data.file, stored: try database.reportSettings())
            let result = try database.timeliness(month: month, zone: settings.zone, calendar: settings.calendar,
                                                         workdays: settings.workdays)
            if json {
                print(HubJSONOutput.timeliness(result).rendered())
                return
            }
            let zone = settings.zone
            var table = TextTable([.init(Message.colBranch()), .init(Message.colName(), fit: .wrap), .init(Message.webMark()), .init(Message.colCompleteAt())])
            for row in result.branches {
                table.append([row.branch, row.name, Self.mark(row.mark), row.completeAt.map(zone.clockTime) ?? ""])
            }
            print(table.render(width: Terminal.width()), terminator: "")
            print(result.deadline.map { Message.deadlineLine(zone.clockTime(at: $0)) } ?? Message.deadlineUnknownLine())
            print(result.deadline == nil ? Message.rateLineUnknown(result.reported, result.expected)
                  : Message.rateLine(result.reported, result.expected, result.onTime))
        }
    }
}

extension TaizhangHub.Branches {
    /// A month's mark in the operator's language (the dashboard's words).
    static func mark(_ mark: ReportingMark) -> String {
        switch mark {
        case .onTime: Message.webMarkOnTime()
        case .late: Message.webMarkLate()
        case .reported: Message.webMarkReported()
        case .notReported: Message.webMarkNotReported()
        case .notExpected: Message.webNotExpected()
        }
    }
}

/// Branch states for operators and scripts.
enum BranchText {
    static func table(_ branches: [BranchStatus], zone: BureauTimeZone, width: Int? = nil) -> String {
        var table = TextTable([.init(Message.colBranch()), .init(Message.colName(), fit: .wrap), .init(Message.colState()),
                               .init(Message.colHeld(), .right), .init(Message.colPending(), .right),
                               .init(Message.colLastHeard()), .init(Message.colFlags(), fit: .wrap)])
        for branch in branches {
            // The kind and entry; what happened and what to do are in 'taizhang-hub flags'.
            let flags = branch.flags.map { flag in
                (Message(rawValue: "flagKind_" + flag.kind.rawValue).map { $0() } ?? flag.kind.rawValue)
                    + (flag.seq.map { " #\($0)" } ?? "")
            }
            let state = Message(rawValue: "branchState_" + branch.state.rawValue).map { $0() } ?? branch.state.rawValue
            table.append([branch.id, branch.name, state, "\(branch.heldSeq)", "\(branch.pending)",
                          branch.lastHeardAt.map(zone.clockTime) ?? Message.never(), flags.joined(separator: "; ")])
        }
        return table.render(width: width)
    }
}
