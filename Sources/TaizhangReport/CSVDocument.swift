/// A sheet as CSV that Excel and WPS open with Chinese intact: UTF-8 with a byte-order
/// mark, RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes
/// doubled) and CRLF line ends.
public enum CSVDocument {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func render(_ sheet: ReportSheet) -> [UInt8] {
        var text = ""
        for row in sheet.rows {
            text += row.map(field).joined(separator: ",")
            text += "\r\n"
        }
        return byteOrderMark + Array(text.utf8)
    }

    static func field(_ cell: ReportSheet.Cell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let value): return String(value)
        case .text(let text):
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
            return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
        }
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
