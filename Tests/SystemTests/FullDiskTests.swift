import AgentKit
import Foundation
import TaizhangCore
import TaizhangTesting
import XCTest

/// A hub whose disk is full answers that it cannot store (not that it is unreachable), logs
/// it once per interval, loses nothing, and takes everything once there is room again. The
/// disk is a small tmpfs the test mounts, so it needs root (as in CI).
final class FullDiskTests: XCTestCase {
    func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testAHubOnAFullDiskSaysItCannotStoreAndLosesNothing() throws {
        guard geteuid() == 0 else {
            try RequiredPart.unavailable("mounting a small tmpfs needs root (CI runs as root)") { XCTSkip($0) }
        }
        let mountPoint = scratchDirectory("taizhang-full") { self.addTeardownBlock($0) }
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        XCTAssertEqual(try run(["/bin/mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint]), 0, "mount the tmpfs")
        addTeardownBlock { _ = try? self.run(["/bin/umount", "-l", mountPoint]) }

        let hub = Program("taizhang-hub", environment: ["TAIZHANG_HUB_DATA": mountPoint + "/hub"])
        let created = try hub.run(["init"])
        XCTAssertEqual(created.status, 0, created.stderr)
        let hubKey = String(try XCTUnwrap(created.stdout.split(separator: "\n").last))
        let server = try hub.start(["serve", "--bind", "tcp://127.0.0.1:*"])
        defer { _ = try? server.stop(SIGKILL) }
        let endpoint = try server.waitForLine(startingWith: "serving on ")
        let agent = TestAgent(branch: "sanchang", data: scratchDirectory("taizhang-agent") { self.addTeardownBlock($0) })
        let initialised = try agent.program.run(["init", "--branch", "sanchang", "--name", "三厂分局", "--hub", endpoint, "--hub-key", hubKey])
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        let enrolled = try hub.run(["enroll", "--branch", "sanchang", "--name", "三厂分局",
                                    "--key", String(try XCTUnwrap(initialised.stdout.split(separator: "\n").last))])
        XCTAssertEqual(enrolled.status, 0, enrolled.stderr)
        try agent.ok(["card", "receive", "--quantity", "1"])
        try agent.ok(["sync"])

        // Fill the disk, then record more than fits.
        let filler = mountPoint + "/filler"
        FileManager.default.createFile(atPath: filler, contents: nil)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: filler))
        let chunk = Data(count: 64 * 1024)
        while (try? handle.write(contentsOf: chunk)) != nil {}
        try? handle.close()
        do {
            let database = try AgentDatabase(openingAt: agent.ledgerPath)
            try database.record((0..<2000).map { index in
                EntryDraft(material: .card, action: .receive, quantity: 1, details: EntryDetails(batch: "批次-\(index)"),
                           occurredOn: CivilDate("2008-06-01")!, clerk: "测试")
            })
        }
        let sync = try agent.program.run(["sync", "--timeout", "8"])
        XCTAssertEqual(sync.status, 4, sync.stderr)
        XCTAssertTrue(sync.stderr.contains("cannot store entries right now") && sync.stderr.contains("nothing is lost"), sync.stderr)
        XCTAssertFalse(sync.stderr.contains("cannot reach"), sync.stderr)
        let storageLines = server.stderr.split(separator: "\n").filter { $0.contains("cannot store") }
        XCTAssertGreaterThan(storageLines.count, 0, server.stderr)
        XCTAssertLessThanOrEqual(storageLines.count, 2, "once per interval, not once per batch: \(server.stderr)")
        XCTAssertTrue(server.isRunning, "a full disk does not stop the hub")

        // Room again: everything arrives, nothing was lost.
        try FileManager.default.removeItem(atPath: filler)
        try agent.ok(["sync", "--timeout", "60"])
        let totals = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(hub.run(["totals", "--json"]).stdout).utf8)) as? [String: Any]
        let branch = (totals?["branches"] as? [String: Any])?["sanchang"] as? [String: [String: Int]]
        XCTAssertEqual(branch?["card"]?["received"], 2001)
        XCTAssertEqual(try hub.run(["verify"]).status, 0)
    }
}
