import Foundation
import TaizhangCore
import TaizhangTesting
import XCTest
import ZeroMQ

/// An enrolled but misbehaving client, and strangers on the port, get an error or nothing;
/// an honest agent syncing at the same time loses nothing; nothing of theirs is stored.
final class HostileInputTests: XCTestCase {
    func testMalformedMessagesAreRefusedWhileAnHonestAgentSyncs() throws {
        let bureau = try TestBureau(self)
        let honest = try bureau.addAgent("sanchang")
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "mallory", "--name", "坏人", "--key", keys.publicKey])
        let attacker = try RawAgent(endpoint: bureau.endpoint!, hubKey: bureau.hubKey, keys: keys)
        // The honest office runs its daemon and its clerk records entry after entry on another
        // thread, all through the attack below.
        let daemon = try honest.program.start(["run"])
        let clerk = DispatchGroup()
        let clerkFailures = LockedFailures()
        DispatchQueue.global().async(group: clerk) {
            for index in 0..<20 {
                do {
                    let result = try honest.program.run(["card", "receive", "--quantity", "\(index + 1)"])
                    if result.status != 0 { clerkFailures.add(result.stderr) }
                } catch { clerkFailures.add("\(error)") }
            }
        }

        func status(_ frames: [[UInt8]]) throws -> WireStatus? {
            _ = try attacker.socket.send(frames)
            guard let reply = try attacker.socket.receive(), case .error(let status, _, _, _) = try WireMessage.decode(reply.frames[0]) else {
                return nil
            }
            return status
        }
        let incarnation = Array(repeating: UInt8(1), count: 16)
        let hello = RawAgent.hello(branch: "mallory", incarnation: incarnation, lastSeq: 3).encoded()
        XCTAssertEqual(try status([[0xDE, 0xAD, 0xBE, 0xEF]]), .malformed, "garbage")
        XCTAssertEqual(try status([Array(hello.prefix(10))]), .malformed, "truncated")
        XCTAssertEqual(try status([hello, hello]), .malformed, "two frames")
        XCTAssertEqual(try status([[0x54, 0x5A, WireMessage.version, 0x42]]), .malformed, "unknown type")
        _ = try attacker.socket.send([[0x54, 0x5A, 9, 0x01] + Array(hello.dropFirst(4))])
        let future = try XCTUnwrap(try attacker.socket.receive()).frames[0]
        XCTAssertEqual(Array(future.prefix(6)), [0x54, 0x5A, 9, 0x07, 0x01, 0xF9], "a future version is told 505 in its own version")
        XCTAssertEqual(try status([RawAgent.batch(1...1, branch: "mallory", incarnation: incarnation).encoded()]), .helloRequired)
        XCTAssertEqual(try attacker.exchange(RawAgent.hello(branch: "mallory", incarnation: incarnation, lastSeq: 3)),
                       .welcome(heldSeq: 0, chain: RawAgent.chain(branch: "mallory", incarnation: incarnation, through: 0),
                                maxEntries: 500, maxBytes: 1 << 20))
        var badUTF8 = RawAgent.entries(1...1)[0]
        badUTF8[26] = 0xFF
        XCTAssertEqual(try status([RawAgent.unanchored([badUTF8]).encoded()]), .malformed, "invalid UTF-8")
        var seqZero = RawAgent.entries(1...1)[0]
        seqZero.replaceSubrange(0..<8, with: [UInt8](repeating: 0, count: 8))
        XCTAssertEqual(try status([RawAgent.unanchored([seqZero]).encoded()]), .malformed, "seq 0")
        var seqHuge = RawAgent.entries(1...1)[0]
        seqHuge.replaceSubrange(0..<8, with: [0x80, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(try status([RawAgent.unanchored([seqHuge]).encoded()]), .malformed, "seq 2^63")
        XCTAssertEqual(try status([RawAgent.unanchored(RawAgent.entries(1_000_000...1_000_000)).encoded()]), .gap, "jump ahead")
        XCTAssertEqual(try status([RawAgent.unanchored(RawAgent.entries(2...2) + RawAgent.entries(4...4)).encoded()]), .gap, "not consecutive")
        XCTAssertEqual(try status([hello, hello, hello, hello, hello]), .malformed, "five frames: the rest is discarded, the message refused")
        XCTAssertEqual(try status([WireMessage.ack(heldSeq: 5, chain: [UInt8](repeating: 0, count: 32)).encoded()]), .malformed, "a hub's message")
        let clerkWasRecording = clerk.wait(timeout: .now()) == .timedOut

        XCTAssertEqual(clerk.wait(timeout: .now() + 120), .success, "the clerk's commands finish")
        XCTAssertEqual(clerkFailures.all, [], "every clerk command succeeded during the attack")
        try bureau.eventually("the daemon delivers all 20 entries") { try bureau.branchStatus("sanchang")?["heldSeq"] as? Int == 20 }
        XCTAssertEqual(try daemon.stop(SIGTERM), 0, daemon.stderr)
        XCTAssertEqual(try bureau.inventory(of: "sanchang"), try honest.inventory())
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 210)
        if !clerkWasRecording { print("note: the clerk finished recording before the attack ended") }
        XCTAssertEqual(try bureau.branchStatus("mallory")?["heldSeq"] as? Int, 0, "nothing stored from the attacker")
        XCTAssertEqual(try bureau.inventory(of: "mallory")?["card"]?["received"], 0)
    }

    func testOversizedFramesAndStrangersDoNotDisturbTheHub() throws {
        let bureau = try TestBureau(self)
        let honest = try bureau.addAgent("sanchang")
        try honest.ok(["card", "receive", "--quantity", "9"])
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "mallory", "--name", "坏人", "--key", keys.publicKey])
        let attacker = try RawAgent(endpoint: bureau.endpoint!, hubKey: bureau.hubKey, keys: keys, monitored: true)
        XCTAssertNotNil(try attacker.monitor?.waitFor(timeout: 30_000) { $0 == .handshakeSucceeded })
        _ = try attacker.socket.send([UInt8](repeating: 0x41, count: 5 << 20))
        XCTAssertTrue(try attacker.waitForDisconnect(), "an oversized frame gets the connection dropped")
        XCTAssertNil(try attacker.socket.receive(dontWait: true), "and no reply")

        // Raw TCP: garbage, and a connection that says nothing.
        let port = Int(bureau.endpoint!.split(separator: ":").last!)!
        let garbage = try TCPConnection(port: port)
        garbage.send(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8) + [UInt8](repeating: 0xFF, count: 4096))
        let silent = try TCPConnection(port: port)

        // Another enrolled client choosing the routing id a connected client uses: it is
        // refused or served as its own branch, never as the other's.
        let owner = try RawAgent(endpoint: bureau.endpoint!, hubKey: bureau.hubKey, keys: keys, routingId: Array("agent-1".utf8))
        let incarnation = Array(repeating: UInt8(1), count: 16)
        XCTAssertEqual(try owner.exchange(RawAgent.hello(branch: "mallory", incarnation: incarnation, lastSeq: 1)),
                       .welcome(heldSeq: 0, chain: RawAgent.chain(branch: "mallory", incarnation: incarnation, through: 0),
                                maxEntries: 500, maxBytes: 1 << 20))
        let eveKeys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "eve", "--name", "窃听者", "--key", eveKeys.publicKey])
        // libzmq's ROUTER (without ROUTER_HANDOVER) keeps the squatter's connection but drops
        // what it sends. Evidence, not a timed-out wait: its HELLO and BATCH go out before the
        // owner's batch below is answered, yet the hub never hears from 'eve' at all.
        let squatter = try RawAgent(endpoint: bureau.endpoint!, hubKey: bureau.hubKey, keys: eveKeys,
                                    routingId: Array("agent-1".utf8), monitored: true)
        XCTAssertNotNil(try squatter.monitor?.waitFor(timeout: 30_000) { $0 == .handshakeSucceeded })
        _ = try squatter.socket.send(RawAgent.hello(branch: "eve", incarnation: Array(repeating: 2, count: 16), lastSeq: 1).encoded())
        _ = try squatter.socket.send(RawAgent.batch(1...1, branch: "eve", incarnation: Array(repeating: 2, count: 16)).encoded())
        XCTAssertEqual(try owner.exchange(RawAgent.batch(1...1, branch: "mallory", incarnation: incarnation)),
                       .ack(heldSeq: 1, chain: RawAgent.chain(branch: "mallory", incarnation: incarnation, through: 1)))
        XCTAssertEqual(try bureau.inventory(of: "mallory")?["card"]?["received"], 10)
        XCTAssertEqual(try bureau.inventory(of: "eve")?["card"]?["received"], 0)
        XCTAssertTrue(try bureau.branchStatus("eve")?["lastHeardAt"] is NSNull, "the hub never heard the squatter")
        XCTAssertNil(try squatter.socket.receive(dontWait: true))

        try honest.ok(["sync"])
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 9)
        withExtendedLifetime((garbage, silent)) {}
    }

    /// 320 MiB of hostile traffic — garbage frames of 64 KiB, malformed batches and valid
    /// HELLOs — with the hub's resident memory sampled as it goes: a leak of even 5 % of every
    /// message (16 MiB) would exceed the 8 MiB bound on growth past the warm-up.
    func testMemoryStaysFlatUnderAFlood() throws {
        let bureau = try TestBureau(self)
        let honest = try bureau.addAgent("sanchang")
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "mallory", "--name", "坏人", "--key", keys.publicKey])
        let attacker = try RawAgent(endpoint: bureau.endpoint!, hubKey: bureau.hubKey, keys: keys)
        let pid = try XCTUnwrap(bureau.serverPID)
        let garbage = (0..<(64 << 10)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let malformedBatch = Array(RawAgent.unanchored(RawAgent.entries(1...400)).encoded().dropLast(7))
        let hello = RawAgent.hello(branch: "mallory", incarnation: Array(repeating: 9, count: 16), lastSeq: 0).encoded()
        var sentBytes = 0
        /// `rounds` × (a 64 KiB garbage frame, a malformed 400-entry batch, a HELLO), as fast as
        /// the socket takes them; then a HELLO whose WELCOME (never throttled, unlike error
        /// replies) shows the hub has worked through everything sent before it.
        func flood(_ rounds: Int) throws {
            for _ in 0..<rounds {
                for message in [garbage, malformedBatch, hello] {
                    while try !attacker.socket.send(message, dontWait: true) { _ = try attacker.socket.receive(dontWait: true) }
                    sentBytes += message.count
                }
            }
            _ = try attacker.socket.send(hello)
            while let reply = try attacker.socket.receive() {
                if case .welcome? = try? WireMessage.decode(reply.frames[0]) {
                    // Drain the WELCOMEs still queued for the HELLOs of the flood.
                    while try attacker.socket.receive(dontWait: true) != nil {}
                    return
                }
            }
            XCTFail("no WELCOME after the flood")
        }
        // Ten rounds of warm-up: the allocator and libzmq's buffers grow to their working
        // size (a one-time step of some 20 MiB here); the plateau they reach is the baseline.
        var warmUp: [Int] = []
        for _ in 0..<10 {
            try flood(256)
            warmUp.append(try XCTUnwrap(Self.residentKiB(pid)))
        }
        let baseline = try XCTUnwrap(warmUp.max())
        sentBytes = 0
        var samples: [Int] = []
        for _ in 0..<20 {
            try flood(256)
            samples.append(try XCTUnwrap(Self.residentKiB(pid)))
        }
        XCTAssertGreaterThanOrEqual(sentBytes, 320 << 20, "enough traffic for a 5 % leak to show")
        let growth = (samples.max() ?? baseline) - baseline
        XCTAssertLessThan(growth, 8 * 1024, "resident memory after warm-up \(warmUp) KiB, then: \(samples)")
        let lateHalf = samples.suffix(10)
        XCTAssertLessThan((lateHalf.max() ?? 0) - (lateHalf.first ?? 0), 4 * 1024, "no steady climb: \(samples)")
        try honest.ok(["card", "receive", "--quantity", "3"])
        try honest.ok(["sync"])
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 3)
    }

    static func residentKiB(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
}

/// Failures collected from another thread.
final class LockedFailures: @unchecked Sendable {
    // Safe: `failures` is read and written under `lock`.
    private let lock = NSLock()
    private var failures: [String] = []
    func add(_ failure: String) { lock.withLock { failures.append(failure) } }
    var all: [String] { lock.withLock { failures } }
}

/// A plain TCP connection to a local port, for strangers that do not speak ZMTP.
final class TCPConnection {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw RunningProgram.Failure(message: "cannot connect to port \(port)") }
    }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    deinit { close(descriptor) }
}
