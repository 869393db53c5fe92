import Foundation
import TaizhangTesting

/// PostgreSQL's server programs on this machine (Debian's `postgresql` package keeps them in
/// /usr/lib/postgresql/VERSION/bin), and the user they run as: the server refuses to run as
/// root, so under root (as in CI) every server program runs as `postgres` through `setpriv`.
public struct PostgresInstallation: Sendable {
    public let binDirectory: String
    /// Prepended to a server program's command line (empty when not root).
    let runAs: [String]
    /// The uid and gid that own the clusters' folders (nil when not root: the current user).
    let owner: (uid: uid_t, gid: gid_t)?

    /// Finds the newest installed PostgreSQL; missing, it fails under CI and skips elsewhere.
    public static func locate(skip: (String) -> any Error) throws -> PostgresInstallation {
        let versions = (12...18).reversed().map { "/usr/lib/postgresql/\($0)/bin/initdb" }
        let initdb = try RequiredPart.locate("PostgreSQL's initdb", at: versions + ["initdb"], package: "postgresql", skip: skip)
        let binDirectory = (initdb as NSString).deletingLastPathComponent
        guard geteuid() == 0 else { return PostgresInstallation(binDirectory: binDirectory, runAs: [], owner: nil) }
        guard let entry = getpwnam("postgres") else {
            try RequiredPart.unavailable("PostgreSQL refuses to run as root and there is no 'postgres' user to run it as (apt-get install postgresql creates one)", skip: skip)
        }
        let setpriv = try RequiredPart.locate("setpriv", at: ["/usr/bin/setpriv", "setpriv"], package: "util-linux", skip: skip)
        let runAs = [setpriv, "--reuid=\(entry.pointee.pw_uid)", "--regid=\(entry.pointee.pw_gid)", "--init-groups", "--"]
        return PostgresInstallation(binDirectory: binDirectory, runAs: runAs, owner: (entry.pointee.pw_uid, entry.pointee.pw_gid))
    }

    public func path(_ program: String) -> String { binDirectory + "/" + program }

    /// The command line that runs `program` as the server's user.
    func command(_ program: String, _ arguments: [String]) -> [String] {
        runAs + [path(program)] + arguments
    }

    /// Runs a short server program (initdb, pg_basebackup) to its end; throws with its output
    /// when it fails or outlives `timeout`.
    func run(_ program: String, _ arguments: [String], timeout: TimeInterval = 300) throws {
        let line = command(program, arguments)
        let result = try Program(executable: line[0], environment: ["LC_ALL": "C"]).run(Array(line.dropFirst()), timeout: timeout)
        guard result.status == 0 else {
            throw PostgresTestFailure("\(program) exited with status \(result.status): \(result.stderr.suffix(2000))\(result.stdout.suffix(1000))")
        }
    }

    /// Makes `path` a folder the server's user owns.
    func makeOwnedDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if let owner, chown(path, owner.uid, owner.gid) != 0 {
            throw PostgresTestFailure("cannot give \(path) to the postgres user: \(String(cString: strerror(errno)))")
        }
    }
}

/// Why a test cluster could not be started or driven.
public struct PostgresTestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
