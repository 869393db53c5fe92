/// A sheet as CSV that Excel and WPS open with Chinese intact: UTF-8 with a byte-order
/// mark, RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes
/// doubled) and CRLF line ends. Text that a spreadsheet would take for a formula is made
/// inert with a leading apostrophe (OWASP's advice against CSV injection); numbers stay numbers.
public enum CSVDocument {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func render(_ sheet: ReportSheet) -> [UInt8] {
        var text = ""
        for row in sheet.rows {
            text += row.cells.map(field).joined(separator: ",")
            text += "\r\n"
        }
        return byteOrderMark + Array(text.utf8)
    }

    static func field(_ cell: ReportSheet.Cell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let value): return String(value)
        case .text(let text), .line(let text):
            let safe = FormulaText.isFormulaLike(text) ? "'" + text : text
            guard safe.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return safe }
            return "\"" + safe.replacingAll("\"", with: "\"\"") + "\""
        }
    }
}

/// Text a spreadsheet program would evaluate if it were typed into a cell: it begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return (also their full-width forms, which some
/// programs fold).
public enum FormulaText {
    public static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"].contains(first)
    }
}

extension String {
    /// Foundation-free replacement of every occurrence of one character.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
