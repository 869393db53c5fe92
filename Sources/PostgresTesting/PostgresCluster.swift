import Foundation
import PostgresClient

/// A throw-away PostgreSQL deployment for one test or bench case, in a temporary folder that
/// the server's user owns: a primary made by `initdb`, and optionally a synchronous streaming
/// standby. Every server stops and the folder is removed when the cluster is released.
public final class PostgresCluster {
    public let root: String
    public let primary: PostgresServer
    public private(set) var standbys: [PostgresServer] = []
    let installation: PostgresInstallation

    /// A new primary with `settings` (`-c name=value`, e.g. `fsync`) on a free loopback port.
    /// `skip` makes the test framework's skip error (pass `{ XCTSkip($0) }`).
    public init(settings: [String: String] = [:], skip: (String) -> any Error) throws {
        installation = try PostgresInstallation.locate(skip: skip)
        root = FileManager.default.temporaryDirectory.appendingPathComponent("taizhang-pg-\(UUID().uuidString)").path
        primary = PostgresServer(name: "primary", dataDirectory: root + "/primary", installation: installation, settings: settings)
        do {
            try installation.makeOwnedDirectory(root)
            try installation.run("initdb", [
                "-D", primary.dataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync",
            ])
            try primary.start()
        } catch {
            try? FileManager.default.removeItem(atPath: root)
            throw error
        }
    }

    deinit {
        for standby in standbys { standby.stop() }
        primary.stop()
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Adds a streaming standby made by `pg_basebackup -R` from the primary; `synchronous`
    /// makes the primary wait for it at every commit (`synchronous_standby_names`), and
    /// returns once the primary reports it `sync` in `pg_stat_replication`.
    @discardableResult
    public func addStandby(name: String = "standby1", synchronous: Bool = true, timeout: TimeInterval = 180) throws -> PostgresServer {
        let standby = PostgresServer(name: name, dataDirectory: root + "/" + name, installation: installation,
                                     settings: primary.settings.merging(["cluster_name": name, "hot_standby": "on"]) { $1 })
        try installation.run("pg_basebackup", [
            "-h", "127.0.0.1", "-p", "\(primary.port)", "-U", "postgres", "-D", standby.dataDirectory,
            "-R", "-X", "stream", "-c", "fast", "--no-sync",
        ])
        try standby.start()
        standbys.append(standby)
        let connection = try primary.connect()
        if synchronous {
            try connection.execute("ALTER SYSTEM SET synchronous_standby_names = '\(name)'")
            try connection.execute("SELECT pg_reload_conf()")
        }
        let wanted = synchronous ? "sync" : "async"
        try waitUntil(timeout: timeout, "standby \(name) to stream (\(wanted)) from the primary") {
            let rows = try connection.execute(
                "SELECT sync_state FROM pg_stat_replication WHERE application_name = $1 AND state = 'streaming'", [.text(name)]
            ).rows
            return try rows.first?.string(0) == wanted
        }
        return standby
    }

    /// A PostgreSQL program of the same installation (`pgbench`, `psql`).
    public func programPath(_ program: String) -> String { installation.path(program) }

    /// A URL listing the primary and every standby; `readWrite` adds
    /// `target_session_attrs=read-write`, so libpq connects to whichever one takes writes.
    public func multiHostURL(database: String = "postgres", readWrite: Bool = true) -> String {
        let hosts = ([primary] + standbys).map { "127.0.0.1:\($0.port)" }.joined(separator: ",")
        return "postgresql://postgres@\(hosts)/\(database)?connect_timeout=10" + (readWrite ? "&target_session_attrs=read-write" : "")
    }
}
