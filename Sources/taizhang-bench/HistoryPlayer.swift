import Foundation
import HubKit
import TaizhangCore
import ZeroMQ

/// Plays a BureauHistory into a new hub, day by day and in time order within each day
/// (09:00 enrolments, 10:00 exports, 11:00 settled flags, 12:00 revocations and pending keys,
/// 18:00–22:00 deliveries), through the same HubDatabase calls `serve` and the CLI make.
struct HistoryPlayer {
    let history: BureauHistory
    let context: BenchContext
    let label: String
    let zone = BureauTimeZone.default

    struct Made {
        var manifest: [String: Int64]
    }

    func play(into folder: String) throws -> Made {
        let start = Clock.nanoseconds()
        let hub = try HubFixture.create(folder)
        let db = hub.database
        try db.deferDurabilityForBulkLoad()
        try db.backdateCreation(to: zone.startOfDay(history.firstDay))
        let offices = history.offices
        var mixes = offices.map { office in
            LedgerMix(total: history.perBranch, first: office.enrolledOn,
                      last: office.revokedOn.map { CivilDate(daysSinceEpoch: $0.daysSinceEpoch - 1) } ?? history.lastMonth.lastDay,
                      seed: 0x7A1_2408 &+ UInt64(office.index) &* 0x9E37_79B9)
        }
        var seqs = [Int64](repeating: 0, count: offices.count)
        var greeted = [Bool](repeating: false, count: offices.count)
        var broke = [Bool](repeating: false, count: offices.count)
        var conflicted = [Bool](repeating: false, count: offices.count)
        var settle: [CivilDate: [Int64]] = [:]
        var issues: [CivilDate: [(YearMonth, Bool)]] = [:]
        for month in history.exportedMonths {
            let days = history.issueDays(of: month)
            issues[days.first, default: []].append((month, false))
            issues[days.again, default: []].append((month, true))
        }
        let order = offices.indices.sorted { (offices[$0].minute, $0) < (offices[$1].minute, $1) }
        var ingestNanoseconds: Int64 = 0, cards: Int64 = 0, entries: Int64 = 0, batches: Int64 = 0
        var day = history.firstDay
        while day < history.until {
            let midnight = zone.startOfDay(day).millisecondsSinceEpoch
            func at(_ hour: Int, _ minute: Int) -> Timestamp { Timestamp(millisecondsSinceEpoch: midnight + Int64(hour * 60 + minute) * 60_000) }
            if day.day == 1 { context.progress("\(label): \(day.yearMonth), \(entries) entries in \(batches) batches so far, \(rate(entries, Clock.nanoseconds() - start)) entries/s") }
            for office in offices where office.enrolledOn == day {
                try db.enroll(branch: office.id, name: office.id + "分局", publicKey: try CurveKeyPair.generate().publicKey,
                              at: at(9, office.index % 60))
            }
            for (month, again) in issues[day] ?? [] { try issue(month, again: again, at: at(10, 0), in: db) }
            for id in settle[day] ?? [] {
                _ = try db.resolveFlag(id: String(id), note: "已与分局核实：该公示栏未曾登记，无需更正", by: "bench-operator", at: at(11, 0))
            }
            for office in offices where office.revokedOn == day { try db.revoke(branch: office.id, at: at(12, 0)) }
            if day.daysSinceEpoch % 97 == 0 {
                try db.notePendingKey(try CurveKeyPair.generate().publicKey, address: "10.3.\(day.month).\(day.day)", at: at(12, 30))
            }
            for index in order where offices[index].delivers(on: day) {
                let office = offices[index]
                let time = at(18, office.minute)
                if !greeted[index] {
                    greeted[index] = true
                    _ = try db.hello(branch: office.id, incarnation: Self.incarnation(office.index), agentLastSeq: seqs[index], at: time)
                }
                var drafts: [EntryDraft] = []
                while let next = mixes[index].nextDate, next <= day { drafts.append(mixes[index].next()) }
                if !broke[index], let breaks = office.breaksRuleOn, breaks <= day {
                    broke[index] = true
                    drafts.append(EntryDraft(material: .board, action: .retire, item: "GS-X\(office.index)",
                                             details: EntryDetails(reason: "更换为统一标准公示栏"), occurredOn: day, clerk: "bench"))
                }
                for draft in drafts where draft.material == .card && draft.action == .receive { cards += draft.quantity ?? 0 }
                if drafts.isEmpty {
                    _ = try db.heard(branch: office.id, agentLastSeq: seqs[index], at: time)
                    continue
                }
                let batch = drafts.enumerated().map { offset, draft -> Entry in
                    seqs[index] += 1
                    return draft.entry(branch: office.id, seq: seqs[index], recordedAt: recordedAt(draft.occurredOn, offset))
                }
                let reply = try Clock.measureReturning { try db.ingest(branch: office.id, entries: batch, zone: zone, at: time) }
                ingestNanoseconds += reply.nanoseconds
                guard case .ack(let held, _) = reply.value, held == seqs[index] else {
                    throw ProcessFailure(description: "ingest of \(office.id) up to #\(seqs[index]) answered \(reply.value)")
                }
                entries += Int64(batch.count)
                batches += 1
                if broke[index], office.ruleFlagSettled, batch.last?.item == "GS-X\(office.index)",
                   let flag = try db.flags(branch: office.id).first(where: { $0.kind == "rule" }) {
                    settle[CivilDate(daysSinceEpoch: day.daysSinceEpoch + 7), default: []].append(flag.id)
                }
                if !conflicted[index], let conflictOn = office.conflictOn, conflictOn <= day {
                    conflicted[index] = true
                    let other = EntryDraft(material: .card, action: .receive, quantity: 1, occurredOn: office.enrolledOn, clerk: "bench")
                        .entry(branch: office.id, seq: 1, recordedAt: time)
                    guard case .refused = try db.ingest(branch: office.id, entries: [other], zone: zone, at: time) else {
                        throw ProcessFailure(description: "a different entry #1 for \(office.id) was not refused")
                    }
                }
                if office.index % 500 == 11, day >= CivilDate(daysSinceEpoch: history.until.daysSinceEpoch - 5) {
                    _ = try db.hello(branch: office.id, incarnation: Self.incarnation(office.index + 100_000), agentLastSeq: 3, at: time)
                }
            }
            day = CivilDate(daysSinceEpoch: day.daysSinceEpoch + 1)
        }
        let stored = try hub.storedEntries().count
        let manifest: [String: Int64] = [
            "entries": stored, "cardsReceived": cards, "openFlags": try hub.openFlags(), "exports": Int64(try db.exportIssues().count),
            "batches": batches, "buildNanoseconds": Clock.nanoseconds() - start, "ingestNanoseconds": ingestNanoseconds,
        ]
        context.progress("\(label): built \(manifest)")
        return Made(manifest: manifest)
    }

