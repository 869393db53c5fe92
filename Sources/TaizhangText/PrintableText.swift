/// Text made safe to print on a terminal: control characters and the invisible characters
/// that reorder or hide text (bidirectional overrides, isolates and marks) are shown as
/// `\u{…}` escapes, so a name can neither move the cursor nor read backwards.
public enum PrintableText {
    public static func escaped(_ text: String) -> String {
        // Fast path: printable ASCII and anything without a suspicious scalar.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x061C || value == 0x200E || value == 0x200F
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x2028 || value == 0x2029
    }
}
