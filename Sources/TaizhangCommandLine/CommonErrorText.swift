import ConfigFiles
import LocalFiles
import TaizhangCore
import TaizhangReport
import TaizhangText

/// The sentences of the errors both programs can meet (rules, configuration files, reports,
/// files), in the current language; nil for other errors.
public enum CommonErrorText {
    public static func sentence(_ error: Error) -> String? {
        switch error {
        case let violation as RuleViolation: return violation.sentence()
        case let error as ConfigError: return sentence(error)
        case let error as ReportError: return sentence(error)
        case let error as FileError: return Message.errFile(error.path, error.detail)
        default: return nil
        }
    }

    public static func sentence(_ error: ConfigError) -> String {
        switch error {
        case .unreadable(let path, let detail): Message.errConfigUnreadable(path, detail)
        case .syntax(let path, let line, let column, let detail): Message.errConfigSyntax(path, line, column, detail)
        case .unknownKey(let path, let key, let known): Message.errConfigUnknownKey(path, key, known.joined(separator: ", "))
        case .wrongType(let path, let key, let expected, let found): Message.errConfigWrongType(path, key, kind(expected), kind(found))
        case .invalidValue(let path, let key, let problem): sentence(problem, path: path, key: key)
        }
    }

    static func sentence(_ problem: ConfigProblem, path: String, key: String) -> String {
        switch problem {
        case .empty: Message.errConfigEmpty(path, key)
        case .hoursOutOfRange(let range, let found): Message.errConfigHours(path, key, range.lowerBound, range.upperBound, found)
        case .workdaysOutOfRange(let range, let found): Message.errConfigWorkdays(path, key, range.lowerBound, range.upperBound, found)
        case .unknownTimeZone(let name): Message.errConfigTimeZone(path, key, name)
        case .notAnEndpoint(let text): Message.errConfigBind(path, key, text)
        case .rule(let violation): Message.errConfigRule(path, key, violation.sentence())
        case .tooLong(let limit): Message.errConfigTooLong(path, key, limit)
        }
    }

    static func kind(_ kind: ConfigValueKind) -> String {
        Message(rawValue: "configKind_" + kind.rawValue).map { $0.text(Language.current) } ?? kind.english
    }

    public static func sentence(_ error: ReportError) -> String {
        switch error {
        case .malformedMonth(let text): Message.errMalformedMonth(text)
        case .monthTooEarly(let month): Message.errMonthTooEarly(month)
        case .futureMonth(let month, let asOf): Message.errFutureMonth(month, asOf)
        case .malformedAsOf(let text): Message.errMalformedAsOf(text)
        case .asOfInFuture(let asOf, let now): Message.errAsOfFuture(asOf, now)
        case .asOfBeforeHub(let asOf, let created): Message.errAsOfBeforeHub(asOf, created)
        case .unknownFormat(let text): Message.errUnknownFormat(text)
        case .unknownLanguage(let text): Message.errUnknownLanguage(text)
        case .unknownTimeZone(let text): Message.unknownTimeZone(text)
        case .unwritable(let path, let detail): Message.errUnwritable(path, detail)
        case .notRecorded(let path, let reason): Message.errNotRecorded(path, reason)
        case .outIsDatabase(let path): Message.errOutIsDatabase(path)
        case .outInDataFolder(let path, let folder): Message.errOutInDataFolder(path, folder)
        case .outExists(let path): Message.errOutExists(path)
        case .outNotRegularFile(let path, let kind): Message.errOutNotRegularFile(path, kind)
        case .flatJSON: Message.errFlatJSON()
        case .spanWithoutFlat: Message.errSpanWithoutFlat()
        case .monthAndSpan: Message.errMonthAndSpan()
        case .noMonth: Message.errNoMonth()
        case .incompleteSpan: Message.errIncompleteSpan()
        case .reversedSpan(let from, let to): Message.errReversedSpan(from, to)
        case .spanTooLong(let months): Message.errSpanTooLong(months)
        }
    }
}
