import Foundation
import GRDB
import TaizhangTesting
import XCTest

/// An office that reports to a list of hub front-ends (`--hub A,B`): one at a time, the next
/// when one is silent, and back; every entry stored exactly once on each hub it reached.
/// Two front-ends here are two hub folders holding the same key pair: two `serve` cannot share
/// one SQLite hub (`ServeLock` refuses the second), so each has its own database, which is what
/// a front-end that lost its storage looks like to the office.
final class FailoverTests: XCTestCase {
    func testSyncPastADeadFrontEndReachesTheLiveOneAndStartsThereNextTime() throws {
        let bureau = try TestBureau(self)
        let live = try bureau.startHub()
        let dead = try DeadPort()
        let agent = try addAgent("sanchang", hub: "\(dead.endpoint),\(live)", to: [bureau])
        try agent.recordDay("GS-01")
        let first = try agent.program.run(["sync", "--timeout", "60", "--lang", "en"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.hasPrefix("Connecting to the hub at \(dead.endpoint)"), first.stderr)
        XCTAssertTrue(first.stderr.contains("No answer from \(dead.endpoint); trying \(live)."), first.stderr)
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["onHand"], 28)
        let sync = try XCTUnwrap(try agent.status()["sync"] as? [String: Any])
        XCTAssertEqual(sync["hub"] as? String, live)
        XCTAssertEqual(sync["hubs"] as? [String], [dead.endpoint, live])
        let terminal = Program("taizhang-agent", environment: ["TAIZHANG_AGENT_DATA": agent.data, "COLUMNS": "80"])
        let human = try terminal.run(["status", "--lang", "en"]).stdout
        XCTAssertTrue(human.contains("Hub \(live): "), human)
        XCTAssertTrue(human.contains("The hub's 2 front-ends, tried in turn: \(dead.endpoint),"), human)
        let chinese = try terminal.run(["status", "--lang", "zh"]).stdout
        XCTAssertTrue(chinese.contains("区局 \(live)："), chinese)
        for line in (human + chinese).split(separator: "\n") where line.contains("tcp://") {
            // ASCII but for a few Chinese characters, two columns each.
            let columns = line.count + line.filter { !$0.isASCII }.count
            XCTAssertLessThanOrEqual(columns, 80, "fits 80 columns: \(line)")
        }

        try agent.ok(["card", "receive", "--quantity", "5"])
        let second = try agent.program.run(["sync", "--timeout", "60", "--lang", "en"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.hasPrefix("Connecting to the hub at \(live)"), "starts where it was welcomed: \(second.stderr)")
        XCTAssertFalse(second.stderr.contains("No answer"), second.stderr)
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["onHand"], 33)
    }

    func testAHungFrontEndIsLeftForTheNext() throws {
        // A stopped `serve`: the kernel still accepts the connection, nothing answers it.
        let hung = try TestBureau(self)
        let hungEndpoint = try hung.startHub()
        let live = try TestBureau(self)
        try live.useKeyPair(of: hung)
        let liveEndpoint = try live.startHub()
        let agent = try addAgent("sanchang", hub: "\(hungEndpoint),\(liveEndpoint)", to: [hung, live])
        try agent.ok(["card", "receive", "--quantity", "4"])
        let pid = try XCTUnwrap(hung.serverPID)
        XCTAssertEqual(kill(pid, SIGSTOP), 0)
        defer { kill(pid, SIGCONT) }
        let synced = try agent.program.run(["sync", "--timeout", "60", "--lang", "en"])
        XCTAssertEqual(synced.status, 0, synced.stderr)
        XCTAssertTrue(synced.stderr.contains("No answer from \(hungEndpoint); trying \(liveEndpoint)."), synced.stderr)
        XCTAssertEqual(try live.inventory(of: "sanchang")?["card"]?["onHand"], 4)
        XCTAssertEqual(try hung.storedSeqs("sanchang"), [], "the hung front-end stored nothing")
    }

