import AgentKit
import Foundation
import GRDB
import HubKit
import TaizhangCore
import ZeroMQ

/// Cases that time the hub as a bureau meets it: a real `taizhang-hub serve` over CURVE,
/// real `taizhang-agent` processes, and the hub's read commands as whole processes.
enum HubCases {
    static var all: [BenchCase] { [ingestOneAgent, ingestTwentyAgents, latency, totals, memory, flood] }

    static let ingestGoal = "ratio = hub entries/s ÷ baseline rows/s >= 0.5"

    static let ingestOneAgent = BenchCase(
        name: "hub.ingest-one-agent",
        description: "One agent ledger with a 200,000-entry backlog (LedgerMix, recorded through AgentDatabase.record in 10k batches); one 'taizhang-agent sync --timeout 600' process against a real 'taizhang-hub serve' (release, CURVE, synchronous=FULL), timed spawn to exit; baseline: the same rows inserted by plain GRDB (cached prepared statement, WAL, synchronous=FULL, 500 rows per transaction) into an equivalent entry table in a fresh file, in the bench process",
        goal: ingestGoal
    ) { context in
        try ingest(context, agents: 1, perAgent: context.quick ? 20_000 : 200_000, prefix: "bench")
    }

    static let ingestTwentyAgents = BenchCase(
        name: "hub.ingest-20-agents",
        description: "20 agent ledgers of 10,000 entries each; 20 'taizhang-agent sync' processes started together against one real hub; total entries ÷ wall time from the first spawn to the last exit; baseline as in hub.ingest-one-agent over the same 200,000 rows",
        goal: ingestGoal
    ) { context in
        try ingest(context, agents: 20, perAgent: context.quick ? 1_000 : 10_000, prefix: "office")
    }

    /// Builds the ledgers, runs the baseline, then the sync processes; checks the hub holds
    /// exactly every entry and the same inventory as each ledger.
    static func ingest(_ context: BenchContext, agents: Int, perAgent: Int64, prefix: String) throws -> Measurement {
        let children = Children(directory: context.scratch)
        defer { children.stopAll() }
        let hub = try HubFixture.create(context.scratch + "/hub")
        let (server, endpoint) = try hub.serve(context, children)
        context.progress("hub serving on \(endpoint); recording \(agents) × \(perAgent) entries")
        let fleet = try AgentFleet.make(hub, endpoint: endpoint, count: agents, entries: perAgent, prefix: prefix,
                                        under: context.scratch, context: context)
        let total = Int64(agents) * perAgent

        var baselineRows: [IngestBaseline.Row] = []
        for agent in fleet { baselineRows += IngestBaseline.rows(try AgentFleet.entries(agent.path)) }
        guard baselineRows.count == Int(total) else {
            throw ProcessFailure(description: "the ledgers hold \(baselineRows.count) entries, expected \(total)")
        }
        context.progress("baseline: inserting \(total) rows through GRDB")
        let baselineNanoseconds = try IngestBaseline.insert(baselineRows, into: context.scratch + "/baseline.sqlite")
        baselineRows = []

        context.progress("starting \(agents) sync process(es)")
        let hubCPUBefore = server.cpuSecondsSoFar()
        var syncs: [ChildProcess] = []
        for agent in fleet {
            syncs.append(try children.spawn("sync", [context.agentPath, "sync", "--timeout", "600", "--data", agent.path]))
        }
        for sync in syncs { try sync.expectSuccess(within: 660) }
        let wall = (syncs.compactMap(\.endedAt).max() ?? 0) - (syncs.map(\.startedAt).min() ?? 0)
        let hubCPU = server.cpuSecondsSoFar() - hubCPUBefore
        let agentCPU = syncs.compactMap(\.cpuSeconds).reduce(0, +)
        guard server.isRunning else { throw ProcessFailure(description: "the hub died: \(server.outcome)") }

        let stored = try hub.storedEntries()
        guard stored.count == total else {
            throw ProcessFailure(description: "the hub holds \(stored.count) entries, expected exactly \(total)")
        }
        let totals = try hub.database.totals()
        for agent in fleet {
            guard stored.heldSeqs[agent.branch] == perAgent else {
                throw ProcessFailure(description: "the hub's held seq of \(agent.branch) is \(stored.heldSeqs[agent.branch] ?? -1), expected \(perAgent)")
            }
            let inventory = try AgentDirectory(path: agent.path).open().inventory()
            let atHub = totals.branches[agent.branch] ?? Inventory()
            guard Material.allCases.allSatisfy({ inventory[$0] == atHub[$0] }) else {
                throw ProcessFailure(description: "the hub's totals of \(agent.branch) differ from its ledger's inventory")
            }
        }
        let flags = try hub.openFlags()

        let hubRate = rate(total, wall), baselineRate = rate(total, baselineNanoseconds)
        let ratio = Double(hubRate) / Double(max(baselineRate, 1))
        return Measurement(metrics: [
            ("agents", .int(Int64(agents))), ("entries", .int(total)),
            ("syncWallSeconds", .decimal(Double(wall) / 1e9, places: 3)),
            ("hubEntriesPerSecond", .int(hubRate)),
            ("baselineSeconds", .decimal(Double(baselineNanoseconds) / 1e9, places: 3)),
            ("baselineRowsPerSecond", .int(baselineRate)),
            ("hubCPUSeconds", .decimal(hubCPU, places: 2)),
            ("syncProcessesCPUSeconds", .decimal(agentCPU, places: 2)),
            ("hubEntriesStored", .int(stored.count)), ("hubOpenFlags", .int(flags)),
            ("hubDatabaseBytes", .int(hub.bytes)),
        ], ratio: ratio, goalMet: ratio >= 0.5)
    }

