/// One message of the agent–hub protocol (docs/PROTOCOL.md), as a value.
public enum WireMessage: Sendable, Equatable {
    /// Agent → hub, first on every connection: the ledger, its length and its chain head, and
    /// the branch the office was set up as (the hub checks it against the key's enrolment).
    case hello(incarnation: [UInt8], lastSeq: Int64, chain: [UInt8], branch: String)
    /// Hub → agent: where the hub stands for this branch (seq and chain there), the batch
    /// limits, and the flags the hub holds open on the branch.
    case welcome(heldSeq: Int64, chain: [UInt8], maxEntries: UInt16, maxBytes: UInt32, flags: FlagNotice = .empty)
    /// Agent → hub: consecutive entries, each in its canonical encoding, anchored by the
    /// agent's chain at the seq before the first of them.
    case batch(previousChain: [UInt8], entries: [[UInt8]])
    /// Hub → agent, after the batch is committed: the seq held, the hub's chain there, and
    /// the flags the hub holds open on the branch (the batch's own among them).
    case ack(heldSeq: Int64, chain: [UInt8], flags: FlagNotice = .empty)
    case ping(lastSeq: Int64)
    case pong(heldSeq: Int64, chain: [UInt8], flags: FlagNotice = .empty)
    case error(WireStatus, heldSeq: Int64, seq: Int64, message: String)

    public static let magic: [UInt8] = [0x54, 0x5A]
    public static let version: UInt8 = 4
    /// Bytes of a chain hash (SHA-256).
    public static let chainBytes = 32

    public var typeCode: UInt8 {
        switch self {
        case .hello: 0x01
        case .welcome: 0x02
        case .batch: 0x03
        case .ack: 0x04
        case .ping: 0x05
        case .pong: 0x06
        case .error: 0x07
        }
    }

    /// The frame; `version` only changes the header byte (an ERROR reads the same in
    /// every version, so the hub answers an older agent's frame in that agent's version).
    public func encoded(version: UInt8 = WireMessage.version) -> [UInt8] {
        var writer = ByteWriter()
        writer.raw(Self.magic)
        writer.u8(version)
        writer.u8(typeCode)
        switch self {
        case .hello(let incarnation, let lastSeq, let chain, let branch):
            writer.raw(incarnation)
            writer.i64(lastSeq)
            writer.raw(chain)
            writer.string(branch)
        case .welcome(let heldSeq, let chain, let maxEntries, let maxBytes, let flags):
            writer.i64(heldSeq)
            writer.raw(chain)
            writer.u16(maxEntries)
            writer.u32(maxBytes)
            flags.write(&writer)
        case .batch(let previousChain, let entries):
            writer.raw(previousChain)
            writer.u16(UInt16(entries.count))
            for entry in entries {
                writer.u16(UInt16(entry.count))
                writer.raw(entry)
            }
        case .ack(let seq, let chain, let flags), .pong(let seq, let chain, let flags):
            writer.i64(seq)
            writer.raw(chain)
            flags.write(&writer)
        case .ping(let seq):
            writer.i64(seq)
        case .error(let status, let heldSeq, let seq, let message):
            writer.u16(status.rawValue)
            writer.i64(heldSeq)
            writer.i64(seq)
            writer.string(message)
        }
        return writer.bytes
    }

    /// Decodes one frame; `maxEntries` bounds a batch before any entry is read.
    public static func decode(_ frame: [UInt8], maxEntries: Int = 500) throws(WireError) -> WireMessage {
        var reader = ByteReader(frame)
        guard try Array(reader.raw(2)) == magic else { throw WireError.malformed("not a Taizhang message") }
        let version = try reader.u8()
        let type = try reader.u8()
        // An ERROR reads the same in every version up to this one: an older hub's refusal is still understood.
        guard version == Self.version || (type == 0x07 && (1...Self.version).contains(version)) else {
            throw WireError.unsupportedVersion(version)
        }
        let message: WireMessage
        switch type {
        case 0x01:
            let incarnation = Array(try reader.raw(16))
            message = .hello(incarnation: incarnation, lastSeq: try sequence(&reader), chain: try chain(&reader),
                             branch: try reader.string())
        case 0x02:
            message = .welcome(heldSeq: try sequence(&reader), chain: try chain(&reader),
                               maxEntries: try reader.u16(), maxBytes: try reader.u32(), flags: try FlagNotice.read(&reader))
        case 0x03:
            let previousChain = try chain(&reader)
            let count = Int(try reader.u16())
            guard count >= 1 else { throw WireError.malformed("a batch holds at least one entry") }
            guard count <= maxEntries else { throw WireError.tooManyEntries(count, limit: maxEntries) }
            var entries: [[UInt8]] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let length = Int(try reader.u16())
                entries.append(Array(try reader.raw(length)))
            }
            message = .batch(previousChain: previousChain, entries: entries)
        case 0x04: message = .ack(heldSeq: try sequence(&reader), chain: try chain(&reader), flags: try FlagNotice.read(&reader))
        case 0x05: message = .ping(lastSeq: try sequence(&reader))
        case 0x06: message = .pong(heldSeq: try sequence(&reader), chain: try chain(&reader), flags: try FlagNotice.read(&reader))
        case 0x07:
            let code = try reader.u16()
            let status = WireStatus(rawValue: code) ?? .malformed
            message = .error(status, heldSeq: try sequence(&reader),
                             seq: try sequence(&reader), message: try reader.string())
        default:
            throw WireError.malformed("unknown message type 0x\(String(type, radix: 16))")
        }
        try reader.end()
        return message
    }

    private static func chain(_ reader: inout ByteReader) throws(WireError) -> [UInt8] {
        Array(try reader.raw(chainBytes))
    }

    private static func sequence(_ reader: inout ByteReader) throws(WireError) -> Int64 {
        let raw = try reader.u64()
        guard raw <= UInt64(Int64.max) else { throw WireError.malformed("sequence number \(raw) is out of range") }
        return Int64(raw)
    }
}

/// ERROR status codes (docs/PROTOCOL.md, "Status codes").
public enum WireStatus: UInt16, Sendable, CaseIterable {
    case malformed = 400
    case revoked = 403
    case conflict = 409
    case otherIncarnation = 410
    case ledgerBehind = 412
    case tooLarge = 413
    case gap = 416
    case misenrolled = 421
    case helloRequired = 428
    case storageFailed = 500
    case unsupportedVersion = 505
}
