/// The rules' checks on text in one pass, for the text clerks type: when every scalar is
/// printable and of a kind that is a character of its own and NFC as it stands — ASCII and
/// Latin below U+0300, CJK ideographs, CJK punctuation, full-width ASCII — the text's length
/// in characters is its scalar count and it needs no normalisation check. Anything else
/// (combining marks, controls, U+FFFD, other scripts) gives nil, and the full checks run.
struct PlainText {
    /// Length in characters.
    let count: Int
    /// Whether the first or last character is a space (U+0020, U+00A0 or U+3000).
    let spaceAtEdge: Bool
    /// Whether every character is a space (or there are none).
    let onlySpaces: Bool

    init?(_ text: String) {
        var count = 0
        var spaces = 0
        var first = true
        var lastIsSpace = false
        var firstIsSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard Self.isPlain(value) else { return nil }
            let space = value == 0x20 || value == 0xA0 || value == 0x3000
            if first { firstIsSpace = space; first = false }
            lastIsSpace = space
            if space { spaces += 1 }
            count += 1
        }
        self.count = count
        spaceAtEdge = firstIsSpace || lastIsSpace
        onlySpaces = spaces == count
    }

    /// Printable, its own grapheme cluster, canonical combining class 0 and NFC_QC=Yes.
    static func isPlain(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0xA0...0x2FF: true
        case 0x3000...0x3029, 0x3030...0x303F: true  // CJK punctuation, without the tone marks U+302A–302F
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: true  // CJK ideographs (not the compatibility ones)
        case 0xFF01...0xFF5E: true  // full-width ASCII
        default: false
        }
    }
}