    /// Issues `month`'s export as `taizhang-hub export` would; `again` only if late entries restated it.
    private func issue(_ month: YearMonth, again: Bool, at time: Timestamp, in db: HubDatabase) throws {
        let report = try db.monthlyReport(month: month, asOf: time, timeZone: zone,
                                          now: Timestamp(millisecondsSinceEpoch: time.millisecondsSinceEpoch + 1000))
        if again, report.earlier?.changes.isEmpty ?? true { return }
        try db.recordExport(report, issuedAt: Timestamp(millisecondsSinceEpoch: time.millisecondsSinceEpoch + 1500))
    }

    /// During office hours of the entry's day (Asia/Shanghai has no daylight saving).
    private func recordedAt(_ date: CivilDate, _ offset: Int) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: Int64(date.daysSinceEpoch) * 86_400_000 - 8 * 3_600_000
                  + Int64(9 * 60 + (offset * 7) % 480) * 60_000)
    }

    static func incarnation(_ index: Int) -> String {
        let digits = String(index)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// Today, at the wall clock: every office that is neither revoked nor silent PINGs, the
    /// behind ones reporting entries the hub does not hold yet.
    static func today(_ history: BureauHistory, on db: HubDatabase) throws {
        let now = Timestamp.now().millisecondsSinceEpoch
        for office in history.offices where office.revokedOn == nil && office.silentFrom == nil {
            let held = try db.heldSeq(branch: office.id)
            _ = try db.heard(branch: office.id, agentLastSeq: held + office.behindBy,
                             at: Timestamp(millisecondsSinceEpoch: now - Int64(office.index % 50) * 1000))
        }
    }
}
