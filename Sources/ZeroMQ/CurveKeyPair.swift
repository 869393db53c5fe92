import CZeroMQ

/// A CURVE long-term key pair as Z85 strings; an immutable value, safe to share across threads.
public struct CurveKeyPair: Sendable, Equatable, CustomStringConvertible {
    /// The public key, Z85, 40 characters.
    public let publicKey: String
    /// The secret key, Z85, 40 characters. Not included in `description`.
    public let secretKey: String

    /// Generates a new random key pair (zmq_curve_keypair); throws if libzmq lacks CURVE.
    public static func generate() throws(ZMQError) -> CurveKeyPair {
        // Z85 text of a 32-byte key is 40 characters plus the NUL terminator.
        var publicBuffer = [CChar](repeating: 0, count: 41)
        var secretBuffer = [CChar](repeating: 0, count: 41)
        try zmqCheck("zmq_curve_keypair") { zmq_curve_keypair(&publicBuffer, &secretBuffer) }
        return CurveKeyPair(verifiedPublic: string(from: publicBuffer), secret: string(from: secretBuffer))
    }

    /// Rebuilds the pair from a Z85 secret key, deriving the public key (zmq_curve_public).
    public init(secretKey: String) throws(ZMQError) {
        guard Z85.isValidCurveKey(secretKey) else {
            throw .invalidArgument("zmq_curve_public", "not a 40-character Z85 CURVE key")
        }
        var publicBuffer = [CChar](repeating: 0, count: 41)
        try zmqCheck("zmq_curve_public") { zmq_curve_public(&publicBuffer, secretKey) }
        self.init(verifiedPublic: Self.string(from: publicBuffer), secret: secretKey)
    }

    private init(verifiedPublic publicKey: String, secret: String) {
        self.publicKey = publicKey
        self.secretKey = secret
    }

    /// The raw 32-byte public key.
    public var publicKeyBytes: [UInt8] { Z85.decode(publicKey) ?? [] }

    public var description: String { "CurveKeyPair(public: \(publicKey), secret: <redacted>)" }

    private static func string(from buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