    func testAFrontEndThatCannotStoreIsLeftForTheNext() throws {
        let refusing = try FakeHub()
        let bureau = try TestBureau(self)
        try bureau.useKeyPair(publicKey: refusing.keys.publicKey, secretKey: refusing.keys.secretKey)
        let live = try bureau.startHub()
        let agent = TestAgent(branch: "sanchang", data: scratchDirectory("taizhang-agent") { self.addTeardownBlock($0) })
        let created = try agent.program.run(["init", "--branch", "sanchang", "--name", "三厂分局",
                                             "--hub", "\(refusing.endpoint),\(live)", "--hub-key", refusing.keys.publicKey])
        let key = try XCTUnwrap(created.stdout.split(separator: "\n").last, created.stderr)
        try bureau.ok(["enroll", "--branch", "sanchang", "--name", "三厂分局", "--key", String(key)])
        try agent.ok(["card", "receive", "--quantity", "9"])
        let sync = DispatchGroup()
        let outcome = LockedFailures()
        DispatchQueue.global().async(group: sync) {
            do {
                let result = try agent.program.run(["sync", "--timeout", "60", "--lang", "en"])
                outcome.add("exit \(result.status): \(result.stderr)")
            } catch { outcome.add("\(error)") }
        }
        let hello = try XCTUnwrap(refusing.receive(), "the agent never said HELLO to the first front-end")
        guard case .hello = hello.message else { return XCTFail("\(hello.message)") }
        try refusing.send(.error(.storageFailed, heldSeq: 0, seq: 0, message: "disk full"), to: hello.routingId)
        XCTAssertEqual(sync.wait(timeout: .now() + 90), .success)
        let said = outcome.all.first ?? ""
        XCTAssertTrue(said.hasPrefix("exit 0"), said)
        XCTAssertTrue(said.contains("\(refusing.endpoint) cannot store entries right now; trying \(live)."), said)
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["onHand"], 9)
        XCTAssertEqual(try (agent.status()["sync"] as? [String: Any])?["hub"] as? String, live)
    }

    func testASyncWhoseEveryFrontEndIsDeadNamesThemAllAndKeepsTheEntries() throws {
        let bureau = try TestBureau(self)
        let (one, two) = (try DeadPort(), try DeadPort())
        let agent = try addAgent("sanchang", hub: "\(one.endpoint),\(two.endpoint)", to: [bureau])
        try agent.ok(["card", "receive", "--quantity", "5"])
        let failed = try agent.program.run(["sync", "--timeout", "8", "--lang", "en"])
        XCTAssertNotEqual(failed.status, 0)
        XCTAssertTrue(failed.stderr.contains("cannot reach the hub at \(one.endpoint), \(two.endpoint) after 8 s; 1 entries stay queued"),
                      failed.stderr)
        XCTAssertTrue(failed.stderr.contains("No answer from \(two.endpoint); trying \(one.endpoint)."), "round robin: \(failed.stderr)")
        XCTAssertEqual(try agent.status()["sync"].flatMap { ($0 as? [String: Any])?["pending"] as? Int }, 1)
    }

    func testMalformedListsGetOneSentenceAndWriteNothing() throws {
        let bureau = try TestBureau(self)
        let data = scratchDirectory("taizhang-agent") { addTeardownBlock($0) }
        let program = Program("taizhang-agent", environment: ["TAIZHANG_AGENT_DATA": data])
        let cases = [("tcp://127.0.0.1:7447,tcp://b", "the hub address 'tcp://b' is not of the form"),
                     ("tcp://127.0.0.1:7447,,tcp://b:1", "the hub address '' is not of the form"),
                     ("tcp://a:1, tcp://a:1", "the hub address 'tcp://a:1' is listed twice")]
        for (list, sentence) in cases {
            let refused = try program.run(["init", "--branch", "sanchang", "--name", "三厂分局", "--hub", list,
                                           "--hub-key", bureau.hubKey, "--lang", "en"])
            XCTAssertEqual(refused.status, 1, list)
            XCTAssertTrue(refused.stderr.contains(sentence), refused.stderr)
            XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, "one sentence: \(refused.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: data + "/ledger.sqlite"), "nothing written for \(list)")
        }
        let zh = try program.run(["init", "--branch", "sanchang", "--name", "三厂分局", "--hub", "tcp://a:1,tcp://a:1",
                                  "--hub-key", bureau.hubKey, "--lang", "zh"])
        XCTAssertTrue(zh.stderr.contains("“tcp://a:1”重复列出"), zh.stderr)

        let agent = try addAgent("sanchang", hub: "tcp://127.0.0.1:7447,tcp://127.0.0.1:7448", to: [bureau])
        for (list, sentence) in cases {
            let refused = try agent.program.run(["set-hub", "--hub", list, "--lang", "en"])
            XCTAssertEqual(refused.status, 1, list)
            XCTAssertTrue(refused.stderr.contains(sentence), refused.stderr)
        }
        let sync = try XCTUnwrap(try agent.status()["sync"] as? [String: Any])
        XCTAssertEqual(sync["hubs"] as? [String], ["tcp://127.0.0.1:7447", "tcp://127.0.0.1:7448"], "the list is unchanged")
    }

    func testAListInTheConfigFileAndSetHubWithAListThenSync() throws {
        let bureau = try TestBureau(self)
        let live = try bureau.startHub()
        let dead = try DeadPort()
        let folder = scratchDirectory("taizhang-config") { addTeardownBlock($0) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = folder + "/office.toml"
        try "branch = \"sanchang\"\nname = \"三厂分局\"\nhub = \"tcp://127.0.0.1:1, tcp://127.0.0.1:2\"\ndata = \"ledger\"\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let program = Program("taizhang-agent")
        let created = try program.run(["init", "--config", config, "--hub-key", bureau.hubKey, "--lang", "en"])
        XCTAssertEqual(created.status, 0, created.stderr)
        let key = try XCTUnwrap(created.stdout.split(separator: "\n").last)
        try bureau.ok(["enroll", "--branch", "sanchang", "--name", "三厂分局", "--key", String(key)])
        let moved = try program.run(["set-hub", "--config", config, "--hub", "\(dead.endpoint),\(live)", "--lang", "en"])
        XCTAssertEqual(moved.status, 0, moved.stderr)
        XCTAssertTrue(moved.stdout.contains("This office now reports to \(dead.endpoint), \(live)"), moved.stdout)
        try program.run(["card", "receive", "--quantity", "7", "--config", config]).assertSucceeded()
        let synced = try program.run(["sync", "--config", config, "--timeout", "60", "--lang", "en"])
        XCTAssertEqual(synced.status, 0, synced.stderr)
        XCTAssertTrue(synced.stderr.contains("the --config file names hub tcp://127.0.0.1:1, tcp://127.0.0.1:2, but this ledger reports to \(dead.endpoint),\(live)"),
                      "the whole list is compared: \(synced.stderr)")
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["onHand"], 7)
    }

    func testARunMovesToTheSecondFrontEndWhenTheFirstIsKilledAndBackWithoutLossOrDuplicate() throws {
        let first = try TestBureau(self)
        let second = try TestBureau(self)
        try second.useKeyPair(of: first)
        let endpointA = try first.startHub()
        let endpointB = try second.startHub()
        let agent = try addAgent("sanchang", hub: "\(endpointA),\(endpointB)", to: [first, second])
        let running = try agent.program.start(["run"])
        defer { _ = try? running.stop() }

        for day in 1...3 { try agent.recordDay("GS-0\(day)") }
        try first.eventually("front-end A holds the first days") { try first.heldSeq("sanchang") == agent.lastSeq() }
        _ = try first.stopHub(SIGKILL)
        let heldByA = try first.heldSeq("sanchang")
        for day in 4...5 { try agent.recordDay("GS-0\(day)") }
        try second.eventually("front-end B holds every entry") { try second.heldSeq("sanchang") == agent.lastSeq() }
        XCTAssertEqual(try (agent.status()["sync"] as? [String: Any])?["hub"] as? String, endpointB)
        XCTAssertEqual(try second.inventory(of: "sanchang"), try agent.inventory())

        // A comes back (its database holds what it acknowledged); B dies: the office resumes at
        // A from the seq A holds, not from entry 1 and not past anything.
        XCTAssertEqual(try first.startHub(), endpointA)
        _ = try second.stopHub(SIGKILL)
        for day in 6...7 { try agent.recordDay("GS-0\(day)") }
        try first.eventually("front-end A holds every entry again") { try first.heldSeq("sanchang") == agent.lastSeq() }
        XCTAssertEqual(try (agent.status()["sync"] as? [String: Any])?["hub"] as? String, endpointA)
        XCTAssertGreaterThan(try agent.lastSeq(), heldByA)
        for hub in [first, second] {
            let stored = try hub.storedSeqs("sanchang")
            XCTAssertEqual(stored, Array(1...Int64(stored.count)), "each seq once, no gap")
            XCTAssertEqual(try hub.hub.run(["verify"]).status, 0)
        }
        XCTAssertEqual(try first.storedSeqs("sanchang").count, Int(try agent.lastSeq()))
        XCTAssertEqual(try first.inventory(of: "sanchang"), try agent.inventory(), "totals equal the office's own fold")
    }

    // MARK: helpers

    /// `taizhang-agent init --hub LIST`, enrolled at every hub of `hubs`.
    func addAgent(_ branch: String, hub list: String, to hubs: [TestBureau]) throws -> TestAgent {
        let agent = TestAgent(branch: branch, data: scratchDirectory("taizhang-agent") { addTeardownBlock($0) })
        let created = try agent.program.run(["init", "--branch", branch, "--name", "\(branch)分局",
                                             "--hub", list, "--hub-key", hubs[0].hubKey])
        guard created.status == 0, let key = created.stdout.split(separator: "\n").last else {
            throw RunningProgram.Failure(message: "agent init failed: \(created.stderr)")
        }
        for hub in hubs { try hub.ok(["enroll", "--branch", branch, "--name", "\(branch)分局", "--key", String(key)]) }
        return agent
    }
}

