import AgentKit
import Foundation
import GRDB
import HubKit
import TaizhangCore

/// A hub made for a benchmark: its folder and keys created in-process as `taizhang-hub init`
/// would (HubDirectory.create), branches enrolled through HubDatabase, and `serve` run as a
/// real process on a loopback port the system chooses.
struct HubFixture {
    let directory: HubDirectory
    /// The hub's CURVE public key, for agents.
    let publicKey: String
    let database: HubDatabase

    static func create(_ path: String) throws -> HubFixture {
        let directory = HubDirectory(path: path)
        let key = try directory.create()
        return HubFixture(directory: directory, publicKey: key, database: try directory.open())
    }

    /// Starts `taizhang-hub serve --bind tcp://127.0.0.1:*` and waits for its ready line;
    /// returns the process and the endpoint it bound.
    func serve(_ context: BenchContext, _ children: Children) throws -> (process: ChildProcess, endpoint: String) {
        guard FileSystem.isExecutable(context.hubPath) else {
            throw ProcessFailure(description: "no taizhang-hub next to taizhang-bench in \(context.binDirectory); build the whole package (make release)")
        }
        let server = try children.spawn("hub", [context.hubPath, "serve", "--bind", "tcp://127.0.0.1:*", "--data", directory.path])
        let endpoint = try server.waitForLine(startingWith: "serving on ")
        return (server, endpoint)
    }

    /// A new office set up against this hub as `taizhang-agent init` would, and enrolled.
    func addAgent(branch: String, path: String, endpoint: String) throws -> AgentDatabase {
        let setup = AgentSetup(branch: branch, name: "\(branch)分局", hubEndpoint: endpoint, hubKey: publicKey)
        let (ledger, agentKey) = try setup.create(in: AgentDirectory(path: path))
        try database.enroll(branch: branch, name: "\(branch)分局", publicKey: agentKey, at: .now())
        return ledger
    }

    /// A read-only GRDB connection to hub.sqlite, as a monitoring tool would open it.
    func readOnly() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        return try DatabaseQueue(path: directory.databasePath, configuration: configuration)
    }

    /// Entries stored per branch, counted in the entry table itself, and the held seqs.
    func storedEntries() throws -> (count: Int64, heldSeqs: [String: Int64]) {
        try readOnly().read { db in
            let count = try Int64.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? -1
            var held: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, held_seq FROM branch") { held[row[0]] = row[1] }
            return (count, held)
        }
    }

    /// Unresolved flags (rule violations, conflicts): a clean benchmark load raises none.
    func openFlags() throws -> Int64 {
        try readOnly().read { db in try Int64.fetchOne(db, sql: "SELECT count(*) FROM flag WHERE resolved_at IS NULL") ?? -1 }
    }

    /// Bytes of hub.sqlite and its WAL.
    var bytes: Int64 { FileSystem.size(directory.databasePath) + FileSystem.size(directory.databasePath + "-wal") }
}

/// Agent ledgers for hub cases, built through AgentDatabase.record (LedgerMix, 10k batches).
enum AgentFleet {
    /// Creates and fills `count` ledgers of `entries` each; branch IDs are `prefix-01`, ...
    static func make(_ hub: HubFixture, endpoint: String, count: Int, entries: Int64, prefix: String,
                     under scratch: String, context: BenchContext) throws -> [(branch: String, path: String)] {
        var made: [(branch: String, path: String)] = []
        var spent: Int64 = 0
        for index in 1...count {
            let branch = count == 1 ? prefix : prefix + "-" + (index < 10 ? "0" : "") + String(index)
            let path = scratch + "/agent-" + branch
            let ledger = try hub.addAgent(branch: branch, path: path, endpoint: endpoint)
            spent += try Fixture.fill(ledger, count: entries) { done in
                if count == 1, done % max(entries / 5, 1) == 0 { context.progress("\(branch): \(done) entries recorded") }
            }
            made.append((branch, path))
        }
        context.progress("recorded \(Int64(count) * entries) entries in \(count) ledger(s) at \(rate(Int64(count) * entries, spent)) entries/s")
        return made
    }

    /// Every entry of the ledger at `path`, in seq order, as the agent would send them.
    static func entries(_ path: String) throws -> [Entry] {
        let ledger = try AgentDirectory(path: path).open()
        var all: [Entry] = []
        while true {
            let next = try ledger.outbox(after: Int64(all.count), limit: 10_000)
            if next.isEmpty { break }
            all += next
        }
        return all
    }
}

/// The baseline of the ingest cases: the same rows inserted into an equivalent entry table
/// (the hub's, WITHOUT ROWID with its indexes) in a fresh file, by plain GRDB with a cached
/// prepared statement, WAL, synchronous=FULL, 500 rows per transaction. What SQLite alone
/// costs on this disk, without decoding, rule checks, totals or the network.
enum IngestBaseline {
    static let schema = """
        CREATE TABLE entry (
            branch TEXT NOT NULL, seq INTEGER NOT NULL CHECK (seq >= 1), material TEXT NOT NULL,
            action TEXT NOT NULL, item TEXT, quantity INTEGER, occurred_on TEXT NOT NULL,
            recorded_at INTEGER NOT NULL, voids INTEGER, body BLOB NOT NULL, hash BLOB NOT NULL,
            violation TEXT, stored_at INTEGER NOT NULL, PRIMARY KEY (branch, seq)
        ) WITHOUT ROWID;
        CREATE INDEX entry_voids ON entry(branch, voids) WHERE voids IS NOT NULL;
        CREATE INDEX entry_item ON entry(branch, material, item) WHERE item IS NOT NULL;
        """

    /// One row's values, made before timing starts (the encoding and hash are the hub's
    /// work, not SQLite's).
    struct Row {
        let branch: String, seq: Int64, material: String, action: String, item: String?, quantity: Int64?
        let occurredOn: String, recordedAt: Int64, voids: Int64?, body: Data, hash: Data
    }

    static func rows(_ entries: [Entry]) -> [Row] {
        entries.map { entry in
            let body = EntryCodec.encode(entry)
            return Row(branch: entry.branch, seq: entry.seq, material: entry.material.rawValue, action: entry.action.rawValue,
                       item: entry.item, quantity: entry.quantity, occurredOn: entry.occurredOn.description,
                       recordedAt: entry.recordedAt.millisecondsSinceEpoch, voids: entry.voids,
                       body: Data(body), hash: Data(SHA256.hash(body)))
        }
    }

    /// Inserts `rows` into a new database at `path`; returns the nanoseconds spent inserting.
    static func insert(_ rows: [Row], into path: String, perTransaction: Int = 500) throws -> Int64 {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: schema)
        }
        let storedAt = Timestamp.now().millisecondsSinceEpoch
        return try Clock.measure {
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(start + perTransaction, rows.count)]
                try queue.inTransaction(.immediate) { db in
                    let statement = try db.cachedStatement(sql: """
                        INSERT INTO entry (branch, seq, material, action, item, quantity, occurred_on, recorded_at, voids,
                                           body, hash, violation, stored_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
                        """)
                    for row in chunk {
                        try statement.execute(arguments: [row.branch, row.seq, row.material, row.action, row.item, row.quantity,
                                                          row.occurredOn, row.recordedAt, row.voids, row.body, row.hash, storedAt])
                    }
                    return .commit
                }
                start += perTransaction
            }
        }
    }
}

/// Items per second, rounded.
func rate(_ items: Int64, _ nanoseconds: Int64) -> Int64 {
    Int64((Double(items) * 1e9 / Double(max(nanoseconds, 1))).rounded())
}
