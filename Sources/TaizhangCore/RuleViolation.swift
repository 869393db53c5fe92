/// Why the ledger refuses an entry: one sentence that says what is wrong and what to do.
public struct RuleViolation: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The entry is badly formed: missing or invalid field, quantity out of range, bad date.
        case malformed
        /// The entry is well formed but impossible given the ledger so far.
        case inconsistent
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