    static let latency = BenchCase(
        name: "hub.latency-record-to-totals",
        description: "A real hub and one 'taizhang-agent run' daemon; 50 times: spawn 'taizhang-agent card receive --quantity 1' and measure from spawn until the hub's materialised totals show it — polling hub.sqlite read-only through GRDB every 1 ms for the branch's card received tally (SELECT received FROM tally); also the record process's own spawn-to-exit time",
        goal: "p99 (spawn → in the hub's totals) < 200 ms"
    ) { context in
        let children = Children(directory: context.scratch)
        defer { children.stopAll() }
        let hub = try HubFixture.create(context.scratch + "/hub")
        let (server, endpoint) = try hub.serve(context, children)
        let path = context.scratch + "/agent"
        _ = try hub.addAgent(branch: "latency", path: path, endpoint: endpoint)
        let daemon = try children.spawn("run", [context.agentPath, "run", "--data", path])
        let reader = try hub.readOnly()
        func received() throws -> Int64 {
            try reader.read { db in
                try Int64.fetchOne(db.cachedStatement(sql: "SELECT received FROM tally WHERE branch = 'latency' AND material = 'card'")) ?? -1
            }
        }

        var expected: Int64 = 0
        /// One record; returns (spawn → seen at the hub, spawn → record exit).
        func once() throws -> (Int64, Int64) {
            expected += 1
            let record = try children.spawn("record", [context.agentPath, "card", "receive", "--quantity", "1", "--data", path])
            let deadline = record.startedAt + 10_000_000_000
            var seen: Int64?
            while seen == nil {
                record.poll()
                let value = try received()
                if value >= expected {
                    guard value == expected else { throw ProcessFailure(description: "the hub shows \(value) cards received, expected \(expected)") }
                    seen = Clock.nanoseconds() - record.startedAt
                    break
                }
                if record.status != nil, !record.exitedCleanly { throw ProcessFailure(description: record.outcome) }
                guard daemon.isRunning else { throw ProcessFailure(description: "the agent daemon died: \(daemon.outcome)") }
                guard Clock.nanoseconds() < deadline else {
                    throw ProcessFailure(description: "entry #\(expected) did not reach the hub's totals within 10 s")
                }
                usleep(1000)
            }
            try record.expectSuccess(within: 10)
            return (seen!, record.elapsed ?? 0)
        }

        let warmups = 3, runs = context.quick ? 10 : 50
        context.progress("latency: \(warmups) warm-ups (the first also waits for the daemon to connect), \(runs) runs")
        for _ in 0..<warmups { _ = try once() }
        var latencies: [Int64] = [], records: [Int64] = []
        // A random pause between records (10–70 ms), so the runs do not lock onto the phase
        // of any periodic wake-up in the daemon or the hub.
        var random = SplitMix64(state: 0x1A7E)
        for _ in 0..<runs {
            let (latency, record) = try once()
            latencies.append(latency)
            records.append(record)
            usleep(UInt32(10_000 + random.below(60_000)))
        }
        guard server.isRunning else { throw ProcessFailure(description: "the hub died: \(server.outcome)") }
        let stats = Samples(latencies), recordStats = Samples(records)
        let p99 = stats.percentile(0.99)
        return Measurement(metrics: [
            ("runs", .int(Int64(runs))),
            ("pollMethod", .string("GRDB read-only on hub.sqlite every 1 ms: SELECT received FROM tally")),
            ("latencyP50Ms", .milliseconds(stats.median)), ("latencyP90Ms", .milliseconds(stats.p90)),
            ("latencyP99Ms", .milliseconds(p99)), ("latencyMaxMs", .milliseconds(stats.sorted.last ?? 0)),
            ("recordProcessP50Ms", .milliseconds(recordStats.median)), ("recordProcessP99Ms", .milliseconds(recordStats.percentile(0.99))),
            ("afterRecordExitP50Ms", .milliseconds(Samples(zip(latencies, records).map { $0 - $1 }).median)),
        ], ratio: nil, goalMet: p99 < 200_000_000)
    }

