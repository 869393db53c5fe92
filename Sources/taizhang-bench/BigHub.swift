import Foundation
import HubKit
import TaizhangCore
import ZeroMQ

/// The 1,000-branch, 5,000,000-entry hub of the totals and dashboard cases, built in-process
/// through HubDirectory.create, HubDatabase.enroll and HubDatabase.ingest: 500 consecutive
/// LedgerMix entries per branch per batch, branches interleaved, all valid.
struct BigHub {
    let fixture: HubFixture
    let names: [String]
    let total: Int64
    let cardsReceived: Int64
    let buildNanoseconds: Int64
    let ingestNanoseconds: Int64

    static func build(_ context: BenchContext, path: String, branches: Int, perBranch: Int64, label: String) throws -> BigHub {
        let big = try HubFixture.create(path)
        let total = Int64(branches) * perBranch
        context.progress("\(label): enrolling \(branches) branches")
        let names = (1...branches).map { "branch-\($0)" }
        for name in names { try big.database.enroll(branch: name, name: name + "分局", publicKey: try CurveKeyPair.generate().publicKey, at: .now()) }

        context.progress("\(label): ingesting \(total) entries in batches of 500")
        var mixes = names.map { _ in LedgerMix(total: perBranch) }
        var seqs = [Int64](repeating: 0, count: branches)
        var ingestNanoseconds: Int64 = 0, cardsReceived: Int64 = 0, done: Int64 = 0
        let buildStart = Clock.nanoseconds()
        while done < total {
            for index in 0..<branches where !mixes[index].isFinished {
                let now = Timestamp.now()
                let entries = mixes[index].nextBatch(500).map { draft -> Entry in
                    seqs[index] += 1
                    if draft.material == .card, draft.action == .receive { cardsReceived += draft.quantity ?? 0 }
                    return draft.entry(branch: names[index], seq: seqs[index], recordedAt: now)
                }
                let reply = try Clock.measureReturning { try big.database.ingest(branch: names[index], entries: entries, at: now) }
                ingestNanoseconds += reply.nanoseconds
                guard case .ack(let held, _) = reply.value, held == seqs[index] else {
                    throw ProcessFailure(description: "ingest of \(names[index]) up to #\(seqs[index]) answered \(reply.value)")
                }
                done += Int64(entries.count)
                if done % max(total / 10, 1) == 0 {
                    context.progress("\(label): \(done) entries, \(rate(done, Clock.nanoseconds() - buildStart)) entries/s so far")
                }
            }
        }
        let buildNanoseconds = Clock.nanoseconds() - buildStart
        let stored = try big.storedEntries()
        guard stored.count == total, try big.openFlags() == 0 else {
            throw ProcessFailure(description: "the big hub holds \(stored.count) entries (expected \(total)) and \(try big.openFlags()) flags")
        }
        return BigHub(fixture: big, names: names, total: total, cardsReceived: cardsReceived,
                      buildNanoseconds: buildNanoseconds, ingestNanoseconds: ingestNanoseconds)
    }
}
