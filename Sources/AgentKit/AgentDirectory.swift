#if canImport(Glibc)
import Glibc
#endif

/// The folder that holds one office's ledger and keys.
public struct AgentDirectory: Sendable, Hashable {
    public let path: String

    public init(path: String) {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// `--data`, else `$TAIZHANG_AGENT_DATA`, else `~/.local/share/taizhang/agent`.
    public static func resolve(_ option: String?) -> AgentDirectory {
        if let option, !option.isEmpty { return AgentDirectory(path: option) }
        if let env = getenv("TAIZHANG_AGENT_DATA").map({ String(cString: $0) }), !env.isEmpty {
            return AgentDirectory(path: env)
        }
        let home = getenv("HOME").map { String(cString: $0) } ?? "."
        return AgentDirectory(path: home + "/.local/share/taizhang/agent")
    }

    public var ledgerPath: String { path + "/ledger.sqlite" }
    public var secretKeyPath: String { path + "/agent.secret" }
    public var publicKeyPath: String { path + "/agent.public" }

    /// Opens this folder's ledger; says how to create one if there is none. `checking`: run
    /// SQLite's quick check first and refuse a damaged file (every clerk command does; `sync`
    /// salvages what it can read instead).
    public func open(checking: Bool = true) throws -> AgentDatabase {
        guard access(ledgerPath, F_OK) == 0 else { throw AgentError.notInitialised(directory: path) }
        let database = try AgentDatabase(openingAt: ledgerPath)
        if checking { try database.checkPages() }
        return database
    }
}

/// The OS user, the default name recorded as the clerk of an entry.
public enum Clerk {
    public static var current: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        return getenv("USER").map { String(cString: $0) } ?? "unknown"
    }
}