/// A loopback port bound but never listening, held until released: a connection to it is
/// refused, and no other process can take it meanwhile.
final class DeadPort {
    let endpoint: String
    private let socket: Int32

    init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw RunningProgram.Failure(message: "cannot open a socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                Glibc.bind(socket, raw, length) == 0 && getsockname(socket, raw, &length) == 0
            }
        }
        guard bound else {
            close(socket)
            throw RunningProgram.Failure(message: "cannot bind a loopback port")
        }
        self.socket = socket
        endpoint = "tcp://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
    }

    deinit { close(socket) }
}

extension TestBureau {
    /// Makes this hub a second front-end of `other`: the same key pair in its folder.
    func useKeyPair(of other: TestBureau) throws {
        try useKeyPair(publicKey: String(contentsOfFile: other.hubData + "/hub.public", encoding: .utf8),
                       secretKey: String(contentsOfFile: other.hubData + "/hub.secret", encoding: .utf8))
    }

    func useKeyPair(publicKey: String, secretKey: String) throws {
        try publicKey.write(toFile: hubData + "/hub.public", atomically: true, encoding: .utf8)
        try secretKey.write(toFile: hubData + "/hub.secret", atomically: true, encoding: .utf8)
        chmod(hubData + "/hub.secret", 0o600)
    }

    /// The seqs this hub's database holds for `branch`, in order (each row once: a seq stored
    /// twice would show twice).
    func storedSeqs(_ branch: String) throws -> [Int64] {
        let queue = try DatabaseQueue(path: databasePath)
        defer { try? queue.close() }
        return try queue.read { try Int64.fetchAll($0, sql: "SELECT seq FROM entry WHERE branch = ? ORDER BY seq", arguments: [branch]) }
    }

    /// How far this hub holds `branch` without a gap (0 before anything arrived).
    func heldSeq(_ branch: String) throws -> Int64 {
        let seqs = try storedSeqs(branch)
        return Int64(zip(seqs, 1...).prefix { $0.0 == Int64($0.1) }.count)
    }
}

extension TestAgent {
    func lastSeq() throws -> Int64 {
        Int64((try status()["sync"] as? [String: Any])?["lastSeq"] as? Int ?? -1)
    }
}

extension Program.Result {
    func assertSucceeded(file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(status, 0, stderr, file: file, line: line)
    }
}
