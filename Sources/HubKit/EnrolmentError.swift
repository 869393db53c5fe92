import Foundation
import ZeroMQ

/// An enrolment the operator must have mistyped; nothing was changed.
public enum EnrolmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The hub's own public key given as an office's.
    case hubKey(String)
    /// A key of 32 zero bytes: no office's `init` makes it.
    case zeroKey(String)
    /// Another branch already has this name (compared as `sameName` does).
    case nameInUse(name: String, branch: String)

    public var description: String {
        switch self {
        case .hubKey(let key): "\(key) is this hub's own public key, not an office's; enrol the key printed by the office's 'taizhang-agent init' — nothing was changed"
        case .zeroKey(let key): "\(key) is an all-zero key, not one an office's 'taizhang-agent init' prints; enrol the key the office printed — nothing was changed"
        case .nameInUse(let name, let branch): "branch '\(branch)' is already enrolled under the name '\(name)'; give this branch its own name — nothing was changed"
        }
    }

    /// Refuses the hub's own key and the all-zero key.
    static func check(key: String, hubKey: String?) throws(EnrolmentError) {
        if let hubKey, key == hubKey { throw .hubKey(key) }
        if let bytes = Z85.decode(key), bytes.allSatisfy({ $0 == 0 }) { throw .zeroKey(key) }
    }

    /// Whether two branch names are the same to a reader: compatibility-normalised (full-width
    /// forms, NFC/NFD), blanks at the ends ignored, ASCII letters in either case.
    static func sameName(_ a: String, _ b: String) -> Bool {
        func key(_ name: String) -> String {
            name.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
                .lowercased()
        }
        return key(a) == key(b)
    }
}
