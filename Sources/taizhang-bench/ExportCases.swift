import Foundation
import GRDB
import HubKit
import TaizhangCore
import TaizhangReport
import ZeroMQ

/// The monthly export on a bureau-sized hub, against the scan it avoids.
enum ExportCases {
    static var all: [BenchCase] { [export5m] }

    static let month = YearMonth(year: 2025, month: 12)!

    static let export5m = BenchCase(
        name: "hub.export-5m",
        description: "'taizhang-hub export --month 2025-12 --format csv --out FILE' as a whole process (default as-of: now, so each run also records the export) on a hub of 1,000 branches and 5,000,000 entries (built in-process through HubDatabase.enroll and HubDatabase.ingest, 500 consecutive LedgerMix entries per branch per batch, dated 2008-2025); also the same export in-process (HubDatabase.monthlyReport + CSV); baseline: one GROUP BY scan of the same entry table (SELECT branch, material, action, count(*), sum(quantity) … WHERE occurred_on <= '2025-12-31' GROUP BY branch, material, action) through a read-only GRDB connection, in the same run",
        goal: "export process median < 2 s and ratio = export process median / scan median < 1"
    ) { context in
        let branches = context.quick ? 100 : 1_000
        let perBranch: Int64 = context.quick ? 500 : 5_000
        let hub = try HubFixture.create(context.scratch + "/hub")
        let names = (1...branches).map { "branch-\($0)" }
        context.progress("export: enrolling \(branches) branches")
        for name in names {
            try hub.database.enroll(branch: name, name: name + "分局", publicKey: try CurveKeyPair.generate().publicKey, at: .now())
        }
        let total = Int64(branches) * perBranch
        context.progress("export: ingesting \(total) entries in batches of 500")
        let buildNanoseconds = try Clock.measure { try fill(hub.database, names: names, perBranch: perBranch, context: context) }

        let out = context.scratch + "/export.csv"
        let timer = ProcessTimer(scratch: context.scratch)
        let arguments = [context.hubPath, "export", "--month", month.description, "--format", "csv", "--out", out,
                         "--data", hub.directory.path]
        sleep(2)
        _ = try timer.run(arguments)
        let runs = context.quick ? 3 : 7
        context.progress("export: \(runs) export processes, \(runs) in-process exports, 3 scans")
        var processTimes: [Int64] = [], inProcessTimes: [Int64] = [], scanTimes: [Int64] = []
        var report: MonthlyReport?
        var csvBytes = 0
        for _ in 0..<runs {
            processTimes.append(try timer.run(arguments))
            inProcessTimes.append(try Clock.measure {
                let made = try hub.database.monthlyReport(month: month, asOf: nil, timeZone: .default)
                csvBytes = try ReportFormat.csv.render(made, language: .zh).count
                report = made
            })
        }
        let reader = try hub.readOnly()
        var scanned = 0
        for _ in 0..<3 {
            scanTimes.append(try Clock.measure {
                scanned = try reader.read { db in
                    try Row.fetchAll(db, sql: """
                        SELECT branch, material, action, count(*), sum(quantity) FROM entry
                        WHERE occurred_on <= '2025-12-31' GROUP BY branch, material, action
                        """).count
                }
            })
        }
        guard let report else { throw ProcessFailure(description: "no export was made") }
        // December 2025 is the mix's last month: its closing balances are the hub's inventory.
        let totals = try hub.database.totals()
        let cards = report.totals.first { $0.material == .card }?.closing
        guard cards == totals.bureau[.card].onHand, report.entries == total, report.branches.count == branches else {
            throw ProcessFailure(description: "the export shows \(cards ?? -1) cards on hand and \(report.entries) entries; expected \(totals.bureau[.card].onHand) and \(total)")
        }
        let process = Samples(processTimes), inProcess = Samples(inProcessTimes), scan = Samples(scanTimes)
        let ratio = Double(process.median) / Double(max(scan.median, 1))
        return Measurement(metrics: [
            ("branches", .int(Int64(branches))), ("entries", .int(total)),
            ("buildSeconds", .decimal(Double(buildNanoseconds) / 1e9, places: 1)),
            ("buildEntriesPerSecond", .int(rate(total, buildNanoseconds))),
            ("hubDatabaseBytes", .int(hub.bytes)),
            ("exportRows", .int(Int64(report.rows.count + report.totals.count))), ("csvBytes", .int(Int64(csvBytes))),
            ("runs", .int(Int64(runs))),
            ("exportProcessMedianMs", .milliseconds(process.median)), ("exportProcessMaxMs", .milliseconds(process.sorted.last ?? 0)),
            ("exportInProcessMedianMs", .milliseconds(inProcess.median)),
            ("scanMedianMs", .milliseconds(scan.median)), ("scanGroups", .int(Int64(scanned))),
        ], ratio: ratio, goalMet: process.median < 2_000_000_000 && ratio < 1)
    }

    /// 500 consecutive entries per branch per batch, branches interleaved, as hub.totals-5m builds its hub.
    static func fill(_ database: HubDatabase, names: [String], perBranch: Int64, context: BenchContext) throws {
        var mixes = names.map { _ in LedgerMix(total: perBranch) }
        var seqs = [Int64](repeating: 0, count: names.count)
        var done: Int64 = 0
        let total = perBranch * Int64(names.count)
        while done < total {
            for index in names.indices where !mixes[index].isFinished {
                let now = Timestamp.now()
                let entries = mixes[index].nextBatch(500).map { draft -> Entry in
                    seqs[index] += 1
                    return draft.entry(branch: names[index], seq: seqs[index], recordedAt: now)
                }
                guard case .ack(let held, _) = try database.ingest(branch: names[index], entries: entries, at: now),
                      held == seqs[index] else {
                    throw ProcessFailure(description: "ingest of \(names[index]) up to #\(seqs[index]) was refused")
                }
                done += Int64(entries.count)
                if done % max(total / 10, 1) == 0 { context.progress("export: \(done) entries stored") }
            }
        }
    }
}
