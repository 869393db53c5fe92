import ConfigFiles
import TaizhangCore

/// The hub's report settings: the bureau's name (the export's title and 填报单位), the
/// names printed on the signature block, and how many working days after a month's end its
/// report is due (the dashboard's timeliness). Stored in the hub database
/// (`taizhang-hub settings`, `init --bureau-name`); the TOML file's keys of the same names win.
public struct ReportSettings: Sendable, Equatable {
    /// One setting: its name is its TOML key and its key in the database.
    public enum Key: String, CaseIterable, Sendable {
        case bureauName = "bureau_name"
        case preparer, reviewer, head
        case reportDeadlineWorkdays = "report_deadline_workdays"
    }

    public var bureauName: String?
    /// 填报人.
    public var preparer: String?
    /// 审核人.
    public var reviewer: String?
    /// 单位负责人.
    public var head: String?
    public var reportDeadlineWorkdays: Int?

    public static let defaultDeadlineWorkdays = 5
    public static let deadlineRange = 1...30
    /// The longest name (bureau, preparer, reviewer, head) a report prints, in characters.
    public static let nameLimit = 60

    public init(bureauName: String? = nil, preparer: String? = nil, reviewer: String? = nil, head: String? = nil,
                reportDeadlineWorkdays: Int? = nil) {
        self.bureauName = bureauName
        self.preparer = preparer
        self.reviewer = reviewer
        self.head = head
        self.reportDeadlineWorkdays = reportDeadlineWorkdays
    }

    /// Working days after a month's end by which its report is due (default 5).
    public var deadlineWorkdays: Int { reportDeadlineWorkdays ?? Self.defaultDeadlineWorkdays }

    /// The value of `key` as text, nil when not set.
    public subscript(key: Key) -> String? {
        switch key {
        case .bureauName: bureauName
        case .preparer: preparer
        case .reviewer: reviewer
        case .head: head
        case .reportDeadlineWorkdays: reportDeadlineWorkdays.map(String.init)
        }
    }

    /// Sets `key` from checked text (nil or empty: unset).
    mutating func set(_ key: Key, _ text: String?) {
        let value = text.flatMap { $0.isEmpty ? nil : $0 }
        switch key {
        case .bureauName: bureauName = value
        case .preparer: preparer = value
        case .reviewer: reviewer = value
        case .head: head = value
        case .reportDeadlineWorkdays: reportDeadlineWorkdays = value.flatMap { Int($0) }
        }
    }

    /// These settings with every value `other` sets taking precedence.
    public func overridden(by other: ReportSettings) -> ReportSettings {
        var merged = self
        for key in Key.allCases where other[key] != nil { merged.set(key, other[key]) }
        return merged
    }

    /// Checks a value for `key`; "" (to clear a setting) passes. Returns the text to store.
    public static func check(_ key: Key, _ text: String) throws(ReportSettingsError) -> String {
        guard !text.isEmpty else { return text }
        if key == .reportDeadlineWorkdays {
            guard let days = Int(text), deadlineRange.contains(days) else { throw .deadline(text) }
            return String(days)
        }
        do {
            try LedgerRules.checkText(text, key == .bureauName ? "bureau name" : "\(key.rawValue) name")
        } catch {
            throw .name(key, error)
        }
        guard text.count <= nameLimit else { throw .nameTooLong(key) }
        return text
    }
}

/// Why a report setting was refused.
public enum ReportSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name breaks a text rule (empty, control characters…): the rule says which.
    case name(ReportSettings.Key, RuleViolation)
    /// The name is longer than `ReportSettings.nameLimit` characters.
    case nameTooLong(ReportSettings.Key)
    case deadline(String)

    public var description: String {
        switch self {
        case .name(let key, _), .nameTooLong(let key): "\(key.flag) was refused: \(detail) (an empty value, \(key.flag) '', clears it)"
        case .deadline: "--report-deadline-workdays \(detail)"
        }
    }

    /// What is wrong with the value, without naming where it came from.
    public var configProblem: ConfigProblem {
        switch self {
        case .name(_, let violation): .rule(violation)
        case .nameTooLong: .tooLong(limit: ReportSettings.nameLimit)
        case .deadline(let text): .workdaysOutOfRange(ReportSettings.deadlineRange, found: text)
        }
    }

    public var detail: String { configProblem.detail }
}

extension ReportSettings.Key {
    /// The command-line flag that sets it.
    public var flag: String { "--" + String(rawValue.map { $0 == "_" ? "-" : $0 }) }
}
