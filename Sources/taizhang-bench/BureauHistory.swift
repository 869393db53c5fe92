import TaizhangCore

/// The plan of the big hub's fifteen months: which office enrols and is revoked when, how often
/// each delivers (most every working day, some weekly, a few over a bad link every 16 days),
/// which go silent, fall behind, break a rule or resend a different entry. Deterministic in
/// the office's index, so the same sizes and dates always plan the same history.
struct BureauHistory: Sendable {
    enum Cadence: Sendable, Equatable {
        /// Monday to Friday, in the evening.
        case workingDays
        /// Once a week, on `weekday` (0 = Monday).
        case weekly(weekday: Int)
        /// Every 16 days, from `offset`.
        case badLink(offset: Int)
    }

    struct Office: Sendable {
        let index: Int
        let id: String
        let enrolledOn: CivilDate
        let revokedOn: CivilDate?
        /// Delivers nothing from this day on (the office's PC is off): silent on the dashboard.
        let silentFrom: CivilDate?
        let cadence: Cadence
        /// Entries the office has recorded beyond what it delivered, reported by today's PING.
        let behindBy: Int64
        /// The day it delivers an entry the rules refuse (flagged), and whether the operator settles it.
        let breaksRuleOn: CivilDate?
        let ruleFlagSettled: Bool
        /// Resends its first entry with different content after this day's delivery (a conflict flag).
        let conflictOn: CivilDate?
        /// Minutes after 18:00 its evening delivery arrives.
        let minute: Int

        func delivers(on day: CivilDate) -> Bool {
            guard day >= enrolledOn, revokedOn.map({ day < $0 }) ?? true, silentFrom.map({ day < $0 }) ?? true else { return false }
            let weekday = (day.daysSinceEpoch + 3) % 7
            switch cadence {
            case .workingDays: return weekday < 5
            case .weekly(let chosen): return weekday == chosen
            case .badLink(let offset): return (day.daysSinceEpoch + offset) % 16 == 0
            }
        }
    }

    static let months = 15

    let branches: Int
    let perBranch: Int64
    /// The last month of recorded entries (the month before the one the fixture is built in).
    let lastMonth: YearMonth
    /// Deliveries happen on the days before this one.
    let until: CivilDate
    let offices: [Office]

    var firstMonth: YearMonth { Self.shift(lastMonth, by: -(Self.months - 1)) }
    var firstDay: CivilDate { firstMonth.firstDay }

    init(branches: Int, perBranch: Int64, today: CivilDate) {
        self.branches = branches
        self.perBranch = perBranch
        let current = today.yearMonth
        let lastMonth = Self.shift(current, by: -1)
        self.lastMonth = lastMonth
        // Ten days into the month at most, so the plan (and the cached hub) is the same all month after that.
        until = min(today, CivilDate(daysSinceEpoch: current.firstDay.daysSinceEpoch + 10))
        let first = Self.shift(lastMonth, by: -(Self.months - 1)).firstDay
        let last = lastMonth.lastDay
        let until = self.until
        offices = (1...branches).map { index in
            func day(_ offset: Int) -> CivilDate { CivilDate(daysSinceEpoch: first.daysSinceEpoch + offset) }
            let span = last.daysSinceEpoch - first.daysSinceEpoch
            let enrolled = index % 20 == 7 ? Self.shift(lastMonth, by: -(Self.months - 1) + 3 + index % 9).firstDay : first
            let revoked = index % 100 == 13 ? CivilDate(daysSinceEpoch: last.daysSinceEpoch - 100 - index % 60) : nil
            let cadence: Cadence = switch index % 10 {
            case 7, 8: .weekly(weekday: index % 5)
            case 9: .badLink(offset: index % 16)
            default: .workingDays
            }
            return Office(index: index, id: "branch-\(index)", enrolledOn: enrolled, revokedOn: revoked,
                          silentFrom: index % 50 == 21 ? CivilDate(daysSinceEpoch: until.daysSinceEpoch - 12) : nil,
                          cadence: cadence, behindBy: index % 40 == 3 ? Int64(3 + index % 20) : 0,
                          breaksRuleOn: index % 50 == 5 ? day(span / 2 + index % 200) : nil, ruleFlagSettled: index % 100 == 5,
                          conflictOn: index % 250 == 17 ? day(span - 40 - index % 30) : nil, minute: (index * 7) % 240)
        }
    }

    /// The months whose export is issued: each closed month's, seven days after it ends,
    /// and again 20 days after it ends if late entries changed its figures.
    func issueDays(of month: YearMonth) -> (first: CivilDate, again: CivilDate) {
        let end = month.lastDay.daysSinceEpoch
        return (CivilDate(daysSinceEpoch: end + 7), CivilDate(daysSinceEpoch: end + 20))
    }

    var exportedMonths: [YearMonth] { (0..<12).map { Self.shift(lastMonth, by: -$0) }.reversed() }

    static func shift(_ month: YearMonth, by months: Int) -> YearMonth {
        let index = month.year * 12 + (month.month - 1) + months
        return YearMonth(year: index / 12, month: index % 12 + 1)!
    }
}
