import Foundation
import GRDB
import TaizhangCore

/// What the sync driver needs of the ledger: the ledger file itself, or — when the file is
/// damaged — the readable, verified prefix of it, held in memory and never written back.
protocol SyncLedger {
    func syncState() throws -> SyncState
    func chain(at seq: Int64) throws -> [UInt8]?
    func outbox(after seq: Int64, limit: Int) throws -> [Entry]
    func confirm(_ heldSeq: Int64, chain: [UInt8], at time: Timestamp, fromWelcome: Bool, flags: FlagNotice?) throws -> Bool
    func noteSyncProblem(_ problem: SyncError?, at time: Timestamp) throws
    func noteHubAnswered(_ endpoint: String) throws
    func dataVersion() throws -> Int64
}

extension AgentDatabase: SyncLedger {}

/// The entries of a damaged ledger that can still be read and whose hashes and chain verify,
/// from entry 1 up to the first that cannot: what `sync` still delivers.
final class SalvagedLedger: SyncLedger {
    let entries: [Entry]
    /// chains[n] = chain(n), chains[0] the genesis.
    let chains: [[UInt8]]
    let acked: Int64
    /// What stopped the reading: the first entry that could not be read or verified.
    let firstUnreadable: Int64
    let problem: String

    init(reading database: AgentDatabase, info: LedgerInfo) {
        var entries: [Entry] = []
        var chains = [LedgerChain.genesis(branch: info.branch, incarnation: info.incarnation)]
        var problem = "the ledger file is damaged"
        do {
            try database.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT \(EntryRow.columns), hash, chain FROM entry ORDER BY seq")
                while let row = try rows.next() {
                    guard let entry = try? EntryRow.decode(row), entry.seq == Int64(entries.count + 1),
                          let hash = Data.fromDatabaseValue(row[16]), let chain = Data.fromDatabaseValue(row[17]),
                          EntryCodec.contentHash(entry) == [UInt8](hash),
                          LedgerChain.next(chains[chains.count - 1], contentHash: [UInt8](hash)) == [UInt8](chain) else {
                        problem = "entry #\(entries.count + 1) does not verify"
                        return
                    }
                    entries.append(entry)
                    chains.append([UInt8](chain))
                }
            }
        } catch {
            problem = "\(error)"
        }
        self.entries = entries
        self.chains = chains
        acked = (try? database.syncState().ackedSeq).map { min($0, Int64(entries.count)) } ?? 0
        firstUnreadable = Int64(entries.count + 1)
        self.problem = problem
    }

    func syncState() throws -> SyncState {
        SyncState(lastSeq: Int64(entries.count), ackedSeq: acked, lastAckAt: nil)
    }

    func chain(at seq: Int64) throws -> [UInt8]? {
        seq >= 0 && seq < Int64(chains.count) ? chains[Int(seq)] : nil
    }

    func outbox(after seq: Int64, limit: Int) throws -> [Entry] {
        Array(entries.dropFirst(Int(max(0, seq))).prefix(limit))
    }

    func confirm(_ heldSeq: Int64, chain: [UInt8], at time: Timestamp, fromWelcome: Bool, flags: FlagNotice?) throws -> Bool {
        try self.chain(at: heldSeq) == chain
    }

    func noteSyncProblem(_ problem: SyncError?, at time: Timestamp) throws {}

    func noteHubAnswered(_ endpoint: String) throws {}

    func dataVersion() throws -> Int64 { 0 }
}
