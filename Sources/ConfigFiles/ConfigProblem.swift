import TaizhangCore

/// What is wrong with one value of a configuration file, as data: the programs word it in the
/// reader's language; `detail` is the English.
public enum ConfigProblem: Sendable, Equatable {
    case empty
    case hoursOutOfRange(ClosedRange<Int>, found: Int)
    case workdaysOutOfRange(ClosedRange<Int>, found: String)
    case unknownTimeZone(String)
    case notAnEndpoint(String)
    /// A name that breaks a text rule (control characters…): the rule says which.
    case rule(RuleViolation)
    case tooLong(limit: Int)

    public var detail: String {
        switch self {
        case .empty: "must not be empty"
        case .hoursOutOfRange(let range, let found): "takes a number of hours from \(range.lowerBound) to \(range.upperBound), not \(found)"
        case .workdaysOutOfRange(let range, let found):
            "takes a number of working days from \(range.lowerBound) to \(range.upperBound), not '\(found)'"
        case .unknownTimeZone(let name): "names no known time zone ('\(name)'); use a name such as Asia/Shanghai"
        case .notAnEndpoint(let text): "must be a ZeroMQ endpoint such as tcp://*:7447, not '\(text)'"
        case .rule(let violation): violation.message
        case .tooLong(let limit): "it is longer than \(limit) characters; shorten it"
        }
    }
}

/// The kind of a TOML value, as a configuration key expects or a file has it.
public enum ConfigValueKind: String, Sendable, Equatable {
    case quotedString, string, wholeNumber, decimalNumber, boolean, table, array, dateTime

    public var english: String {
        switch self {
        case .quotedString: "a string in quotes"
        case .string: "a string"
        case .wholeNumber: "a whole number"
        case .decimalNumber: "a decimal number"
        case .boolean: "true or false"
        case .table: "a table"
        case .array: "an array"
        case .dateTime: "a date or time"
        }
    }
}
