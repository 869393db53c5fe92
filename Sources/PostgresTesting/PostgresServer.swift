import Foundation
import PostgresClient

/// One PostgreSQL server of a test cluster: its data folder and its postmaster, listening on
/// 127.0.0.1 only, on a port the system chose, with no Unix socket. Stopped (fast shutdown)
/// when released, so a failing test leaves no server behind.
public final class PostgresServer {
    public let name: String
    public let dataDirectory: String
    public private(set) var port: Int = 0
    let installation: PostgresInstallation
    let settings: [String: String]
    private var process: ServerProcess?

    init(name: String, dataDirectory: String, installation: PostgresInstallation, settings: [String: String]) {
        self.name = name
        self.dataDirectory = dataDirectory
        self.installation = installation
        self.settings = settings
    }

    deinit { stop() }

    /// `postgresql://postgres@127.0.0.1:PORT/DATABASE`, the superuser trusted on loopback.
    public func url(database: String = "postgres") -> String {
        "postgresql://postgres@127.0.0.1:\(port)/\(database)"
    }

    public func connect(database: String = "postgres") throws -> PostgresConnection {
        try PostgresConnection(url: url(database: database))
    }

    public var isRunning: Bool { process.map { !$0.hasExited() } ?? false }
    /// The postmaster's process id while it runs.
    public var pid: Int32? { process?.pid }
    public var log: String { process?.logTail() ?? "" }

    /// Starts the postmaster and returns once it accepts connections (PQping, as pg_isready,
    /// within `timeout`). A port taken between choosing and binding it is chosen again.
    func start(timeout: TimeInterval = 180) throws {
        for attempt in 1...5 {
            port = try LoopbackPort.free()
            var options = ["port": "\(port)", "listen_addresses": "127.0.0.1", "unix_socket_directories": ""]
            options.merge(settings) { $1 }
            let arguments = ["-D", dataDirectory] + options.sorted { $0.key < $1.key }.flatMap { ["-c", "\($0.key)=\($0.value)"] }
            let server = try ServerProcess(installation.command("postgres", arguments), logPath: dataDirectory + ".log")
            process = server
            if try waitUntilAccepting(server, timeout: timeout) { return }
            let log = server.logTail()
            process = nil
            guard attempt < 5, log.contains("could not bind") || log.contains("Address already in use") else {
                throw PostgresTestFailure("PostgreSQL server \(name) did not start: \(log)")
            }
        }
    }

    private func waitUntilAccepting(_ server: ServerProcess, timeout: TimeInterval) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        let probe = "host=127.0.0.1 port=\(port) dbname=postgres user=postgres connect_timeout=5"
        while PostgresConnection.ping(probe) != .accepting {
            if server.hasExited() { return false }
            guard Date() < deadline else {
                server.stop(signal: SIGKILL, grace: 30)
                throw PostgresTestFailure("PostgreSQL server \(name) did not accept connections within \(Int(timeout)) s: \(server.logTail())")
            }
            usleep(20_000)
        }
        return true
    }

    /// Fast shutdown (SIGINT: sessions are ended, the last checkpoint written).
    public func stop() {
        process?.stop(signal: SIGINT, grace: 120)
        process = nil
    }

    /// SIGKILL to the postmaster and every backend at once, as when its machine dies; returns
    /// once none of them is left.
    public func crash() throws {
        guard let process else { return }
        guard process.kill(signal: SIGKILL, waitingUpTo: 60) else {
            throw PostgresTestFailure("PostgreSQL server \(name) was still running 60 s after SIGKILL")
        }
        self.process = nil
    }

    /// Starts it again on a new port (after `stop` or `crash`).
    public func restart() throws {
        stop()
        try start()
    }

    /// Turns a standby into a primary (`pg_promote`), and returns once it takes writes.
    public func promote(timeout: TimeInterval = 120) throws {
        let connection = try connect()
        let promoted = try connection.execute("SELECT pg_promote(true, $1)", [.int32(Int32(timeout))]).singleRow().bool(0)
        guard promoted else { throw PostgresTestFailure("PostgreSQL server \(name) was not promoted within \(Int(timeout)) s") }
        try waitUntil(timeout: timeout, "\(name) to leave recovery") {
            try !connection.execute("SELECT pg_is_in_recovery()").singleRow().bool(0)
        }
    }
}

/// Polls `condition` (an observed state, never a fixed delay) until true or `timeout`.
public func waitUntil(timeout: TimeInterval, _ what: String, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        guard Date() < deadline else { throw PostgresTestFailure("waited \(Int(timeout)) s for \(what)") }
        usleep(20_000)
    }
}
