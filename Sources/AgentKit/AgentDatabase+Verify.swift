import Foundation
import GRDB
import TaizhangCore

/// What `taizhang-agent verify` found: the ledger intact up to `lastSeq` with chain `chain`.
public struct LedgerVerification: Sendable, Equatable {
    public var branch: String
    public var lastSeq: Int64
    public var chain: [UInt8]
}

extension AgentDatabase {
    /// SQLite's integrity check, then every entry's content hash and chain recomputed from
    /// the stored row (its canonical encoding) and the seqs 1 … N with no gap. Throws
    /// `AgentError.verifyFailed` naming the first entry that does not verify, or `damaged`.
    public func verify() throws -> LedgerVerification {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard integrity == ["ok"] else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: integrity.prefix(3).joined(separator: "; ").replacingOccurrences(of: "\n", with: " "))
            }
            let (branch, incarnation) = try Self.owner(db)
            var verifier = ChainVerifier(genesis: LedgerChain.genesis(branch: branch, incarnation: incarnation))
            let rows = try Row.fetchCursor(db, sql: "SELECT \(EntryRow.columns), hash, chain FROM entry ORDER BY seq")
            while let row = try rows.next() {
                let expected = verifier.lastSeq + 1
                func failed(_ detail: String) -> AgentError {
                    .verifyFailed(path: path, branch: branch, seq: expected, detail: detail)
                }
                guard let entry = try? EntryRow.decode(row) else { throw failed("the entry is unreadable") }
                guard entry.seq == expected else { throw failed("the entry is missing") }
                guard let hash = Data.fromDatabaseValue(row[16]), let chain = Data.fromDatabaseValue(row[17]) else {
                    throw failed("its hash or chain is unreadable")
                }
                let body = EntryCodec.encode(entry)
                guard verifier.accept(seq: entry.seq, body: body, hash: [UInt8](hash), chain: [UInt8](chain)) else {
                    throw failed(SHA256.hash(body) == [UInt8](hash)
                                 ? "its chain does not follow from the entries before it"
                                 : "it does not match its content hash: it was changed after it was recorded")
                }
            }
            return LedgerVerification(branch: branch, lastSeq: verifier.lastSeq, chain: verifier.chain)
        }
    }

    /// The check at `run`'s start: SQLite's quick check and the chain head (the last entry's
    /// hash and its link to the one before).
    public func checkAtStart() throws {
        try read { db in
            let quick = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard quick == ["ok"] else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: quick.prefix(3).joined(separator: "; ").replacingOccurrences(of: "\n", with: " "))
            }
            let (branch, incarnation) = try Self.owner(db)
            let rows = try Row.fetchAll(db, sql: "SELECT \(EntryRow.columns), hash, chain FROM entry ORDER BY seq DESC LIMIT 2")
            guard let last = rows.first else { return }
            let entry = try? EntryRow.decode(last)
            let seq = entry?.seq ?? (Int64.fromDatabaseValue(last[0]) ?? 0)
            let previous = rows.count == 2 ? Data.fromDatabaseValue(rows[1][17]).map([UInt8].init)
                : LedgerChain.genesis(branch: branch, incarnation: incarnation)
            guard let entry, let previous, let chain = Data.fromDatabaseValue(last[17]).map([UInt8].init),
                  LedgerChain.next(previous, contentHash: EntryCodec.contentHash(entry)) == chain else {
                throw AgentError.verifyFailed(path: path, branch: branch, seq: seq, detail: "the chain head does not follow from the stored entry")
            }
        }
    }

    /// SQLite's quick check (every page read, a few ms for years of entries): a damaged file
    /// is refused before anything reads a damaged page or writes next to it.
    public func checkPages() throws {
        try read { db in
            let quick = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard quick == ["ok"] else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: quick.prefix(3).joined(separator: "; ").replacingOccurrences(of: "\n", with: " "))
            }
        }
    }

    static func owner(_ db: Database) throws -> (branch: String, incarnation: String) {
        guard let row = try Row.fetchOne(db, sql: "SELECT branch, incarnation FROM ledger"),
              let branch = String.fromDatabaseValue(row[0]), let incarnation = String.fromDatabaseValue(row[1]) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the ledger has no owner row")
        }
        return (branch, incarnation)
    }
}
