/// The endpoint libzmq sends ZAP (RFC 27) requests to; a handler must be bound there in the same context.
public let zapEndpoint = "inproc://zeromq.zap.01"

/// Why frames could not be parsed as a ZAP request; Sendable value, safe on any thread.
public enum ZAPRequestError: Error, Sendable, Equatable {
    /// Fewer than the 6 fixed frames, or the wrong number of credential frames for the mechanism.
    case wrongFrameCount(Int)
    /// Version frame was not "1.0".
    case unsupportedVersion(String)
    case unknownMechanism(String)
    /// CURVE credentials must be one 32-byte public key.
    case invalidCurveKey(length: Int)
}

/// A ZAP security mechanism name; Sendable value, safe on any thread.
public enum ZAPMechanism: String, Sendable {
    case null = "NULL"
    case plain = "PLAIN"
    case curve = "CURVE"
    case gssapi = "GSSAPI"
}

/// A parsed ZAP request (RFC 27) as received by a REP socket bound to `zapEndpoint`; Sendable value, safe on any thread.
public struct ZAPRequest: Sendable, Equatable {
    public let version: String
    /// Opaque id that the reply must echo.
    public let requestId: [UInt8]
    /// The server socket's ZAP domain (`setZapDomain`), possibly empty.
    public let domain: String
    /// The client's IP address.
    public let address: String
    /// The client's routing id ("identity"), possibly empty.
    public let identity: [UInt8]
    public let mechanism: ZAPMechanism
    /// Mechanism-specific credentials: none (NULL), username + password (PLAIN), public key (CURVE).
    public let credentials: [[UInt8]]

    /// Parses the frames; throws `ZAPRequestError` instead of trapping on malformed input.
    public init(frames: [[UInt8]]) throws(ZAPRequestError) {
        guard frames.count >= 6 else { throw .wrongFrameCount(frames.count) }
        let version = String(decoding: frames[0], as: UTF8.self)
        guard version == "1.0" else { throw .unsupportedVersion(version) }
        let mechanismName = String(decoding: frames[5], as: UTF8.self)
        guard let mechanism = ZAPMechanism(rawValue: mechanismName) else {
            throw .unknownMechanism(mechanismName)
        }
        let credentials = Array(frames[6...])
        switch mechanism {
        case .null:
            guard credentials.isEmpty else { throw .wrongFrameCount(frames.count) }
        case .plain:
            guard credentials.count == 2 else { throw .wrongFrameCount(frames.count) }
        case .curve:
            guard credentials.count == 1 else { throw .wrongFrameCount(frames.count) }
            guard credentials[0].count == 32 else { throw .invalidCurveKey(length: credentials[0].count) }
        case .gssapi:
            guard credentials.count == 1 else { throw .wrongFrameCount(frames.count) }
        }
        self.version = version
        self.requestId = frames[1]
        self.domain = String(decoding: frames[2], as: UTF8.self)
        self.address = String(decoding: frames[3], as: UTF8.self)
        self.identity = frames[4]
        self.mechanism = mechanism
        self.credentials = credentials
    }

    /// The client's raw 32-byte CURVE public key, for CURVE requests.
    public var curvePublicKey: [UInt8]? {
        mechanism == .curve ? credentials[0] : nil
    }

    /// The client's CURVE public key as Z85 (40 characters), for CURVE requests.
    public var curvePublicKeyZ85: String? {
        curvePublicKey.flatMap(Z85.encode)
    }

    /// PLAIN username and password, for PLAIN requests.
    public var plainCredentials: (username: String, password: String)? {
        guard mechanism == .plain else { return nil }
        return (String(decoding: credentials[0], as: UTF8.self), String(decoding: credentials[1], as: UTF8.self))
    }
}
