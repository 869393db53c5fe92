import Foundation
import PostgresClient
import PostgresTesting

/// Cases on a real PostgreSQL cluster (issue 14): the raw insert rate the hub on PostgreSQL
/// will be held to, measured by PostgreSQL's own pgbench, and the same shape through this
/// project's libpq client, to show what the client costs.
enum PostgresCases {
    static var all: [BenchCase] { [insertBaseline] }

    static let clients = 20
    static let rowsPerTransaction = 500

    static let insertBaseline = BenchCase(
        name: "postgres.insert-baseline",
        description: "A fresh PostgreSQL cluster (initdb, fsync=on, synchronous_commit=on) on loopback; the issue's entry table; pgbench from 20 clients over TCP, each transaction one INSERT … SELECT … FROM generate_series(1, 500), for a fixed time; then PostgresClient (libpq) from 20 connections, each transaction BEGIN, one prepared 500-row INSERT … VALUES with 4,500 parameters, COMMIT, for the same time; both counted back from the table",
        goal: "ratio = PostgresClient rows/s ÷ pgbench rows/s >= 0.5"
    ) { context in
        try run(context)
    }

    static func run(_ context: BenchContext) throws -> Measurement {
        let seconds = context.quick ? 3 : 15
        let cluster = try PostgresCluster(settings: ["fsync": "on", "synchronous_commit": "on", "max_connections": "60"]) {
            PostgresTestFailure($0)
        }
        context.progress("PostgreSQL on 127.0.0.1:\(cluster.primary.port); pgbench, \(clients) clients, \(seconds) s")
        let admin = try cluster.primary.connect()
        try admin.executeScript(EntryTable.schema)

        let pgbench = try PgbenchRun.run(context, cluster: cluster, clients: clients, seconds: seconds)
        let pgbenchRows = try admin.execute("SELECT count(*) FROM entry").singleRow().int64(0)
        guard pgbenchRows == pgbench.transactions * Int64(rowsPerTransaction) else {
            throw PostgresTestFailure("pgbench reported \(pgbench.transactions) transactions but the table holds \(pgbenchRows) rows")
        }
        let pgbenchRate = Double(pgbenchRows) / pgbench.seconds
        try admin.execute("TRUNCATE entry")

        context.progress("PostgresClient, \(clients) connections, \(seconds) s")
        let client = try ClientInsertRun.run(url: cluster.primary.url(), clients: clients, seconds: Double(seconds))
        let clientRows = try admin.execute("SELECT count(*) FROM entry").singleRow().int64(0)
        guard clientRows == client.rows else {
            throw PostgresTestFailure("the client committed \(client.rows) rows but the table holds \(clientRows)")
        }
        let clientRate = Double(clientRows) / client.seconds
        let ratio = clientRate / pgbenchRate
        return Measurement(metrics: [
            ("postgresVersion", .string(admin.parameterStatus("server_version") ?? "")),
            ("clients", .int(Int64(clients))), ("rowsPerTransaction", .int(Int64(rowsPerTransaction))),
            ("pgbenchRows", .int(pgbenchRows)), ("pgbenchSeconds", .decimal(pgbench.seconds, places: 3)),
            ("pgbenchRowsPerSecond", .decimal(pgbenchRate, places: 0)),
            ("pgbenchTransactionsPerSecond", .decimal(Double(pgbench.transactions) / pgbench.seconds, places: 1)),
            ("clientRows", .int(clientRows)), ("clientSeconds", .decimal(client.seconds, places: 3)),
            ("clientRowsPerSecond", .decimal(clientRate, places: 0)),
        ], ratio: ratio, goalMet: ratio >= 0.5)
    }
}

/// The baseline table, shared by both runs.
enum EntryTable {
    static let schema = """
        CREATE TABLE entry (
            id bigserial PRIMARY KEY, branch text, seq bigint, material text, action text, item text,
            quantity bigint, attrs text, occurred_on date, recorded_at timestamptz DEFAULT now(), hash bytea,
            UNIQUE (branch, seq)
        );
        CREATE SEQUENCE entry_batch;
        """

    static let columns = "branch, seq, material, action, item, quantity, attrs, occurred_on, hash"
}
