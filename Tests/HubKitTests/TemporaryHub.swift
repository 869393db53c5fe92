import Foundation
import HubKit
import TaizhangCore
import ZeroMQ
import TaizhangTesting
import XCTest

/// A fresh hub database in its own folder under /tmp for each test, removed afterwards.
final class TemporaryHub {
    let directory: String
    let database: HubDatabase
    static let t0 = Timestamp(millisecondsSinceEpoch: 1_220_000_000_000)
    /// 2014-05-13: after every date the random scripts reach.
    static let afterTheScripts = Timestamp(millisecondsSinceEpoch: 1_400_000_000_000)

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-hub-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        database = try HubDatabase(creatingAt: directory + "/hub.sqlite")
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// A valid, distinct CURVE public key for test number `n`.
    static func key(_ n: UInt8) -> String { Z85.encode([UInt8](repeating: n, count: 32))! }

    static func at(seconds: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: t0.millisecondsSinceEpoch + seconds * 1000)
    }

    /// Enrols `branch` with key `n` and greets the hub as ledger `incarnation`.
    @discardableResult
    func enrolAndGreet(_ branch: String, key n: UInt8, incarnation: String = "inc-1") throws -> HubReply {
        try database.enroll(branch: branch, name: "\(branch) office", publicKey: Self.key(n), at: Self.t0)
        return try database.hello(branch: branch, incarnation: incarnation, agentLastSeq: 0, at: Self.t0)
    }

    func ingest(_ branch: String, _ entries: [Entry], at time: Timestamp = TemporaryHub.t0) throws -> HubReply {
        try database.ingest(branch: branch, entries: entries, at: time)
    }

    func inventory(_ branch: String) throws -> Inventory {
        try XCTUnwrap(database.totals().branches[branch])
    }

    func status(_ branch: String, now: Timestamp = TemporaryHub.t0, silentAfter: Int64 = 60) throws -> BranchStatus {
        try XCTUnwrap(database.branches(now: now, silentAfterSeconds: silentAfter).first { $0.id == branch })
    }
}

/// Builds a branch's entries through the in-memory fold, so each one the fold accepts is valid.
struct EntryScript {
    var fold = LedgerFold()
    let branch: String
    var date = CivilDate("2008-01-05")!

    init(branch: String) { self.branch = branch }

    /// Appends the entry if the rules accept it; returns it either way.
    @discardableResult
    mutating func record(_ draft: EntryDraft) throws -> Entry {
        let entry = draft.entry(branch: branch, seq: fold.lastSeq + 1,
                                recordedAt: Timestamp(millisecondsSinceEpoch: 1_200_000_000_000 + fold.lastSeq * 1000))
        try fold.apply(entry)
        return entry
    }

    func draft(_ material: Material, _ action: Action, item: String? = nil, quantity: Int64? = nil,
               _ details: EntryDetails = EntryDetails(), voids: Int64? = nil) -> EntryDraft {
        EntryDraft(material: material, action: action, item: item, quantity: quantity, details: details,
                   occurredOn: date, clerk: "王", voids: voids)
    }

    /// The entry `next` would become, without checking it: for entries the hub must flag.
    func unchecked(_ draft: EntryDraft) -> Entry {
        draft.entry(branch: branch, seq: fold.lastSeq + 1, recordedAt: Timestamp(millisecondsSinceEpoch: 0))
    }

    var entries: [Entry] { (1...max(1, fold.lastSeq)).compactMap { fold.entry(seq: $0) } }
}
