/// The dashboard's language: Chinese by default, `?lang=en` for English.
public enum WebLanguage: String, Sendable, CaseIterable {
    case zh, en

    public init(query: String?) {
        self = query.flatMap(WebLanguage.init(rawValue:)) ?? .zh
    }

    /// The page's labels, keyed for the templates (`{{t.key}}`).
    public var labels: [String: String] {
        WebText.table.mapValues { self == .zh ? $0.zh : $0.en }
    }

    public func text(_ key: String) -> String {
        guard let entry = WebText.table[key] else { return key }
        return self == .zh ? entry.zh : entry.en
    }
}
