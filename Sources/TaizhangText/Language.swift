#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The language a program speaks to its user: chosen once at start from `--lang`, else
/// `$TAIZHANG_LANG`, else the configuration file's `lang`, else the locale variables
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh…` is Chinese), else English. Only environment
/// strings are read: no locale machinery, so a clerk's command starts as fast as before.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// Accepts `zh`, `en` and the spellings a person may type (`中文`, `zh_CN`, `english`…).
    public init?(typed text: String) {
        switch text.lowercased() {
        case "zh", "cn", "chinese", "中文", "汉语", "简体中文": self = .zh
        case "en", "english", "英文", "英语": self = .en
        default:
            let lower = text.lowercased()
            if lower.hasPrefix("zh") { self = .zh } else if lower.hasPrefix("en") { self = .en } else { return nil }
        }
    }

    /// The language a locale value names: `zh_CN.UTF-8` → Chinese; `C`, `POSIX`, anything else → English.
    public static func ofLocale(_ value: String) -> Language {
        value.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// The user's language when no flag or file says otherwise.
    public static func fromEnvironment(_ environment: (String) -> String? = Language.environmentValue) -> Language {
        if let value = environment("TAIZHANG_LANG"), let language = Language(typed: value) { return language }
        return fromLocale(environment)
    }

    /// The first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides.
    public static func fromLocale(_ environment: (String) -> String? = Language.environmentValue) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment(name), !value.isEmpty { return ofLocale(value) }
        }
        return .en
    }

    public static func environmentValue(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    private static let selected = Atomic<UInt8>(1)

    /// The language of this process's messages (English until `current` is set).
    public static var current: Language {
        get { selected.load(ordering: .relaxed) == 0 ? .zh : .en }
        set { selected.store(newValue == .zh ? 0 : 1, ordering: .relaxed) }
    }

    /// Whether `--lang` or `$TAIZHANG_LANG` chose the language (a configuration file's `lang`
    /// then does not override it).
    private static let explicit = Atomic<Bool>(false)
    public static var chosenExplicitly: Bool {
        get { explicit.load(ordering: .relaxed) }
        set { explicit.store(newValue, ordering: .relaxed) }
    }

    /// Applies a configuration file's `lang` unless a flag or `$TAIZHANG_LANG` already chose.
    public static func adopt(fileSetting value: String?) {
        guard !chosenExplicitly, let value, let language = Language(typed: value) else { return }
        current = language
    }
}
