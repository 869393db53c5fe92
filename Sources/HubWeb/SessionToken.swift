import TaizhangCore

/// Session cookie values: 32 random bytes as hex; the database keeps only their SHA-256.
enum SessionToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.hexString
    }

    static func hash(_ token: String) -> String { SHA256.hash(Array(token.utf8)).hexString }
}
