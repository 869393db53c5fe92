import AgentKit
import TaizhangCore

/// Cases that time the agent as a clerk meets it: one `taizhang-agent` process per command.
enum AgentCases {
    static var all: [BenchCase] { [recordVersusSQLite, status] }

    static let sqlite3Path = "/usr/bin/sqlite3"

    /// The agent's `entry` table and indexes (AgentSchema v1), for the sqlite3 baseline.
    static let baselineSchema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE entry (
            seq INTEGER PRIMARY KEY CHECK (seq >= 1), branch TEXT NOT NULL, material TEXT NOT NULL,
            action TEXT NOT NULL, item TEXT, quantity INTEGER, location TEXT, staff TEXT, channel TEXT,
            reason TEXT, batch TEXT, standard INTEGER, occurred_on TEXT NOT NULL,
            recorded_at INTEGER NOT NULL, clerk TEXT NOT NULL, voids INTEGER REFERENCES entry(seq));
        CREATE UNIQUE INDEX entry_voids ON entry(voids) WHERE voids IS NOT NULL;
        CREATE INDEX entry_item ON entry(material, item) WHERE item IS NOT NULL;
        """

    static let recordVersusSQLite = BenchCase(
        name: "agent.record-process-vs-sqlite3",
        description: "One 'taizhang-agent board install' process versus one 'sqlite3 FILE \"INSERT ...\"' process inserting the same row into an equivalent WAL-mode entry table; spawn to exit, interleaved",
        goal: "ratio = median(agent) / median(sqlite3) <= 3"
    ) { context in
        guard FileSystem.isExecutable(sqlite3Path) else {
            throw ProcessFailure(description: "\(sqlite3Path) is missing; install the sqlite3 package (make deps)")
        }
        let ledger = context.scratch + "/ledger"
        let baseline = context.scratch + "/baseline.sqlite"
        _ = try Fixture.initialise(ledger)
        let timer = ProcessTimer(scratch: context.scratch)
        try timer.run([sqlite3Path, baseline, baselineSchema])

        let today = BureauTimeZone.default.date().description
        var tag = 0
        func agent() throws -> Int64 {
            tag += 1
            return try timer.run([context.agentPath, "board", "install", "--tag", "GS-\(tag)",
                                  "--location", "大厅东墙", "--data", ledger])
        }
        func sqlite3() throws -> Int64 {
            let recordedAt = Timestamp.now().millisecondsSinceEpoch
            return try timer.run([sqlite3Path, baseline, """
                INSERT INTO entry (branch, material, action, item, location, standard, occurred_on, recorded_at, clerk)
                VALUES ('bench', 'board', 'install', 'GS-\(tag)', '大厅东墙', 1, '\(today)', \(recordedAt), 'bench');
                """])
        }

        let warmups = 3, runs = context.quick ? 10 : 40
        context.progress("record: \(warmups) warm-ups and \(runs) interleaved runs each")
        for _ in 0..<warmups { _ = try agent(); _ = try sqlite3() }
        var agentTimes: [Int64] = [], sqliteTimes: [Int64] = []
        for _ in 0..<runs {
            agentTimes.append(try agent())
            sqliteTimes.append(try sqlite3())
        }

        try timer.run([sqlite3Path, baseline, "SELECT count(*) FROM entry;"])
        let baselineRows = Int64(try timer.lastOutput().filter { !$0.isWhitespace }) ?? -1
        let agentRows = try AgentDatabase(openingAt: AgentDirectory(path: ledger).ledgerPath).syncState().lastSeq
        guard agentRows == Int64(tag), baselineRows == Int64(tag) else {
            throw ProcessFailure(description: "expected \(tag) rows in each ledger, found \(agentRows) (agent) and \(baselineRows) (sqlite3)")
        }

        let agentStats = Samples(agentTimes), sqliteStats = Samples(sqliteTimes)
        let ratio = Double(agentStats.median) / Double(max(sqliteStats.median, 1))
        return Measurement(metrics: [
            ("runs", .int(Int64(runs))),
            ("agentMedianMs", .milliseconds(agentStats.median)), ("agentP90Ms", .milliseconds(agentStats.p90)),
            ("sqlite3MedianMs", .milliseconds(sqliteStats.median)), ("sqlite3P90Ms", .milliseconds(sqliteStats.p90)),
        ], ratio: ratio, goalMet: ratio <= 3)
    }

    static let status = BenchCase(
        name: "agent.status-1m",
        description: "'taizhang-agent status --json' as a whole process on a 1,000,000-entry ledger built through AgentDatabase.record, versus on a 10-entry ledger; interleaved",
        goal: "median(1M) < 50 ms and ratio = median(1M) / median(10) <= 1.5"
    ) { context in
        let entries: Int64 = context.quick ? 50_000 : 1_000_000
        let big = AgentDirectory(path: context.scratch + "/big")
        let small = AgentDirectory(path: context.scratch + "/small")
        context.progress("status: recording \(entries) entries in batches of 10000")
        let buildNanoseconds = try Fixture.fill(try Fixture.initialise(big.path), count: entries) { done in
            if done % (entries / 10) == 0 { context.progress("status: \(done) entries recorded") }
        }
        _ = try Fixture.fill(try Fixture.initialise(small.path), count: 10)
        let ledgerBytes = FileSystem.size(big.ledgerPath) + FileSystem.size(big.ledgerPath + "-wal")

        let timer = ProcessTimer(scratch: context.scratch)
        func status(_ directory: AgentDirectory) throws -> Int64 {
            try timer.run([context.agentPath, "status", "--json", "--data", directory.path])
        }
        for (directory, count) in [(big, entries), (small, Int64(10))] {
            _ = try status(directory)
            guard try timer.lastOutput().contains("\"lastSeq\": \(count),") else {
                throw ProcessFailure(description: "status of \(directory.path) does not report lastSeq \(count)")
            }
        }

        let runs = context.quick ? 7 : 15
        context.progress("status: 2 warm-ups and \(runs) interleaved runs each")
        for _ in 0..<2 { _ = try status(big); _ = try status(small) }
        var bigTimes: [Int64] = [], smallTimes: [Int64] = []
        for _ in 0..<runs {
            bigTimes.append(try status(big))
            smallTimes.append(try status(small))
        }

        let database = try big.open()
        var calls: [Int64] = []
        for _ in 0..<(context.quick ? 200 : 2000) { calls.append(try Clock.measure { _ = try database.status() }) }

        let bigStats = Samples(bigTimes), smallStats = Samples(smallTimes)
        let ratio = Double(bigStats.median) / Double(max(smallStats.median, 1))
        let seconds = Double(buildNanoseconds) / 1e9
        return Measurement(metrics: [
            ("entries", .int(entries)),
            ("buildSeconds", .decimal(seconds, places: 1)),
            ("buildEntriesPerSecond", .int(Int64((Double(entries) / max(seconds, 1e-9)).rounded()))),
            ("ledgerBytes", .int(ledgerBytes)),
            ("runs", .int(Int64(runs))),
            ("bigMedianMs", .milliseconds(bigStats.median)), ("bigP90Ms", .milliseconds(bigStats.p90)),
            ("smallMedianMs", .milliseconds(smallStats.median)), ("smallP90Ms", .milliseconds(smallStats.p90)),
            ("inProcessStatusMedianMs", .milliseconds(Samples(calls).median)),
            ("inProcessStatusCalls", .int(Int64(calls.count))),
        ], ratio: ratio, goalMet: bigStats.median < 50_000_000 && ratio <= 1.5)
    }
}
