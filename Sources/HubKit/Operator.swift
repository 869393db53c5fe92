import TaizhangCore

/// A person who may open the dashboard. The first release is read-only for every role; the
/// roles gate what later releases add.
public struct Operator: Sendable, Hashable {
    public enum Role: String, Sendable, CaseIterable, Comparable {
        case viewer, `operator`, admin

        public static func < (lhs: Role, rhs: Role) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var login: String
    public var role: Role
    public var createdAt: Timestamp
    public var passwordChangedAt: Timestamp

    public init(login: String, role: Role, createdAt: Timestamp, passwordChangedAt: Timestamp) {
        self.login = login
        self.role = role
        self.createdAt = createdAt
        self.passwordChangedAt = passwordChangedAt
    }

    /// 1–32 characters: lower-case ASCII letters, digits, '.', '_' and '-', starting with a letter.
    public static func isValidLogin(_ login: String) -> Bool {
        guard let first = login.unicodeScalars.first, ("a"..."z").contains(first), login.unicodeScalars.count <= 32 else { return false }
        return login.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
    }
}

/// One line of `taizhang-hub operator log`.
public struct OperatorLogin: Sendable, Hashable {
    public enum Outcome: String, Sendable {
        case success, failure, locked, logout
    }

    public var login: String
    public var at: Timestamp
    public var address: String
    public var outcome: Outcome

    public init(login: String, at: Timestamp, address: String, outcome: Outcome) {
        self.login = login
        self.at = at
        self.address = address
        self.outcome = outcome
    }
}

/// A signed-in operator, found from a session cookie.
public struct OperatorSession: Sendable, Hashable {
    public var login: String
    public var role: Operator.Role

    public init(login: String, role: Operator.Role) {
        self.login = login
        self.role = role
    }
}

/// Why an operator command or a login could not be done.
public enum OperatorError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidLogin(String)
    case exists(String)
    case unknown(String)
    case weakPassword

    public var description: String {
        switch self {
        case .invalidLogin(let login):
            "'\(login)' is not a valid login; use 1 to 32 lower-case letters, digits, '.', '_' or '-', starting with a letter"
        case .exists(let login):
            "an operator '\(login)' already exists; change the password with 'taizhang-hub operator passwd --login \(login)'"
        case .unknown(let login):
            "there is no operator '\(login)'; 'taizhang-hub operator list' shows them"
        case .weakPassword:
            "the password must be 10 to 72 bytes long; nothing was changed"
        }
    }
}
