/// A JSON document built in code with object keys in a fixed order, so output is stable and
/// matches the documented shape key for key.
public indirect enum JSONValue: Sendable, Hashable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int64)
    case bool(Bool)
    case null

    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    public static func optional(_ number: Int64?) -> JSONValue { number.map(JSONValue.int) ?? .null }

    /// Serialises with two-space indentation (`pretty`) or compactly.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, indent: pretty ? 0 : nil)
        return out
    }

    func write(to out: inout String, indent: Int?) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .int(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let values):
            writeContainer("[", "]", values.count, to: &out, indent: indent) { index, out, inner in
                values[index].write(to: &out, indent: inner)
            }
        case .object(let members):
            writeContainer("{", "}", members.count, to: &out, indent: indent) { index, out, inner in
                Self.writeString(members[index].0, to: &out)
                out += inner == nil ? ":" : ": "
                members[index].1.write(to: &out, indent: inner)
            }
        }
    }

    private func writeContainer(
        _ open: String, _ close: String, _ count: Int, to out: inout String, indent: Int?,
        element: (Int, inout String, Int?) -> Void
    ) {
        out += open
        guard count > 0 else { return out += close }
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: " ", count: inner) }
            element(index, &out, inner)
        }
        if let indent { out += "\n" + String(repeating: " ", count: indent) }
        out += close
    }

    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered(pretty: false) == rhs.rendered(pretty: false)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(rendered(pretty: false)) }
}
