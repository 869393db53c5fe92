import HubKit
import Synchronization

/// Figures the dashboard computed, kept while the database is unchanged (its ChangeToken: the
/// change count, which serve's heartbeat and the dashboard's sessions leave alone),
/// and those fixed for ever (an issued export's standing as of its own as-of). A value is
/// kept only if the token read before and after computing it is the same, so what is kept
/// is always what one unchanged database gave.
final class DashboardCache: Sendable {
    private let current = Mutex<[String: (token: ChangeToken, value: any Sendable)]>([:])
    private let fixed = Mutex<[String: any Sendable]>([:])

    /// `compute()` unless the database is unchanged since it was last kept under `key`.
    func value<T: Sendable>(_ key: String, database: HubDatabase, _ compute: () throws -> T) throws -> T {
        let before = try database.changeToken()
        if let kept = current.withLock({ $0[key] }), kept.token == before, let value = kept.value as? T { return value }
        let value = try compute()
        if try database.changeToken() == before { current.withLock { $0[key] = (before, value) } }
        return value
    }

    /// `compute()` once per `key`, for values that never change.
    func fixedValue<T: Sendable>(_ key: String, _ compute: () throws -> T) throws -> T {
        if let value = fixed.withLock({ $0[key] }) as? T { return value }
        let value = try compute()
        fixed.withLock { $0[key] = value }
        return value
    }

    /// Keeps `value` under `key` if the database is unchanged since `compute()` last ran (so
    /// a value worked out again for another reason, such as the time, is kept the same way).
    func replace<T: Sendable>(_ key: String, database: HubDatabase, with value: T) throws {
        let token = try database.changeToken()
        current.withLock { kept in
            if kept[key]?.token == token { kept[key] = (token, value) }
        }
    }
}
