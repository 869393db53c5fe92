import Foundation
import PostgresTesting

/// One pgbench run of the baseline shape: each transaction one INSERT … SELECT of 500
/// entry-shaped rows; a batch number from a sequence keeps (branch, seq) unique.
struct PgbenchRun {
    let transactions: Int64
    let seconds: Double

    static let script = """
        INSERT INTO entry (\(EntryTable.columns))
        SELECT 'office-' || :client_id, b.n * 500 + g, 'guide', 'receive', 'G-' || g, 1 + g % 97,
               '{"reason":"bench"}', date '2026-11-01' + g % 28, sha256(int8send(b.n * 500 + g))
        FROM (SELECT nextval('entry_batch') AS n) b, generate_series(1, 500) g;

        """

    static func run(_ context: BenchContext, cluster: PostgresCluster, clients: Int, seconds: Int) throws -> PgbenchRun {
        let scriptPath = context.scratch + "/insert-500.sql"
        try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
        let pgbench = cluster.programPath("pgbench")
        let child = try ChildProcess.spawn([
            pgbench, "-h", "127.0.0.1", "-p", "\(cluster.primary.port)", "-U", "postgres", "-n",
            "-c", "\(clients)", "-j", "2", "-T", "\(seconds)", "-f", scriptPath, "postgres",
        ], stdout: context.scratch + "/pgbench.out", stderr: context.scratch + "/pgbench.err")
        try child.expectSuccess(within: Double(seconds) + 300)
        let output = try ProcessTimer.readText(context.scratch + "/pgbench.out")
        guard let transactions = value(after: "number of transactions actually processed: ", in: output).flatMap({ Int64($0) }),
              let tps = value(after: "tps = ", in: output).flatMap({ Double($0) }), tps > 0 else {
            throw ProcessFailure(description: "pgbench printed no transaction count or tps: \(output.suffix(2000))")
        }
        // pgbench's tps excludes connection set-up; its duration is then transactions ÷ tps.
        return PgbenchRun(transactions: transactions, seconds: Double(transactions) / tps)
    }

    /// The first word after `prefix` on one of `text`'s lines ("1234/1234" counts the first).
    static func value(after prefix: String, in text: String) -> String? {
        for line in text.split(separator: "\n") {
            guard let range = line.range(of: prefix) else { continue }
            let rest = line[range.upperBound...]
            return rest.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init)
        }
        return nil
    }
}
