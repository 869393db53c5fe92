/// The binary form of an entry on the wire, which is also its canonical form for hashing
/// (docs/PROTOCOL.md, "Entry"). The branch is not encoded: the hub takes it from the
/// authenticated key.
public enum EntryCodec {
    private static let materials: [Material] = [.board, .sign, .badge, .card, .guide]
    private static let actions: [Action] = [.install, .retire, .issue, .revoke, .receive, .distribute, .adjust, .void]

    public static func encode(_ entry: Entry) -> [UInt8] {
        var writer = ByteWriter(capacity: 96)
        encode(entry, into: &writer)
        return writer.bytes
    }

    public static func encode(_ entry: Entry, into writer: inout ByteWriter) {
        let d = entry.details
        var fields: UInt16 = 0
        for (bit, present) in [entry.item != nil, entry.quantity != nil, d.location != nil, d.staff != nil,
                               d.channel != nil, d.reason != nil, d.batch != nil, d.standard != nil,
                               entry.voids != nil].enumerated() where present {
            fields |= 1 << UInt16(bit)
        }
        writer.u64(UInt64(bitPattern: entry.seq))
        writer.u8(UInt8(materials.firstIndex(of: entry.material)!))
        writer.u8(UInt8(actions.firstIndex(of: entry.action)!))
        writer.u16(fields)
        writer.i32(Int32(clamping: entry.occurredOn.daysSinceEpoch))
        writer.i64(entry.recordedAt.millisecondsSinceEpoch)
        writer.string(entry.clerk)
        if let item = entry.item { writer.string(item) }
        if let quantity = entry.quantity { writer.i64(quantity) }
        for text in [d.location, d.staff, d.channel, d.reason, d.batch] {
            if let text { writer.string(text) }
        }
        if let standard = d.standard { writer.u8(standard ? 1 : 0) }
        if let voids = entry.voids { writer.u64(UInt64(bitPattern: voids)) }
    }

    /// Decodes exactly one entry from `bytes` for `branch`; anything odd is malformed.
    public static func decode(_ bytes: [UInt8], branch: String) throws(WireError) -> Entry {
        var reader = ByteReader(bytes)
        let rawSeq = try reader.u64()
        guard rawSeq >= 1, rawSeq <= UInt64(Int64.max) else { throw WireError.malformed("sequence number \(rawSeq) is out of range") }
        let materialIndex = Int(try reader.u8()), actionIndex = Int(try reader.u8())
        guard materialIndex < materials.count else { throw WireError.malformed("unknown material \(materialIndex)") }
        guard actionIndex < actions.count else { throw WireError.malformed("unknown action \(actionIndex)") }
        let fields = try reader.u16()
        guard fields >> 9 == 0 else { throw WireError.malformed("unknown entry fields 0x\(String(fields, radix: 16))") }
        let days = Int(try reader.i32())
        guard days >= CivilDate(year: 1, month: 1, day: 1)!.daysSinceEpoch,
              days <= CivilDate(year: 9999, month: 12, day: 31)!.daysSinceEpoch else {
            throw WireError.malformed("date out of range")
        }
        let recordedAt = Timestamp(millisecondsSinceEpoch: try reader.i64())
        let clerk = try reader.string()
        func has(_ bit: UInt16) -> Bool { fields & (1 << bit) != 0 }
        let item = has(0) ? try reader.string() : nil
        let quantity = has(1) ? try reader.i64() : nil
        var details = EntryDetails()
        details.location = has(2) ? try reader.string() : nil
        details.staff = has(3) ? try reader.string() : nil
        details.channel = has(4) ? try reader.string() : nil
        details.reason = has(5) ? try reader.string() : nil
        details.batch = has(6) ? try reader.string() : nil
        if has(7) {
            let flag = try reader.u8()
            guard flag <= 1 else { throw WireError.malformed("standard flag \(flag) is not 0 or 1") }
            details.standard = flag == 1
        }
        var voids: Int64?
        if has(8) {
            let raw = try reader.u64()
            guard raw >= 1, raw <= UInt64(Int64.max) else { throw WireError.malformed("voided sequence number out of range") }
            voids = Int64(raw)
        }
        try reader.end()
        return Entry(branch: branch, seq: Int64(rawSeq), material: materials[materialIndex], action: actions[actionIndex],
                     item: item, quantity: quantity, details: details, occurredOn: CivilDate(daysSinceEpoch: days),
                     recordedAt: recordedAt, clerk: clerk, voids: voids)
    }

    /// SHA-256 of the canonical encoding.
    public static func contentHash(_ entry: Entry) -> [UInt8] { SHA256.hash(encode(entry)) }
}
