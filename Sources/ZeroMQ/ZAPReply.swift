/// A ZAP status code (RFC 27); Sendable value, safe on any thread.
public enum ZAPStatusCode: String, Sendable {
    case success = "200"
    case temporaryError = "300"
    case authenticationFailure = "400"
    case internalError = "500"
}

/// What a ZAP handler decided about a request; Sendable value, safe on any thread.
public enum ZAPDecision: Sendable, Equatable {
    /// Accept the peer; `userId` becomes the "User-Id" property of its messages.
    case allow(userId: String)
    /// Reject the peer with status 400 and this text.
    case deny(String)
}

/// A ZAP reply (RFC 27) ready to send on the handler's REP socket; Sendable value, safe on any thread.
public struct ZAPReply: Sendable, Equatable {
    public var requestId: [UInt8]
    public var statusCode: ZAPStatusCode
    public var statusText: String
    public var userId: String

    public init(requestId: [UInt8], statusCode: ZAPStatusCode, statusText: String, userId: String = "") {
        self.requestId = requestId
        self.statusCode = statusCode
        self.statusText = statusText
        self.userId = userId
    }

    /// The reply to `request` for `decision`.
    public init(request: ZAPRequest, decision: ZAPDecision) {
        switch decision {
        case .allow(let userId):
            self.init(requestId: request.requestId, statusCode: .success, statusText: "OK", userId: userId)
        case .deny(let text):
            self.init(requestId: request.requestId, statusCode: .authenticationFailure, statusText: text)
        }
    }

    /// Frames: version "1.0", request id, status code, status text, user id, empty metadata.
    public var frames: [[UInt8]] {
        [Array("1.0".utf8), requestId, Array(statusCode.rawValue.utf8), Array(statusText.utf8), Array(userId.utf8), []]
    }
}
