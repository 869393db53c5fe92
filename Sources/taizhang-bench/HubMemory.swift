import HubKit
import TaizhangCore
import ZeroMQ

#if canImport(Glibc)
import Glibc
#endif

extension HubCases {
    static let memory = BenchCase(
        name: "hub.memory-200-agents",
        description: "A real 'taizhang-hub serve' with 200 enrolled agent keys; the bench opens 200 CURVE DEALER connections (one Context, 200 sockets, linger 0), each sends HELLO and gets WELCOME, then PING/PONG once; the hub's VmRSS and VmHWM (/proc/PID/status) while all 200 are connected, and of the idle hub before",
        goal: "hub VmRSS and VmHWM with 200 agents connected < 150 MB"
    ) { context in
        let agents = 200
        let children = Children(directory: context.scratch)
        defer { children.stopAll() }
        let hub = try HubFixture.create(context.scratch + "/hub")
        var keys: [CurveKeyPair] = []
        for index in 1...agents {
            let pair = try CurveKeyPair.generate()
            let branch = "m\(1000 + index)"
            try hub.database.enroll(branch: branch, name: branch + "分局", publicKey: pair.publicKey, at: .now())
            keys.append(pair)
        }
        let (server, endpoint) = try hub.serve(context, children)
        usleep(300_000)
        let idle = try server.memoryKilobytes()
        context.progress("memory: idle hub VmRSS \(idle.rss) kB; connecting \(agents) CURVE DEALERs")

        let zmq = try Context()
        var sockets: [Socket] = []
        defer {
            for socket in sockets { socket.close() }
            zmq.close()
        }
        let connectStart = Clock.nanoseconds()
        for pair in keys {
            let socket = try Socket(context: zmq, type: .dealer)
            sockets.append(socket)
            try socket.setLinger(0)
            try socket.setReceiveTimeout(10_000)
            try socket.setCurveServerKey(hub.publicKey)
            try socket.setCurvePublicKey(pair.publicKey)
            try socket.setCurveSecretKey(pair.secretKey)
            try socket.connect(endpoint)
        }
        var random = SplitMix64(state: 0x200)
        /// Sends `message(i)` on every socket, then reads every reply (10 s each at most).
        func exchange(_ what: String, _ message: (Int) -> WireMessage, expect: (WireMessage) -> Bool) throws {
            for (index, socket) in sockets.enumerated() { _ = try socket.send(message(index).encoded()) }
            for (index, socket) in sockets.enumerated() {
                guard let reply = try socket.receive(), reply.frames.count == 1 else {
                    throw ProcessFailure(description: "connection \(index + 1) got no reply to \(what) within 10 s (hub: \(server.isRunning ? "running" : server.outcome))")
                }
                let decoded = try WireMessage.decode(reply.frames[0])
                guard expect(decoded) else { throw ProcessFailure(description: "connection \(index + 1) answered \(what) with \(decoded)") }
            }
        }
        try exchange("HELLO", { index in
            let incarnation = (0..<16).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            // A fresh ledger's chain head is its genesis.
            let branch = "m\(1000 + index + 1)"
            return .hello(incarnation: incarnation, lastSeq: 0,
                          chain: LedgerChain.genesis(branch: branch, incarnation: incarnation), branch: branch)
        }, expect: { if case .welcome(0, _, _, _, _) = $0 { true } else { false } })
        let welcomed = Clock.nanoseconds() - connectStart
        try exchange("PING", { _ in .ping(lastSeq: 0) }, expect: { if case .pong(0, _, _) = $0 { true } else { false } })
        usleep(200_000)
        let connected = try server.memoryKilobytes()
        guard server.isRunning else { throw ProcessFailure(description: "the hub died: \(server.outcome)") }
        context.progress("memory: VmRSS \(connected.rss) kB, VmHWM \(connected.hwm) kB with \(agents) connected")

        let limit: Int64 = 150 * 1024
        return Measurement(metrics: [
            ("agents", .int(Int64(agents))),
            ("idleVmRSSKiB", .int(idle.rss)), ("idleVmHWMKiB", .int(idle.hwm)),
            ("connectedVmRSSKiB", .int(connected.rss)), ("connectedVmHWMKiB", .int(connected.hwm)),
            ("perConnectionKiB", .decimal(Double(connected.rss - idle.rss) / Double(agents), places: 1)),
            ("connectAndWelcomeAllMs", .milliseconds(welcomed)),
        ], ratio: nil, goalMet: connected.rss < limit && connected.hwm < limit)
    }
}
