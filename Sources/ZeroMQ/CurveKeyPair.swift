import CZeroMQ

/// A CurveZMQ key pair in Z85 text (40 characters each). Placeholder until the full wrapper lands.
public struct CurveKeyPair: Sendable, Equatable {
    public let publicKey: String
    public let secretKey: String

    public static func generate() throws -> CurveKeyPair {
        var pub = [CChar](repeating: 0, count: 41)
        var sec = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&pub, &sec) == 0 else { throw CurveKeyError() }
        return CurveKeyPair(publicKey: String(cString: pub), secretKey: String(cString: sec))
    }
}
public struct CurveKeyError: Error {}

/// Placeholder until the full wrapper lands.
public enum Z85 {
    public static func isValidCurveKey(_ text: String) -> Bool {
        guard text.utf8.count == 40 else { return false }
        var out = [UInt8](repeating: 0, count: 32)
        return zmq_z85_decode(&out, text) != nil
    }
}