    static let totals = BenchCase(
        name: "hub.totals-5m",
        description: "'taizhang-hub totals --json' as a whole process on a hub database with 1,000 enrolled branches and 5,000,000 entries (BigHub: fifteen months of the bureau played through HubDirectory.create, HubDatabase.enroll, hello, ingest, heard, revoke, resolveFlag and recordExport in time order, each office delivering on its own cadence; cached between runs) versus a hub with the same 1,000 branches enrolled and only 10 entries, so the ratio isolates the number of entries; interleaved; also, for information, a hub with one branch and 10 entries (the output then is 1 branch instead of 1,000)",
        goal: "ratio = median(5M entries) / median(10 entries, same 1,000 branches) <= 1.5"
    ) { context in
        let branches = context.quick ? 100 : 1_000
        let perBranch: Int64 = context.quick ? 500 : 5_000
        let built = try BigHub.build(context, path: context.scratch + "/big", branches: branches, perBranch: perBranch, label: "totals")
        let big = built.fixture, names = built.names, cardsReceived = built.cardsReceived

        let small = try HubFixture.create(context.scratch + "/small")
        try small.database.enroll(branch: "small", name: "小分局", publicKey: try CurveKeyPair.generate().publicKey, at: .now())
        var smallMix = LedgerMix(total: 10)
        let smallNow = Timestamp.now()
        let smallEntries = smallMix.nextBatch(10).enumerated().map { $1.entry(branch: "small", seq: Int64($0 + 1), recordedAt: smallNow) }
        _ = try small.database.ingest(branch: "small", entries: smallEntries, at: smallNow)

        let wide = try HubFixture.create(context.scratch + "/wide")
        for name in names { try wide.database.enroll(branch: name, name: name + "分局", publicKey: try CurveKeyPair.generate().publicKey, at: .now()) }
        _ = try wide.database.ingest(branch: names[0], entries: smallEntries, at: smallNow)

        let timer = ProcessTimer(scratch: context.scratch)
        func run(_ hub: HubFixture) throws -> Int64 {
            try timer.run([context.hubPath, "totals", "--json", "--data", hub.directory.path])
        }
        _ = try run(big)
        let output = try timer.lastOutput()
        let document = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let bureauCards = ((document?["bureau"] as? [String: Any])?["card"] as? [String: Any])?["received"] as? Int
        let listed = (document?["branches"] as? [String: Any])?.count
        guard bureauCards.map(Int64.init) == cardsReceived, listed == branches else {
            throw ProcessFailure(description: "totals --json shows \(bureauCards ?? -1) cards received in \(listed ?? -1) branches; expected \(cardsReceived) in \(branches)")
        }

        let runs = context.quick ? 7 : 15
        context.progress("totals: 2 warm-ups and \(runs) interleaved runs each")
        for _ in 0..<2 { _ = try run(big); _ = try run(small); _ = try run(wide) }
        var bigTimes: [Int64] = [], smallTimes: [Int64] = [], wideTimes: [Int64] = []
        for _ in 0..<runs {
            bigTimes.append(try run(big))
            smallTimes.append(try run(small))
            wideTimes.append(try run(wide))
        }
        let bigStats = Samples(bigTimes), smallStats = Samples(smallTimes), wideStats = Samples(wideTimes)
        let ratio = Double(bigStats.median) / Double(max(wideStats.median, 1))
        return Measurement(metrics: built.metrics + [
            ("totalsJsonBytes", .int(Int64(output.utf8.count))),
            ("runs", .int(Int64(runs))),
            ("bigMedianMs", .milliseconds(bigStats.median)), ("bigP90Ms", .milliseconds(bigStats.p90)),
            ("sameBranches10EntriesMedianMs", .milliseconds(wideStats.median)),
            ("sameBranches10EntriesP90Ms", .milliseconds(wideStats.p90)),
            ("oneBranch10EntriesMedianMs", .milliseconds(smallStats.median)),
            ("ratioToOneBranchHub", .decimal(Double(bigStats.median) / Double(max(smallStats.median, 1)), places: 2)),
        ], ratio: ratio, goalMet: ratio <= 1.5)
    }
}

extension Clock {
    /// Runs `body`; returns its value and wall time in nanoseconds.
    static func measureReturning<T>(_ body: () throws -> T) rethrows -> (value: T, nanoseconds: Int64) {
        let start = nanoseconds()
        let value = try body()
        return (value, nanoseconds() - start)
    }
}
