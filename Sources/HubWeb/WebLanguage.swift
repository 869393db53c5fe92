import TaizhangText

/// The dashboard's language: Chinese by default, `?lang=en` for English. The words come from
/// the programs' catalogue (`WebText` names the sentence behind each template key).
public enum WebLanguage: String, Sendable, CaseIterable {
    case zh, en

    public init(query: String?) {
        self = query.flatMap(WebLanguage.init(rawValue:)) ?? .zh
    }

    /// The catalogue's language.
    public var catalogue: Language { self == .zh ? .zh : .en }

    /// The page's labels, keyed for the templates (`{{t.key}}`).
    public var labels: [String: String] { self == .zh ? Self.zhLabels : Self.enLabels }

    private static let zhLabels = WebText.table.mapValues { $0.text(.zh) }
    private static let enLabels = WebText.table.mapValues { $0.text(.en) }

    /// The sentence behind template key `key` with `{0}`… filled in (the key itself when the
    /// table lacks it, which a test rules out for every key the code uses).
    public func text(_ key: String, _ arguments: String...) -> String {
        WebText.table[key].map { $0.text(catalogue, arguments) } ?? key
    }
}
