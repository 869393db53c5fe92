
/// The month an export is for and the instant it is as of, read from the command line and
/// checked against each other.
public enum ReportPeriod {
    /// `YYYY-MM`, from 2000-01 on.
    public static func month(_ text: String) throws(ReportError) -> YearMonth {
        guard let month = YearMonth(text) else { throw .malformedMonth(text) }
        guard month >= CivilDate.earliest.yearMonth else { throw .monthTooEarly(month) }
        return month
    }

    /// Refuses a month that begins after the as-of instant (in the bureau's time zone).
    public static func check(_ month: YearMonth, asOf: Timestamp, zone: BureauTimeZone) throws(ReportError) {
        guard month <= zone.date(at: asOf).yearMonth else { throw .futureMonth(month, asOf: asOf) }
    }

    /// The last whole second before `instant`: an as-of always names a whole second and
    /// includes everything up to its end.
    public static func wholeSecond(_ instant: Timestamp) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: instant.millisecondsSinceEpoch.floorDivided(by: 1000) * 1000)
    }

    /// The last millisecond an as-of includes.
    public static func end(of asOf: Timestamp) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: asOf.millisecondsSinceEpoch + 999)
    }

    /// Parses `2026-11-26T08:00:00Z`, `2026-11-26T16:00:00+08:00`, or a date `2026-11-26`
    /// meaning the end of that day in the bureau's time zone.
    public static func asOf(_ text: String, zone: BureauTimeZone) throws(ReportError) -> Timestamp {
        if let date = CivilDate(text) {
            let next = CivilDate(daysSinceEpoch: date.daysSinceEpoch + 1)
            return Timestamp(millisecondsSinceEpoch: zone.startOfDay(next).millisecondsSinceEpoch - 1000)
        }
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), let date = CivilDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]),
              let second = number(bytes[17..<19]), hour < 24, minute < 60, second < 60 else {
            throw .malformedAsOf(text)
        }
        var offsetSeconds = 0
        let zonePart = bytes[19...]
        if zonePart.elementsEqual("Z".utf8) {
            offsetSeconds = 0
        } else if zonePart.count == 6, let sign = zonePart.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                  zonePart[zonePart.startIndex + 3] == UInt8(ascii: ":"),
                  let hours = number(zonePart.dropFirst().prefix(2)), let minutes = number(zonePart.suffix(2)),
                  hours <= 14, minutes < 60 {
            offsetSeconds = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        } else {
            throw .malformedAsOf(text)
        }
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Timestamp(millisecondsSinceEpoch: Int64(seconds) * 1000)
    }

    private static func number(_ digits: some Collection<UInt8>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
