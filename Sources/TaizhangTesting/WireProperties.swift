import TaizhangCore

/// The codec's properties, checked on any bytes: by the suite's bounded fuzz run and by the
/// coverage-guided fuzzer (`make fuzz`, Sources/taizhang-fuzz). Whatever the decoder accepts
/// is canonical (it re-encodes to the same bytes, so the hub can store and hash wire bytes),
/// nothing may follow a message or be missing from it, and an unknown version is refused as such.
public enum WireProperties {
    /// What is wrong with the codec's handling of `bytes`; empty when every property holds.
    public static func violations(_ bytes: [UInt8]) -> [String] {
        guard let message = try? WireMessage.decode(bytes) else { return [] }
        var problems: [String] = []
        // An ERROR of an older version is read too (its layout never changed): it is canonical
        // in the version it came in.
        if message.encoded(version: bytes[2]) != bytes, !decodesAnUnknownStatus(bytes) {
            problems.append("accepted but not canonical: \(hex(bytes)) re-encodes as \(hex(message.encoded(version: bytes[2])))")
        }
        if (try? WireMessage.decode(bytes + [0])) != nil { problems.append("a trailing byte was accepted: \(hex(bytes))") }
        if (try? WireMessage.decode(Array(bytes.dropLast()))) != nil { problems.append("a truncated message was accepted: \(hex(bytes))") }
        var otherVersion = bytes
        otherVersion[2] = bytes[2] &+ 1
        let readable = bytes[3] == 0x07 && (1...WireMessage.version).contains(otherVersion[2])
        if !readable { do {
            _ = try WireMessage.decode(otherVersion)
            problems.append("version \(otherVersion[2]) was accepted")
        } catch {
            if error != .unsupportedVersion(otherVersion[2]) { problems.append("version \(otherVersion[2]) refused as \(error)") }
        } }
        if case .batch(_, let entries) = message {
            for entry in entries {
                guard let decoded = try? EntryCodec.decode(entry, branch: "b") else { continue }
                if EntryCodec.encode(decoded) != entry { problems.append("entry accepted but not canonical: \(hex(entry))") }
                if (try? EntryCodec.decode(entry + [0], branch: "b")) != nil { problems.append("entry with a trailing byte accepted") }
            }
        }
        return problems
    }

    /// An ERROR whose code this version does not know decodes as 400 (malformed): the one
    /// accepted message that does not re-encode to its bytes.
    static func decodesAnUnknownStatus(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 6, bytes[3] == 0x07 else { return false }
        return WireStatus(rawValue: UInt16(bytes[4]) << 8 | UInt16(bytes[5])) == nil
    }

    /// One random, valid message of every type, entries of every material and action among
    /// them: the seeds of the fuzz corpus and of the suite's mutation run.
    public static func randomMessages(_ generator: inout SplitMix64) -> [WireMessage] {
        let entries = (0..<(1 + generator.below(4))).map { _ in EntryCodec.encode(randomEntry(&generator)) }
        let status = WireStatus.allCases[generator.below(WireStatus.allCases.count)]
        func chain(_ g: inout SplitMix64) -> [UInt8] { (0..<32).map { _ in UInt8(truncatingIfNeeded: g.next()) } }
        return [
            .hello(incarnation: (0..<16).map { _ in UInt8(truncatingIfNeeded: generator.next()) }, lastSeq: randomSeq(&generator),
                   chain: chain(&generator), branch: randomText(&generator)),
            .welcome(heldSeq: randomSeq(&generator), chain: chain(&generator), maxEntries: UInt16(truncatingIfNeeded: generator.next()),
                     maxBytes: UInt32(truncatingIfNeeded: generator.next()), flags: randomNotice(&generator)),
            .batch(previousChain: chain(&generator), entries: entries),
            .ack(heldSeq: randomSeq(&generator), chain: chain(&generator), flags: randomNotice(&generator)),
            .ping(lastSeq: randomSeq(&generator)),
            .pong(heldSeq: randomSeq(&generator), chain: chain(&generator), flags: randomNotice(&generator)),
            .error(status, heldSeq: randomSeq(&generator), seq: randomSeq(&generator), message: randomText(&generator)),
        ]
    }

    /// A well-formed entry (not necessarily one the ledger rules accept).
    public static func randomEntry(_ generator: inout SplitMix64) -> Entry {
        let material = Material.allCases[generator.below(Material.allCases.count)]
        let actions: [Action] = [.install, .retire, .issue, .revoke, .receive, .distribute, .adjust, .void]
        let maybe = { (g: inout SplitMix64) -> String? in g.below(2) == 0 ? nil : randomText(&g) }
        return Entry(
            branch: "b", seq: max(1, randomSeq(&generator)), material: material,
            action: actions[generator.below(actions.count)],
            item: maybe(&generator), quantity: generator.below(2) == 0 ? nil : Int64(bitPattern: generator.next()),
            details: EntryDetails(location: maybe(&generator), staff: maybe(&generator), channel: maybe(&generator),
                                  reason: maybe(&generator), batch: maybe(&generator),
                                  standard: generator.below(3) == 0 ? nil : generator.below(2) == 0),
            occurredOn: CivilDate(daysSinceEpoch: generator.below(2_932_000) - 719_162),
            recordedAt: Timestamp(millisecondsSinceEpoch: Int64(bitPattern: generator.next() >> 1)),
            clerk: randomText(&generator), voids: generator.below(4) == 0 ? max(1, randomSeq(&generator)) : nil)
    }

    /// A flag notice: often none, else up to 40 entry flags (more than are listed) and others.
    public static func randomNotice(_ generator: inout SplitMix64) -> FlagNotice {
        guard generator.below(3) != 0 else { return .empty }
        let entries = (0..<generator.below(40)).map { _ in
            FlagNotice.Entry(seq: max(1, randomSeq(&generator)),
                             kind: FlagNotice.Kind.allCases[generator.below(FlagNotice.Kind.allCases.count)])
        }
        return FlagNotice(entries: entries, others: generator.below(4))
    }

    static func randomSeq(_ generator: inout SplitMix64) -> Int64 {
        generator.below(2) == 0 ? Int64(generator.below(100_000)) : Int64(bitPattern: generator.next() >> 1)
    }

    static func randomText(_ generator: inout SplitMix64) -> String {
        let pieces = ["GS-01", "大厅东墙", "王芳", "农贸市场宣传", "a", "", "第一批", "ＧＳ－０１", "e\u{301}", "🙂", "\u{202E}x"]
        return (0..<generator.below(4)).map { _ in pieces[generator.below(pieces.count)] }.joined()
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.prefix(64).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + (bytes.count > 64 ? "…" : "")
    }
}
