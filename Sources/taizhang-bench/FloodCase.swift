import Foundation
import HubKit
import TaizhangText
import Synchronization
import TaizhangCore
import ZeroMQ

extension HubCases {
    static let flood = BenchCase(
        name: "hub.ingest-under-flood",
        description: "Four agents sync a 25,000-entry backlog each to a real hub, undisturbed; then four fresh agents do the same while one enrolled but misbehaving client floods the hub with 1 KB garbage messages from its own thread (as fast as its socket takes them, reading whatever comes back); ratio = honest entries/s under the flood ÷ undisturbed, same hub, same run",
        goal: "ratio >= 0.8"
    ) { context in
        let perAgent: Int64 = context.quick ? 2_500 : 25_000
        let children = Children(directory: context.scratch)
        defer { children.stopAll() }
        let hub = try HubFixture.create(context.scratch + "/hub")
        let (server, endpoint) = try hub.serve(context, children)
        let calm = try AgentFleet.make(hub, endpoint: endpoint, count: 4, entries: perAgent, prefix: "calm",
                                       under: context.scratch, context: context)
        let stormy = try AgentFleet.make(hub, endpoint: endpoint, count: 4, entries: perAgent, prefix: "storm",
                                         under: context.scratch, context: context)
        let keys = try CurveKeyPair.generate()
        try hub.database.enroll(branch: "mallory", name: "捣乱者", publicKey: keys.publicKey, at: .now())

        func syncAll(_ fleet: [(branch: String, path: String)]) throws -> Int64 {
            let start = Clock.nanoseconds()
            let syncs = try fleet.map { try children.spawn("sync", [context.agentPath, "sync", "--timeout", "600", "--data", $0.path]) }
            for sync in syncs { try sync.expectSuccess(within: 660) }
            return Clock.nanoseconds() - start
        }
        context.progress("flood: undisturbed sync of 4 × \(perAgent)")
        let calmNanoseconds = try syncAll(calm)
        context.progress("flood: sync of 4 × \(perAgent) while one client floods garbage")
        let flooder = Flooder(endpoint: endpoint, hubKey: hub.publicKey, keys: keys)
        let floodThread = Thread { flooder.run() }
        floodThread.start()
        let stormNanoseconds = try syncAll(stormy)
        flooder.stop.store(true, ordering: .releasing)
        while !flooder.finished.load(ordering: .acquiring) { usleep(10_000) }
        guard server.isRunning else { throw ProcessFailure(description: "the hub died under the flood: \(server.outcome)") }
        let stored = try hub.storedEntries()
        guard stored.count == 8 * perAgent, stored.heldSeqs["mallory"] ?? 0 == 0 else {
            throw ProcessFailure(description: "the hub holds \(stored.count) entries, expected \(8 * perAgent), none from the flooder")
        }
        let calmRate = rate(4 * perAgent, calmNanoseconds), stormRate = rate(4 * perAgent, stormNanoseconds)
        let ratio = Double(stormRate) / Double(max(calmRate, 1))
        return Measurement(metrics: [
            ("entriesPerRun", .int(4 * perAgent)),
            ("undisturbedEntriesPerSecond", .int(calmRate)),
            ("underFloodEntriesPerSecond", .int(stormRate)),
            ("garbageMessagesSent", .int(flooder.sent.load(ordering: .acquiring))),
            ("garbageMessagesPerSecond", .int(rate(flooder.sent.load(ordering: .acquiring), stormNanoseconds))),
        ], ratio: ratio, goalMet: ratio >= 0.8)
    }
}

/// The misbehaving client: an enrolled key sending garbage on its own thread and socket.
final class Flooder: Sendable {
    let endpoint: String
    let hubKey: String
    let keys: CurveKeyPair
    let stop = Atomic<Bool>(false)
    let finished = Atomic<Bool>(false)
    let sent = Atomic<Int64>(0)

    init(endpoint: String, hubKey: String, keys: CurveKeyPair) {
        self.endpoint = endpoint
        self.hubKey = hubKey
        self.keys = keys
    }

    func run() {
        defer { finished.store(true, ordering: .releasing) }
        do {
            let context = try Context()
            defer { context.close() }
            let socket = try Socket(context: context, type: .dealer)
            defer { socket.close() }
            try socket.setLinger(0)
            try socket.setCurveServerKey(hubKey)
            try socket.setCurvePublicKey(keys.publicKey)
            try socket.setCurveSecretKey(keys.secretKey)
            try socket.connect(endpoint)
            var garbage = [UInt8](repeating: 0xA5, count: 1000)
            while !stop.load(ordering: .acquiring) {
                garbage[0] &+= 1
                if try socket.send(garbage, dontWait: true) {
                    sent.add(1, ordering: .relaxed)
                } else {
                    while try socket.receive(dontWait: true) != nil {}
                    _ = try Poller.poll([PollItem(socket, [.readable, .writable])], timeout: 10)
                }
            }
        } catch {
            StandardStream.printError("taizhang-bench: flooder stopped: \(error)")
        }
    }
}
