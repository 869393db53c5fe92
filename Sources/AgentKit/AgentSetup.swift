import Foundation
import LocalFiles
import TaizhangCore
import ZeroMQ

/// What `taizhang-agent init` needs to create an office's ledger.
public struct AgentSetup: Sendable {
    public var branch: String
    public var name: String
    /// The hub's endpoint, or its front-ends as a comma-separated list.
    public var hubEndpoint: String
    public var hubKey: String
    public var timeZone: BureauTimeZone

    public init(branch: String, name: String, hubEndpoint: String, hubKey: String, timeZone: BureauTimeZone = .default) {
        self.branch = branch
        self.name = name
        self.hubEndpoint = hubEndpoint
        self.hubKey = hubKey
        self.timeZone = timeZone
    }

    /// Checks every setting before anything is written.
    public func validate() throws {
        try BranchID.checkOffice(id: branch, name: name)  // the rule's own sentence, in the clerk's language
        try Self.checkHub(endpoint: hubEndpoint, key: hubKey)
    }

    /// Creates the folder, the agent's CURVE key pair and the ledger; the ledger file is
    /// written last, under a temporary name, so a failed `init` leaves no ledger behind.
    /// Returns the agent's public key for enrolment at the hub.
    public func create(in directory: AgentDirectory, now: Timestamp = .now()) throws -> (database: AgentDatabase, publicKey: String) {
        try validate()
        do {
            return try createValidated(in: directory, now: now)
        } catch let error as FileError {
            throw AgentError.file(error)
        }
    }

    private func createValidated(in directory: AgentDirectory, now: Timestamp) throws -> (database: AgentDatabase, publicKey: String) {
        if access(directory.ledgerPath, F_OK) == 0 { throw AgentError.alreadyInitialised(path: directory.ledgerPath) }
        try LocalFile.makeDirectory(directory.path)
        let keys: CurveKeyPair
        do {
            keys = try CurveKeyPair.generate()
        } catch {
            throw AgentError.curveUnavailable(detail: "\(error)")
        }
        try LocalFile.write(keys.secretKey + "\n", to: directory.secretKeyPath, mode: 0o600)
        try LocalFile.write(keys.publicKey + "\n", to: directory.publicKeyPath, mode: 0o644)
        let temporary = directory.ledgerPath + ".init-\(getpid())"
        let info = LedgerInfo(branch: branch, name: name, incarnation: UUID().uuidString.lowercased(),
                              hubEndpoints: try Self.hubEndpoints(hubEndpoint), hubKey: hubKey, timeZone: timeZone, createdAt: now)
        do {
            _ = try AgentDatabase(creatingAt: temporary, info: info)
            try LocalFile.rename(temporary, directory.ledgerPath)
        } catch {
            for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) }
            throw error
        }
        return (try AgentDatabase(openingAt: directory.ledgerPath), keys.publicKey)
    }

    /// Refuses a malformed hub endpoint list or key (`init`, `set-hub`).
    public static func checkHub(endpoint: String, key: String?) throws {
        _ = try hubEndpoints(endpoint)
        if let key, !Z85.isValidCurveKey(key) { throw AgentError.badHubKey(key) }
    }

    /// The front-ends of `text`, one endpoint or a comma-separated list (`--hub a,b`), in order;
    /// the first malformed or repeated one is refused, naming it.
    public static func hubEndpoints(_ text: String) throws -> [String] {
        do {
            return try Endpoint.list(text)
        } catch {
            guard let problem = error.problem else { throw AgentError.duplicateHubEndpoint(error.endpoint) }
            throw AgentError.badHubEndpoint(error.endpoint, problem)
        }
    }
}
