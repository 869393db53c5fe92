import Foundation
import TaizhangCore
import TaizhangTesting
import XCTest
import ZeroMQ

/// Promises of docs/PROTOCOL.md's security section and of the README that no other test
/// exercised: replaced keys, a second ledger for one branch, the handshake limit, log
/// throttling, a revocation reaching an open connection promptly, the secret keys' modes.
final class PromiseTests: XCTestCase {
    func testAReplacedKeyIsRefusedOnItsOpenConnectionAndTheNewOneDelivers() throws {
        let bureau = try TestBureau(self)
        let endpoint = try bureau.startHub()
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "sanchang", "--name", "三厂分局", "--key", keys.publicKey])
        let old = try RawAgent(endpoint: endpoint, hubKey: bureau.hubKey, keys: keys)
        let incarnation = [UInt8](repeating: 3, count: 16)
        func chain(_ seq: Int64) -> [UInt8] { RawAgent.chain(branch: "sanchang", incarnation: incarnation, through: seq) }
        func batch(_ seqs: ClosedRange<Int64>) -> WireMessage { RawAgent.batch(seqs, branch: "sanchang", incarnation: incarnation) }
        XCTAssertEqual(try old.exchange(RawAgent.hello(branch: "sanchang", incarnation: incarnation, lastSeq: 1)),
                       .welcome(heldSeq: 0, chain: chain(0), maxEntries: 500, maxBytes: 1 << 20))
        XCTAssertEqual(try old.exchange(batch(1...1)), .ack(heldSeq: 1, chain: chain(1)))

        let newKeys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "sanchang", "--name", "三厂分局", "--key", newKeys.publicKey])
        // The old key's open connection is told, and nothing more is stored from it.
        try bureau.eventually("the old key's connection is refused", timeout: 30) {
            guard case .error(.revoked, _, _, let message)? = try old.exchange(.ping(lastSeq: 1)) else { return false }
            XCTAssertTrue(message.contains("replaced"), message)
            return true
        }
        guard case .error(.revoked, _, _, _)? = try old.exchange(batch(2...2)) else {
            return XCTFail("a replaced key must not deliver")
        }
        let new = try RawAgent(endpoint: endpoint, hubKey: bureau.hubKey, keys: newKeys)
        XCTAssertEqual(try new.exchange(RawAgent.hello(branch: "sanchang", incarnation: incarnation, lastSeq: 2)),
                       .welcome(heldSeq: 1, chain: chain(1), maxEntries: 500, maxBytes: 1 << 20))
        XCTAssertEqual(try new.exchange(batch(1...2)), .ack(heldSeq: 2, chain: chain(2)))
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 20)
        let states = Set((try bureau.json(["keys"]) as? [[String: Any]] ?? []).compactMap { $0["state"] as? String })
        XCTAssertEqual(states, ["enrolled", "replaced"])
    }

    /// A new PC set up for a branch the hub already receives from another ledger: its key,
    /// once enrolled, replaces the old one, but its ledger is refused (410) and the branch
    /// flagged instead of two ledgers being merged; the clerk hears what to do.
    func testASecondLedgerForTheSameBranchIsRefusedAndFlagged() throws {
        let bureau = try TestBureau(self)
        let first = try bureau.addAgent("sanchang", name: "三厂分局")
        try first.ok(["card", "receive", "--quantity", "5"])
        try first.ok(["sync"])
        let second = try bureau.addAgent("sanchang", name: "三厂分局")
        try second.ok(["card", "receive", "--quantity", "700"])
        let refused = try second.program.run(["sync", "--timeout", "30"])
        XCTAssertEqual(refused.status, 4, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("from another ledger"), refused.stderr)
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 5, "the first ledger's figures, unmerged")
        let status = try XCTUnwrap(bureau.branchStatus("sanchang"))
        XCTAssertEqual(status["state"] as? String, "flagged")
        let problem = (try second.status()["sync"] as? [String: Any])?["lastProblem"] as? String
        XCTAssertTrue(problem?.contains("another ledger") == true, "\(String(describing: problem))")
    }

    /// A TCP connection that never completes the handshake is dropped after 10 s.
    func testAConnectionThatNeverHandshakesIsDropped() throws {
        let bureau = try TestBureau(self)
        let endpoint = try bureau.startHub()
        let port = try XCTUnwrap(Int(endpoint.split(separator: ":").last ?? ""))
        let silent = try TCPConnection(port: port)
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(silent.descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let started = Date()
        var buffer = [UInt8](repeating: 0, count: 256)
        var ended = false
        while !ended, Date().timeIntervalSince(started) < 60 {
            let count = recv(silent.descriptor, &buffer, buffer.count, 0)
            ended = count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN)
        }
        XCTAssertTrue(ended, "the hub closes a connection that says nothing")
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 9, "not before the 10 s handshake limit")
    }

    /// 2,000 garbage messages give one log line at once; the rest are summed up in one line
    /// once ten seconds have passed, never one line each.
    func testRefusalsAreLoggedOnceThenSummarised() throws {
        let bureau = try TestBureau(self)
        let endpoint = try bureau.startHub()
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "mallory", "--name", "坏人", "--key", keys.publicKey])
        let attacker = try RawAgent(endpoint: endpoint, hubKey: bureau.hubKey, keys: keys)
        let hello = RawAgent.hello(branch: "mallory", incarnation: Array(repeating: 9, count: 16), lastSeq: 0)
        func floodThenHello(_ count: Int) throws {
            for _ in 0..<count { _ = try attacker.socket.send([0xDE, 0xAD]) }
            _ = try attacker.socket.send(hello.encoded())
            while let reply = try attacker.socket.receive() {
                if case .welcome? = try? WireMessage.decode(reply.frames[0]) { return }
            }
            XCTFail("no WELCOME")
        }
        let started = Date()
        try floodThenHello(2000)
        let server = try XCTUnwrap(bureau.server)
        func refusalLines() -> [Substring] { server.stderr.split(separator: "\n").filter { $0.contains("refused a message") } }
        XCTAssertEqual(refusalLines().count, 1, server.stderr)
        try bureau.eventually("ten seconds pass", timeout: 30) { Date().timeIntervalSince(started) > 10.5 }
        try floodThenHello(1)
        try bureau.eventually("the summary line", timeout: 10) { refusalLines().count == 2 }
        let summary = String(refusalLines()[1])
        XCTAssertTrue(summary.contains("alsoSince=1999") || summary.contains("alsoSince: 1999"), summary)
    }

    /// After `revoke` returns, an open connection's next messages are refused within a couple
    /// of seconds (the key cache refreshes every second), and from then on every message.
    func testARevocationReachesAnOpenConnectionWithinSeconds() throws {
        let bureau = try TestBureau(self)
        let endpoint = try bureau.startHub()
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "sanchang", "--name", "三厂分局", "--key", keys.publicKey])
        let agent = try RawAgent(endpoint: endpoint, hubKey: bureau.hubKey, keys: keys)
        let incarnation = [UInt8](repeating: 1, count: 16)
        XCTAssertEqual(try agent.exchange(RawAgent.hello(branch: "sanchang", incarnation: incarnation, lastSeq: 0)),
                       .welcome(heldSeq: 0, chain: RawAgent.chain(branch: "sanchang", incarnation: incarnation, through: 0),
                                maxEntries: 500, maxBytes: 1 << 20))
        try bureau.ok(["revoke", "--branch", "sanchang"])
        let revoked = Date()
        var refusedAfter: TimeInterval?
        // A client that pings ten times a second (well under the hub's budget of 20 error
        // replies per connection per second, past which a flooding client hears nothing).
        while refusedAfter == nil, Date().timeIntervalSince(revoked) < 30 {
            let sent = Date()
            if case .error(.revoked, _, _, _)? = try agent.exchange(.ping(lastSeq: 0)) { refusedAfter = Date().timeIntervalSince(revoked) }
            usleep(useconds_t(max(0, 0.1 - Date().timeIntervalSince(sent)) * 1_000_000))
        }
        let after = try XCTUnwrap(refusedAfter, "the open connection was never refused")
        XCTAssertLessThan(after, 3, "the promise is about a second; refused after \(after) s")
        for message in [WireMessage.ping(lastSeq: 0), RawAgent.batch(1...1, branch: "sanchang", incarnation: incarnation),
                        RawAgent.hello(branch: "sanchang", incarnation: incarnation, lastSeq: 1)] {
            guard case .error(.revoked, _, _, _)? = try agent.exchange(message) else { return XCTFail("\(message) after the revocation") }
        }
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 0)
    }

    /// A session silent for ten minutes is forgotten: its next BATCH needs a new HELLO (428).
    /// The hub runs under libfaketime at 100× speed (preloaded into the hub itself, not through
    /// the `faketime` wrapper, which would not pass signals on), so ten minutes pass in six seconds.
    func testAnIdleSessionIsForgottenAfterTenMinutes() throws {
        let library = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"
        guard FileManager.default.fileExists(atPath: library) else {
            try RequiredPart.unavailable("libfaketime is not installed (apt-get install faketime)") { XCTSkip($0) }
        }
        let bureau = try TestBureau(self)
        // Through `sh -c exec`: spawned directly by Foundation with libfaketime preloaded, the
        // hub saw no command-line arguments at all.
        let fast = try Program(executable: "/bin/sh", environment: ["TAIZHANG_HUB_DATA": bureau.hubData, "LD_PRELOAD": library,
                                                                     "FAKETIME": "+0 x100", "FAKETIME_DONT_FAKE_MONOTONIC": "1"])
            .start(["-c", "exec \"$0\" \"$@\"", bureau.hub.path, "serve", "--bind", "tcp://127.0.0.1:*"])
        let endpoint = try fast.waitForLine(startingWith: "serving on ")
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "sanchang", "--name", "三厂分局", "--key", keys.publicKey])
        let agent = try RawAgent(endpoint: endpoint, hubKey: bureau.hubKey, keys: keys)
        let incarnation = [UInt8](repeating: 5, count: 16)
        func chain(_ seq: Int64) -> [UInt8] { RawAgent.chain(branch: "sanchang", incarnation: incarnation, through: seq) }
        func batch(_ seqs: ClosedRange<Int64>) -> WireMessage { RawAgent.batch(seqs, branch: "sanchang", incarnation: incarnation) }
        let hello = RawAgent.hello(branch: "sanchang", incarnation: incarnation, lastSeq: 2)
        XCTAssertEqual(try agent.exchange(hello), .welcome(heldSeq: 0, chain: chain(0), maxEntries: 500, maxBytes: 1 << 20))
        XCTAssertEqual(try agent.exchange(batch(1...1)), .ack(heldSeq: 1, chain: chain(1)))
        // Twelve of the hub's minutes (ten idle, then its once-a-minute pruning) in 7.2 s.
        let idle = Date()
        try bureau.eventually("twelve minutes pass at the hub", timeout: 30) { Date().timeIntervalSince(idle) > 7.2 }
        guard case .error(.helloRequired, _, _, _)? = try agent.exchange(batch(2...2)) else {
            return XCTFail("a forgotten session's batch must be refused until a new HELLO")
        }
        XCTAssertEqual(try agent.exchange(hello), .welcome(heldSeq: 1, chain: chain(1), maxEntries: 500, maxBytes: 1 << 20))
        XCTAssertEqual(try agent.exchange(batch(2...2)), .ack(heldSeq: 2, chain: chain(2)))
        XCTAssertEqual(try fast.stop(SIGTERM), 0, fast.stderr)
    }

    func testSecretKeysAreReadableByTheirOwnerOnly() throws {
        let bureau = try TestBureau(self)
        let agent = try bureau.addAgent("sanchang")
        for path in [bureau.hubData + "/hub.secret", agent.data + "/agent.secret"] {
            var info = stat()
            XCTAssertEqual(stat(path, &info), 0, path)
            XCTAssertEqual(info.st_mode & 0o777, 0o600, path)
        }
        for path in [bureau.hubData + "/hub.public", agent.data + "/agent.public"] {
            XCTAssertTrue(FileManager.default.isReadableFile(atPath: path), path)
        }
    }
}
