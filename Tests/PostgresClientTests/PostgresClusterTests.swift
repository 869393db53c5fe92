import Foundation
import PostgresClient
import PostgresTesting
import XCTest

/// The test clusters themselves: the server runs as an unprivileged user, a released cluster
/// leaves neither a process nor a folder behind, and a crashed server recovers what it committed.
final class PostgresClusterTests: XCTestCase {
    func testReleasedClusterLeavesNoServerAndNoFolder() throws {
        var pid: Int32 = 0
        var root = ""
        do {
            let cluster = try PostgresCluster { XCTSkip($0) }
            pid = try XCTUnwrap(cluster.primary.pid)
            root = cluster.root
            let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
            let uid = status.split(separator: "\n").first { $0.hasPrefix("Uid:") }?.split(separator: "\t").dropFirst().first
            XCTAssertNotEqual(uid, "0", "PostgreSQL never runs as root")
            XCTAssertEqual(try cluster.primary.connect().execute("SHOW listen_addresses").singleRow().string(0), "127.0.0.1")
        }
        XCTAssertNotEqual(pid, 0)
        XCTAssertEqual(kill(pid, 0), -1, "the server stopped when the cluster was released")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root), "its folder was removed")
    }

    func testACrashedServerRestartsWithWhatItCommitted() throws {
        let cluster = try PostgresCluster { XCTSkip($0) }
        let before = try cluster.primary.connect()
        try before.execute("CREATE TABLE kept (n int)")
        try before.transaction { try $0.execute("INSERT INTO kept SELECT generate_series(1, 500)") }
        try before.begin()
        try before.execute("INSERT INTO kept VALUES (501)")  // never committed

        try cluster.primary.crash()
        XCTAssertFalse(cluster.primary.isRunning)
        try cluster.primary.restart()
        let after = try cluster.primary.connect()
        XCTAssertEqual(try after.execute("SELECT count(*) FROM kept").singleRow().int64(0), 500)
    }
}
