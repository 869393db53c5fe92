/// The hash chain over a branch ledger (docs/PROTOCOL.md, "Chain"): chain(0) is a genesis
/// value made from the branch ID and the ledger's incarnation, and
/// chain(N) = SHA-256(chain(N−1) ‖ content hash of entry N). Agent and hub store chain(N)
/// with every entry, so equal chain heads prove equal ledgers up to that seq.
public enum LedgerChain {
    /// The 8 ASCII bytes that open the genesis input.
    public static let genesisTag: [UInt8] = Array("TZ-CHAIN".utf8)

    /// chain(0) = SHA-256("TZ-CHAIN" ‖ str(branch) ‖ incarnation as its 16 bytes).
    public static func genesis(branch: String, incarnation: [UInt8]) -> [UInt8] {
        var writer = ByteWriter(capacity: 64)
        writer.raw(genesisTag)
        writer.string(branch)
        writer.raw(incarnation)
        return SHA256.hash(writer.bytes)
    }

    /// chain(0) for an incarnation written as UUID text.
    public static func genesis(branch: String, incarnation: String) -> [UInt8] {
        genesis(branch: branch, incarnation: incarnationBytes(incarnation))
    }

    /// chain(N) from chain(N−1) and the content hash of entry N.
    public static func next(_ previous: [UInt8], contentHash: [UInt8]) -> [UInt8] {
        SHA256.hash(pair: previous, contentHash)
    }

    /// A UUID's 16 bytes (its hex digits, dashes ignored); other text gives its first 16
    /// bytes as hex pairs read leniently, zero-padded, so every stored value has one genesis.
    public static func incarnationBytes(_ uuid: String) -> [UInt8] {
        let hex = Array(uuid.utf8.filter { $0 != UInt8(ascii: "-") })
        var bytes = stride(from: 0, to: min(hex.count - hex.count % 2, 32), by: 2).map { index in
            UInt8(String(decoding: hex[index..<index + 2], as: UTF8.self), radix: 16) ?? 0
        }
        while bytes.count < 16 { bytes.append(0) }
        return bytes
    }

}

/// Recomputes a ledger's chain row by row from the stored bytes, as `verify` does: each
/// stored hash must be the SHA-256 of the entry's bytes, each stored chain must follow from
/// the one before, and the seqs must run 1, 2, 3 … with no gap.
public struct ChainVerifier: Sendable {
    public private(set) var chain: [UInt8]
    public private(set) var lastSeq: Int64 = 0

    public init(genesis: [UInt8]) { chain = genesis }

    /// False at the first row that does not follow; the verifier then stays where it was.
    public mutating func accept(seq: Int64, body: [UInt8], hash: [UInt8], chain stored: [UInt8]) -> Bool {
        guard seq == lastSeq + 1 else { return false }
        let computed = SHA256.hash(body)
        guard computed == hash else { return false }
        let next = LedgerChain.next(chain, contentHash: computed)
        guard next == stored else { return false }
        chain = next
        lastSeq = seq
        return true
    }
}
