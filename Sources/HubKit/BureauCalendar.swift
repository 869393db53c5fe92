import TaizhangCore

/// The bureau's working days: the State Council's public holidays and 调休 make-up working
/// days, one file per year (calendar/YYYY.txt, compiled in), plus the hub's local additions.
/// A year the calendar lacks is unknown, never guessed.
public struct BureauCalendar: Sendable, Equatable {
    /// What a listed day is.
    public enum Kind: String, Sendable {
        /// A day off, whatever the weekday.
        case holiday
        /// A weekend day worked in exchange for a holiday.
        case workday
    }

    /// Years whose days are known.
    public private(set) var years: Set<Int>
    /// Listed days; every other weekday of a known year is a working day, every weekend not.
    public private(set) var days: [CivilDate: Kind]

    /// The shipped years only.
    public static let shippedCalendar: BureauCalendar = {
        var calendar = BureauCalendar(years: [], days: [:])
        for (year, text) in shipped {
            // The shipped files are generated and checked by tests; a bad line cannot occur.
            if let parsed = try? BureauCalendar.parse(text + "\n", name: "calendar/\(year).txt") {
                calendar.add(parsed)
            }
        }
        return calendar
    }()

    init(years: Set<Int>, days: [CivilDate: Kind]) {
        self.years = years
        self.days = days
    }

    /// The shipped calendar with local additions (the same line format, plus `year YYYY` lines
    /// that declare a year complete once its notice is published).
    public static func withLocalAdditions(_ text: String, name: String) throws(CalendarError) -> BureauCalendar {
        var calendar = shippedCalendar
        calendar.add(try parse(text, name: name))
        return calendar
    }

    mutating func add(_ other: BureauCalendar) {
        years.formUnion(other.years)
        days.merge(other.days) { _, new in new }
    }

    /// Parses one file: `YYYY-MM-DD holiday|workday NAME…`, `year YYYY`, `#` comments.
    /// Every dated line's year counts as known.
    static func parse(_ text: String, name: String) throws(CalendarError) -> BureauCalendar {
        var calendar = BureauCalendar(years: [], days: [:])
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: " ", maxSplits: 2).map(String.init)
            if fields.count == 2, fields[0] == "year", let year = Int(fields[1]), (2000...2100).contains(year) {
                calendar.years.insert(year)
                continue
            }
            guard fields.count >= 2, let date = CivilDate(fields[0]), let kind = Kind(rawValue: fields[1]) else {
                throw CalendarError(file: name, line: index + 1, text: String(line))
            }
            calendar.years.insert(date.year)
            calendar.days[date] = kind
        }
        return calendar
    }

    /// Whether `date` is a working day; nil when its year is unknown.
    public func isWorkingDay(_ date: CivilDate) -> Bool? {
        guard years.contains(date.year) else { return nil }
        switch days[date] {
        case .holiday?: return false
        case .workday?: return true
        case nil:
            // 1970-01-01 was a Thursday: weekday 0 = Monday … 6 = Sunday.
            let weekday = (date.daysSinceEpoch + 3).floorModulo(7)
            return weekday < 5
        }
    }

    /// The `workdays`-th working day after `month` ends; nil when a day it must look at lies
    /// in a year the calendar lacks.
    public func deadlineDay(after month: YearMonth, workdays: Int) -> CivilDate? {
        var day = month.lastDay.daysSinceEpoch
        var counted = 0
        while counted < max(1, workdays) {
            day += 1
            guard let working = isWorkingDay(CivilDate(daysSinceEpoch: day)) else { return nil }
            if working { counted += 1 }
        }
        return CivilDate(daysSinceEpoch: day)
    }

    /// The reporting deadline for `month`: 17:00 in the bureau's zone on the `workdays`-th
    /// working day after the month ends; nil when the calendar cannot tell.
    public func deadline(for month: YearMonth, workdays: Int, zone: BureauTimeZone) -> Timestamp? {
        guard let day = deadlineDay(after: month, workdays: workdays) else { return nil }
        return Timestamp(millisecondsSinceEpoch: zone.startOfDay(day).millisecondsSinceEpoch + 17 * 3_600_000)
    }
}

/// A calendar file line that is not `YYYY-MM-DD holiday|workday NAME` or `year YYYY`.
public struct CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var text: String

    public var description: String {
        "\(file), line \(line): '\(text)' is not 'YYYY-MM-DD holiday|workday NAME' or 'year YYYY'; fix or remove the line"
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" || first == "\r" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}

private extension Int {
    func floorModulo(_ divisor: Int) -> Int { ((self % divisor) + divisor) % divisor }
}
