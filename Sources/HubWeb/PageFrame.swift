import HubKit
import TaizhangCore

/// What every page shows around its content: navigation, language switch, "as of", who is
/// signed in. The templates read its fields by name.
public struct PageFrame: Sendable {
    public struct NavItem: Sendable {
        public var href: String
        public var label: String
        public var current: Bool
    }

    public var t: [String: String]
    public var lang: String
    /// `?lang=en` or empty, appended to links.
    public var langQuery: String
    /// The same page in the other language.
    public var otherLanguageHref: String
    public var otherLanguageLabel: String
    public var pageTitle: String
    public var nav: [NavItem]
    public var asOf: String
    public var login: String
    public var role: String
    public var zone: String

    public static let pages: [(path: String, key: String)] = [
        ("/", "overview"), ("/branches", "branches"), ("/timeliness", "timeliness"),
        ("/exports", "exports"), ("/problems", "problems"), ("/health", "health"),
    ]

    public init(language: WebLanguage, path: String, query: [(String, String)], titleKey: String, asOf: Timestamp,
                time: LocalTime, session: OperatorSession) {
        t = language.labels
        lang = language.rawValue
        langQuery = language == .en ? "?lang=en" : ""
        let kept = query.filter { $0.0 != "lang" }
        let other: WebLanguage = language == .zh ? .en : .zh
        let otherQuery = kept + (other == .en ? [("lang", "en")] : [])
        otherLanguageHref = path + (otherQuery.isEmpty ? "" : "?" + otherQuery.map { "\($0.0)=\(URLText.encode($0.1))" }.joined(separator: "&"))
        otherLanguageLabel = other == .en ? "English" : "中文"
        pageTitle = language.text(titleKey)
        let section = path == "/" ? "/" : "/" + (path.split(separator: "/").first.map(String.init) ?? "")
        nav = Self.pages.map { page in
            NavItem(href: page.path + (language == .en ? "?lang=en" : ""), label: language.text(page.key), current: page.path == section)
        }
        self.asOf = time.format(asOf)
        login = session.login
        role = session.role.rawValue
        zone = time.zone.identifier
    }
}

/// Percent-encoding for query values in links.
enum URLText {
    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
