import CZeroMQ

/// The libzmq socket patterns this wrapper supports; Sendable value, safe on any thread.
public enum SocketType: Sendable, CaseIterable {
    case pair, req, rep, dealer, router, pub, sub, push, pull

    var rawValue: Int32 {
        switch self {
        case .pair: ZMQ_PAIR
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        case .dealer: ZMQ_DEALER
        case .router: ZMQ_ROUTER
        case .pub: ZMQ_PUB
        case .sub: ZMQ_SUB
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        }
    }

    init?(rawValue: Int32) {
        guard let match = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = match
    }
}
