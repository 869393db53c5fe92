import Foundation
import TaizhangCore
import ZeroMQ

/// A hub played by the test: a CURVE ROUTER on a loopback port the system chose, answering
/// exactly as the test says (or not at all), to see how the real agent reacts.
final class FakeHub {
    let context: Context
    let router: Socket
    let keys: CurveKeyPair
    let endpoint: String

    init() throws {
        keys = try CurveKeyPair.generate()
        context = try Context()
        router = try Socket(context: context, type: .router)
        try router.setLinger(0)
        try router.setReceiveTimeout(30_000)
        try router.setCurveServer(true)
        try router.setCurveSecretKey(keys.secretKey)
        try router.bind("tcp://127.0.0.1:*")
        guard let bound = try router.lastEndpoint else { throw FakeHubError(description: "no endpoint after bind") }
        endpoint = bound
    }

    deinit {
        router.close()
        context.close()
    }

    /// The next message from any agent connection (nil after 30 s), with its routing id and
    /// when it arrived.
    func receive() throws -> (routingId: [UInt8], message: WireMessage, at: Date)? {
        guard let received = try router.receive(), received.frames.count == 2 else { return nil }
        return (received.frames[0], try WireMessage.decode(received.frames[1]), Date())
    }

    func send(_ message: WireMessage, to routingId: [UInt8]) throws {
        _ = try router.send([routingId, message.encoded()])
    }
}

struct FakeHubError: Error, CustomStringConvertible {
    let description: String
}
