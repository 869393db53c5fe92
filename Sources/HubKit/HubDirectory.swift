import LocalFiles
import ZeroMQ

#if canImport(Glibc)
import Glibc
#endif

/// The folder that holds the hub's database and CURVE keys.
public struct HubDirectory: Sendable, Hashable {
    public let path: String

    public init(path: String) {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// `--data`, else `$TAIZHANG_HUB_DATA`, else `~/.local/share/taizhang/hub`.
    public static func resolve(_ option: String?) -> HubDirectory {
        if let option, !option.isEmpty { return HubDirectory(path: option) }
        if let env = getenv("TAIZHANG_HUB_DATA").map({ String(cString: $0) }), !env.isEmpty {
            return HubDirectory(path: env)
        }
        let home = getenv("HOME").map { String(cString: $0) } ?? "."
        return HubDirectory(path: home + "/.local/share/taizhang/hub")
    }

    public var databasePath: String { path + "/hub.sqlite" }
    public var secretKeyPath: String { path + "/hub.secret" }
    public var publicKeyPath: String { path + "/hub.public" }

    public func open() throws -> HubDatabase {
        guard LocalFile.exists(databasePath) else { throw HubError.notInitialised(path: databasePath) }
        return try HubDatabase(openingAt: databasePath)
    }

    /// Creates the database and the hub's key pair; returns the public key agents need.
    /// The database is written last, under a temporary name, so a failed `init` leaves none.
    /// `settings` (e.g. the bureau's name) are stored in it before it takes its name.
    public func create(settings: [ReportSettings.Key: String] = [:]) throws -> String {
        guard !LocalFile.exists(databasePath) else { throw HubError.alreadyInitialised(path: databasePath) }
        for (key, text) in settings {
            do { _ = try ReportSettings.check(key, text) } catch { throw HubError.reportSetting(error) }
        }
        let keys: CurveKeyPair
        do {
            keys = try CurveKeyPair.generate()
        } catch {
            throw HubError.curveUnavailable(detail: "\(error)")
        }
        let temporary = databasePath + ".init-\(getpid())"
        do {
            try LocalFile.makeDirectory(path)
            try LocalFile.write(keys.secretKey + "\n", to: secretKeyPath, mode: 0o600)
            try LocalFile.write(keys.publicKey + "\n", to: publicKeyPath, mode: 0o644)
            // Closed (its WAL checkpointed away) before it takes its name.
            try Self.createDatabase(at: temporary, settings: settings)
            try LocalFile.rename(temporary, databasePath)
        } catch {
            for suffix in ["", "-wal", "-shm"] { LocalFile.remove(temporary + suffix) }
            if let error = error as? FileError { throw HubError.file(error) }
            throw error
        }
        return keys.publicKey
    }

    private static func createDatabase(at path: String, settings: [ReportSettings.Key: String]) throws {
        let database = try HubDatabase(creatingAt: path)
        if !settings.isEmpty { try database.updateReportSettings(settings, at: .now()) }
    }

    /// The hub's public key as `init` wrote it, if readable (to refuse enrolling it as an office's).
    public func publicKey() -> String? {
        guard let text = try? LocalFile.read(publicKeyPath) else { return nil }
        let key = text.filter { !$0.isWhitespace }
        return key.isEmpty ? nil : key
    }

    /// The hub's key pair. Refuses a secret key file that others can read: anyone holding it
    /// could impersonate the hub to every branch.
    public func keys() throws -> CurveKeyPair {
        if let mode = LocalFile.mode(secretKeyPath), mode & 0o077 != 0 {
            throw HubError.secretKeyExposed(path: secretKeyPath, mode: String(mode, radix: 8))
        }
        do {
            let secret = try LocalFile.read(secretKeyPath).filter { !$0.isWhitespace }
            return try CurveKeyPair(secretKey: secret)
        } catch {
            throw HubError.secretKeyUnreadable(path: secretKeyPath, detail: "\(error)")
        }
    }
}
