import TaizhangCore
import ZeroMQ

/// A short name for an agent key an operator can read out and type: the first 10 hex
/// digits of the SHA-256 of the 32-byte key, e.g. `3fa4c2e9b1`.
public enum KeyFingerprint {
    public static let length = 10

    public static func of(_ publicKey: String) -> String {
        let bytes = Z85.decode(publicKey) ?? Array(publicKey.utf8)
        return String(SHA256.hash(bytes).hexString.prefix(length))
    }

    /// Whether `text` looks like a fingerprint rather than a whole key.
    public static func looksLikeFingerprint(_ text: String) -> Bool {
        (6...length).contains(text.count) && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
