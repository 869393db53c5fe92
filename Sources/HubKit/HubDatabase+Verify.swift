import Foundation
import GRDB
import TaizhangCore

/// What `taizhang-hub verify` found for one branch: every entry up to `heldSeq` intact, or
/// the first that is not.
public struct BranchVerification: Sendable, Equatable {
    public var branch: String
    public var heldSeq: Int64
    /// chain(heldSeq) as recomputed (the genesis when nothing is held).
    public var chain: [UInt8]
    public var firstBadSeq: Int64?
    public var problem: String?
}

extension HubDatabase {
    /// SQLite's integrity check, then every stored entry of `branch` (or of every branch)
    /// recomputed from its stored bytes: the content hash, the chain, the seqs 1 … held with
    /// no gap, and the queried columns equal to what the bytes say. Throws `damaged` if
    /// SQLite finds the file itself damaged.
    public func verify(branch only: String? = nil) throws -> [BranchVerification] {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard integrity == ["ok"] else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: integrity.prefix(3).joined(separator: "; ").replacingOccurrences(of: "\n", with: " "))
            }
            let branches = try Row.fetchAll(db, sql: "SELECT id, incarnation, held_seq FROM branch ORDER BY id")
            var results: [BranchVerification] = []
            for row in branches {
                let id = String.fromDatabaseValue(row[0]) ?? ""
                if let only, only != id { continue }
                results.append(try Self.verify(branch: id, incarnation: String.fromDatabaseValue(row[1]) ?? "",
                                               held: Int64.fromDatabaseValue(row[2]) ?? -1, db))
            }
            if let only, results.isEmpty { throw HubError.unknownBranch(only) }
            return results
        }
    }

    static func verify(branch: String, incarnation: String, held: Int64, _ db: Database) throws -> BranchVerification {
        var verifier = ChainVerifier(genesis: LedgerChain.genesis(branch: branch, incarnation: incarnation))
        var result = BranchVerification(branch: branch, heldSeq: held, chain: verifier.chain)
        func bad(_ seq: Int64, _ problem: String) -> BranchVerification {
            result.firstBadSeq = seq
            result.problem = problem
            return result
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT seq, body, hash, chain, material, action, item, quantity, occurred_on, voids
            FROM entry WHERE branch = ? ORDER BY seq
            """, arguments: [branch])
        while let row = try rows.next() {
            let expected = verifier.lastSeq + 1
            guard let seq = Int64.fromDatabaseValue(row[0]), seq == expected else { return bad(expected, "the entry is missing") }
            guard let body = Data.fromDatabaseValue(row[1]), let hash = Data.fromDatabaseValue(row[2]),
                  let chain = Data.fromDatabaseValue(row[3]) else { return bad(seq, "the entry's stored bytes are unreadable") }
            guard verifier.accept(seq: seq, body: [UInt8](body), hash: [UInt8](hash), chain: [UInt8](chain)) else {
                return bad(seq, SHA256.hash([UInt8](body)) == [UInt8](hash)
                           ? "its chain does not follow from the entries before it"
                           : "its stored bytes do not match their content hash")
            }
            guard let entry = try? EntryCodec.decode([UInt8](body), branch: branch), entry.seq == seq,
                  String.fromDatabaseValue(row[4]) == entry.material.rawValue, String.fromDatabaseValue(row[5]) == entry.action.rawValue,
                  String.fromDatabaseValue(row[6]) == entry.item, Int64.fromDatabaseValue(row[7]) == entry.quantity,
                  String.fromDatabaseValue(row[8]) == entry.occurredOn.description, Int64.fromDatabaseValue(row[9]) == entry.voids else {
                return bad(seq, "its columns do not match its stored bytes")
            }
        }
        if verifier.lastSeq < held { return bad(verifier.lastSeq + 1, "the entry is missing") }
        if verifier.lastSeq > held { return bad(held + 1, "an entry is stored beyond the branch's held seq") }
        result.chain = verifier.chain
        return result
    }

    /// The check at `serve`'s start: SQLite's quick check, and each branch's chain head
    /// (the last held entry's hash and its link to the one before). Throws `damaged` naming
    /// the branch and seq.
    public func checkAtStart() throws {
        try read { db in
            let quick = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard quick == ["ok"] else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: quick.prefix(3).joined(separator: "; ").replacingOccurrences(of: "\n", with: " "))
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, incarnation, held_seq FROM branch") {
                let branch = String.fromDatabaseValue(row[0]) ?? ""
                let held = Int64.fromDatabaseValue(row[2]) ?? 0
                guard held > 0 else { continue }
                let links = try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT seq, body, hash, chain FROM entry WHERE branch = ? AND seq BETWEEN ? AND ? ORDER BY seq
                    """), arguments: [branch, held - 1, held])
                var previous = held == 1 ? LedgerChain.genesis(branch: branch, incarnation: String.fromDatabaseValue(row[1]) ?? "") : nil
                var intact = links.count == (held == 1 ? 1 : 2)
                for link in links {
                    guard let seq = Int64.fromDatabaseValue(link[0]), let chain = Data.fromDatabaseValue(link[3]).map([UInt8].init) else {
                        intact = false
                        break
                    }
                    if seq == held {
                        let body = Data.fromDatabaseValue(link[1]).map([UInt8].init) ?? []
                        let hash = Data.fromDatabaseValue(link[2]).map([UInt8].init) ?? []
                        intact = intact && SHA256.hash(body) == hash && previous.map { LedgerChain.next($0, contentHash: hash) == chain } == true
                    } else {
                        previous = chain
                    }
                }
                guard intact else {
                    throw HubError.verifyFailed(path: path, branch: branch, seq: held, detail: "the chain head does not follow from the stored bytes")
                }
            }
        }
    }
}
