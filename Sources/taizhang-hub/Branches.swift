import ArgumentParser
import HubJSON
import HubKit
import TaizhangCore
import TaizhangText

extension TaizhangHub {
    struct Branches: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "branches",
            abstract: "Every enrolled branch: entries held, pending, last heard from, late or not, flags.",
            discussion: """
                States: current (all delivered), behind (entries waiting), silent (not heard from
                within --silent-after hours), flagged (needs the operator: see the flags),
                revoked.

                With --month: each office on time, late, not reported or not expected for that
                month, then the rate line. On time: the hub held the office's ledger complete
                through the month (heard from after it ended, nothing pending) by 17:00 on the
                Nth working day after it (report_deadline_workdays in --config, default 5),
                counted on the bureau calendar (calendar/YYYY.txt, plus calendar.txt in --data).

                Example:
                  taizhang-hub branches --silent-after 48
                  taizhang-hub branches --month 2026-11
                """)
        @Option(help: ArgumentHelp("Classify every office's report for this month (YYYY-MM).", valueName: "YYYY-MM"))
        var month: String?
        @Option(name: .customLong("silent-after"), help: ArgumentHelp("Hours without contact after which a branch counts as silent (default: 'silent_after_hours' in --config, else 24).", valueName: "hours"))
        var silentAfterFlag: Int64?
        @Flag(help: "Print JSON.")
        var json = false
        @OptionGroup var data: HubDataOptions

        var silentAfter: Int64 { silentAfterFlag ?? data.file?.silentAfterHours.map(Int64.init) ?? 24 }

        func validate() throws {
            if let month, YearMonth(month) == nil {
                throw ValidationError("--month takes a month as YYYY-MM, such as 2026-11, not '\(month)'")
            }
            guard let silentAfterFlag else { return }
            guard HubConfig.silentAfterHoursRange.contains(Int(silentAfterFlag)) else {
                throw ValidationError("--silent-after takes a number of hours from 1 to 8784")
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
                    print("No branch is enrolled yet; enrol one with 'taizhang-hub enroll'.")
                } else {
                    print(BranchText.table(branches), terminator: "")
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
            var table = TextTable([.init("Branch"), .init("Name"), .init("Report"), .init("Complete at")])
            for row in result.branches {
                table.append([row.branch, row.name, row.mark.rawValue, row.completeAt?.description ?? ""])
            }
            print(table.render(), terminator: "")
            print("Deadline: \(result.deadline?.description ?? "unknown — the bureau calendar lacks a year it needs; add the year's days to calendar.txt in the hub's folder")")
            print(HubJSONOutput.rateLine(result))
        }
    }
}

/// Branch states for operators and scripts.
enum BranchText {
    static func table(_ branches: [BranchStatus]) -> String {
        var table = TextTable([.init("Branch"), .init("Name"), .init("State"), .init("Held", .right),
                               .init("Pending", .right), .init("Last heard"), .init("Flags")])
        for branch in branches {
            let flags = branch.flags.map { flag in "\(flag.kind.rawValue)\(flag.seq.map { " #\($0)" } ?? ""): \(flag.detail)" }
            table.append([branch.id, branch.name, branch.state.rawValue, "\(branch.heldSeq)", "\(branch.pending)",
                          branch.lastHeardAt?.description ?? "never", flags.joined(separator: "; ")])
        }
        return table.render()
    }
}
