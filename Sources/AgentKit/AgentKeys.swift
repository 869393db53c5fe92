import LocalFiles

/// The agent's CURVE key pair, read from the ledger folder.
public struct AgentKeys: Sendable {
    public let publicKey: String
    public let secretKey: String

    public init(directory: AgentDirectory) throws {
        do {
            publicKey = try LocalFile.read(directory.publicKeyPath).trimmingCharacters(in: .whitespacesAndNewlines)
            secretKey = try LocalFile.read(directory.secretKeyPath).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw AgentError.keyFilesUnreadable(directory: directory.path, detail: "\(error)")
        }
    }
}
