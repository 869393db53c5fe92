/// One identity for text, on both sides (docs/PROTOCOL.md, "Entry rules"): a tag or badge
/// number is identified by its NFKC form with ASCII letters upper-cased, so `ＧＳ－０１`,
/// `gs-01` and `GS-01` are one tag; the ledger keeps and shows what the clerk typed. Free
/// text is stored in NFC.
///
/// Swift 6.3 on Linux offers NFC in the standard library (`_nfcCodeUnits`, the normaliser
/// String comparison uses) but NFKC only through Foundation's ICU-backed
/// `precomposedStringWithCompatibilityMapping`; the core stays Foundation-free by mapping each
/// scalar through its compatibility decomposition (a generated table, read on first use by
/// non-ASCII text only) and composing with the standard library's NFC — which is NFKC.
public enum TextIdentity {
    /// The identity of a tag or badge number: NFKC, ASCII letters upper-cased.
    public static func key(_ text: String) -> String {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            guard utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else { return text }
            return String(decoding: utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
        }
        var decomposed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let mapped = compatibility[scalar.value] {
                decomposed.append(contentsOf: mapped)
            } else {
                decomposed.append(scalar)
            }
        }
        let composed = String(decomposed)._nfcCodeUnits
        return String(decoding: composed.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// Free text as it is stored: NFC (ASCII, the common case, is already NFC).
    public static func stored(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// Whether `text` is stored as it is: NFC.
    public static func isStored(_ text: String) -> Bool {
        text.utf8.allSatisfy({ $0 < 0x80 }) || text._nfcCodeUnits.elementsEqual(text.utf8)
    }

    /// Decodes raw bytes (a command-line argument) as UTF-8; nil if they are not valid UTF-8,
    /// so nothing with a replacement character from a bad decode is ever stored.
    public static func decodeUTF8(_ bytes: some Collection<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// Scalar → its NFKD, for the scalars whose NFKD differs from their NFD.
    static let compatibility: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        table.reserveCapacity(4096)
        for record in compatibilityData.split(separator: ";") {
            guard let colon = record.firstIndex(of: ":"),
                  let scalar = UInt32(record[..<colon], radix: 16) else { continue }
            let mapped = record[record.index(after: colon)...].split(separator: " ")
                .compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            table[scalar] = mapped
        }
        return table
    }()
}
