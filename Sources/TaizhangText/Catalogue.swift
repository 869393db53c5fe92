import TaizhangCore

/// The programs' words, one table per language, compiled into the binary: no resource files
/// to find at start, and only the table of the language in use is built (on first use).
public enum Catalogue {
    static let english: [Message: String] = englishClerk.merging(englishErrors) { $1 }.merging(englishHub) { $1 }
        .merging(englishOperator) { $1 }.merging(englishWeb) { $1 }
        .merging(englishFlags) { $1 }
    static let chinese: [Message: String] = chineseClerk.merging(chineseErrors) { $1 }.merging(chineseHub) { $1 }
        .merging(chineseOperator) { $1 }.merging(chineseWeb) { $1 }
        .merging(chineseFlags) { $1 }

    /// The table of `language`; a test checks that both have every `Message`.
    public static func table(_ language: Language) -> [Message: String] {
        language == .zh ? chinese : english
    }

    /// The template of `message` in `language`; a key missing from a table falls back to the
    /// other language, then to the key itself.
    public static func template(_ message: Message, _ language: Language) -> String {
        table(language)[message] ?? table(language == .zh ? .en : .zh)[message] ?? message.rawValue
    }
}

extension Message {
    /// The sentence in the current language with `arguments` filled in.
    public func callAsFunction(_ arguments: CustomStringConvertible...) -> String {
        format(Catalogue.template(self, Language.current), arguments.map(\.description), Language.current)
    }

    /// The sentence in `language`.
    public func text(_ language: Language, _ arguments: [String] = []) -> String {
        format(Catalogue.template(self, language), arguments, language)
    }

    /// Fills `{N}` with argument N; `{mN}` (material name), `{pN}` (plural), `{nN}` (item noun),
    /// `{tN}` (item flag), `{iN}`/`{dN}` (put in/taken out, past), `{oN}` (take out) read
    /// argument N as a material's raw value; `{fN}` names a field.
    func format(_ template: String, _ arguments: [String], _ language: Language) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            // A brace that is not a placeholder's (a key in an example) is text.
            guard let close = rest[open...].firstIndex(of: "}") else { rest = rest[open...]; break }
            let inside = rest[rest.index(after: open)..<close]
            let modifier = inside.first.flatMap { $0.isLetter ? $0 : nil }
            let digits = modifier == nil ? inside : inside.dropFirst()
            if let index = Int(digits), index < arguments.count {
                out += PrintableText.escaped(Self.expand(arguments[index], modifier, language))
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    static func expand(_ argument: String, _ modifier: Character?, _ language: Language) -> String {
        guard let modifier else { return argument }
        if modifier == "f" {
            return Message(rawValue: "field_" + argument.replacingSpaces()).map { $0.text(language) } ?? argument
        }
        guard let material = Material(rawValue: argument) else { return argument }
        let zh = language == .zh
        switch modifier {
        case "m": return Message(rawValue: "material_" + argument)?.text(language) ?? argument
        case "p": return Message(rawValue: "materialPlural_" + argument)?.text(language) ?? argument
        case "n": return zh ? "编号" : material.itemNoun
        case "t": return material.itemNoun
        case "i": return zh ? ActionWords.chinese(material.inAction) : material.inAction.pastTense
        case "d": return zh ? ActionWords.chinese(material.outAction) : material.outAction.pastTense
        case "o": return zh ? ActionWords.chinese(material.outAction) : material.outAction.rawValue
        default: return argument
        }
    }
}

/// The verbs of the ledger's actions in Chinese.
enum ActionWords {
    static func chinese(_ action: Action) -> String {
        switch action {
        case .install: "安装"
        case .retire: "撤下"
        case .issue: "发放"
        case .revoke: "收回"
        case .receive: "入库"
        case .distribute: "发放"
        case .adjust: "盘点调整"
        case .void: "作废"
        }
    }
}

extension String {
    func replacingSpaces() -> String { String(map { $0 == " " ? "_" : $0 }) }
}
