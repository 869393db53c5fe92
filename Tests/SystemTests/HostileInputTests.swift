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
        for index in 0..<20 { try honest.ok(["card", "receive", "--quantity", "\(index + 1)"]) }
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "mallory", "--name", "坏人", "--key", keys.publicKey])
        let attacker = try RawAgent(endpoint: bureau.endpoint!, hubKey: bureau.hubKey, keys: keys)

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
        XCTAssertEqual(try status([[0x54, 0x5A, 9, 0x01] + Array(hello.dropFirst(4))]), .unsupportedVersion, "future version")
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
        XCTAssertEqual(try status([RawAgent.unanchored(RawAgent.entries(1...1) + RawAgent.entries(3...3)).encoded()]), .malformed, "not consecutive")
        XCTAssertEqual(try status([WireMessage.ack(heldSeq: 5, chain: [UInt8](repeating: 0, count: 32)).encoded()]), .malformed, "a hub's message")

        try honest.ok(["sync"])
        XCTAssertEqual(try bureau.inventory(of: "sanchang"), try honest.inventory())
        XCTAssertEqual(try bureau.branchStatus("mallory")?["heldSeq"] as? Int, 0, "nothing stored from the attacker")
        XCTAssertEqual(try bureau.inventory(of: "mallory")?["card"]?["received"], 0)
    }

    func testOversizedFramesAndStrangersDoNotDisturbTheHub() throws {
        let bureau = try TestBureau(self)
        let honest = try bureau.addAgent("sanchang")
        try honest.ok(["card", "receive", "--quantity", "9"])
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "mallory", "--name", "坏人", "--key", keys.publicKey])
        let attacker = try RawAgent(endpoint: bureau.endpoint!, hubKey: bureau.hubKey, keys: keys)
        try attacker.socket.setReceiveTimeout(2000)
        _ = try attacker.socket.send([UInt8](repeating: 0x41, count: 5 << 20))
        XCTAssertNil(try? attacker.socket.receive(), "an oversized frame gets the connection dropped, no reply")

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
        let squatter = try RawAgent(endpoint: bureau.endpoint!, hubKey: bureau.hubKey, keys: eveKeys, routingId: Array("agent-1".utf8))
        try squatter.socket.setReceiveTimeout(2000)
        if let reply = try? squatter.exchange(RawAgent.batch(1...1, branch: "eve", incarnation: incarnation)) {
            XCTAssertEqual(reply, .error(.helloRequired, heldSeq: 0, seq: 0, message: "send HELLO first"))
        }
        XCTAssertEqual(try owner.exchange(RawAgent.batch(1...1, branch: "mallory", incarnation: incarnation)),
                       .ack(heldSeq: 1, chain: RawAgent.chain(branch: "mallory", incarnation: incarnation, through: 1)))
        XCTAssertEqual(try bureau.inventory(of: "mallory")?["card"]?["received"], 10)
        XCTAssertEqual(try bureau.inventory(of: "eve")?["card"]?["received"], 0)

        try honest.ok(["sync"])
        XCTAssertEqual(try bureau.inventory(of: "sanchang")?["card"]?["received"], 9)
        withExtendedLifetime((garbage, silent)) {}
    }

    func testMemoryStaysFlatUnderAFlood() throws {
        let bureau = try TestBureau(self)
        let honest = try bureau.addAgent("sanchang")
        let keys = try CurveKeyPair.generate()
        try bureau.ok(["enroll", "--branch", "mallory", "--name", "坏人", "--key", keys.publicKey])
        let attacker = try RawAgent(endpoint: bureau.endpoint!, hubKey: bureau.hubKey, keys: keys)
        let pid = try XCTUnwrap(bureau.serverPID)
        /// Garbage as fast as the socket takes it; then a HELLO, whose WELCOME (never
        /// throttled, unlike error replies) shows the hub has worked through the flood.
        func flood(_ count: Int) throws {
            for index in 0..<count {
                while try !attacker.socket.send([UInt8](repeating: UInt8(truncatingIfNeeded: index), count: 1000), dontWait: true) {
                    _ = try attacker.socket.receive(dontWait: true)
                }
            }
            _ = try attacker.socket.send(RawAgent.hello(branch: "mallory", incarnation: Array(repeating: 9, count: 16), lastSeq: 0).encoded())
            while let reply = try attacker.socket.receive() {
                if case .welcome? = try? WireMessage.decode(reply.frames[0]) { return }
            }
            XCTFail("no WELCOME after the flood")
        }
        try flood(2000)
        let before = try XCTUnwrap(Self.residentKiB(pid))
        try flood(20_000)
        let after = try XCTUnwrap(Self.residentKiB(pid))
        XCTAssertLessThan(after - before, 16 * 1024, "resident memory grew from \(before) KiB to \(after) KiB")
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
