/// A calendar date known to the year, the month or the day.
///
/// Explainers date events loosely ("2015", "May 2015"); keeping the precision lets a page
/// say exactly what is known instead of inventing a day. Dates order by year, then month,
/// then day, a missing part first, so `2015 < 2015-05 < 2015-05-01`.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: String, Sendable, Hashable {
        case year, month, day
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Creates a date, or nil when it does not exist (month 13, 30 February, a day without a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard day >= 1, day <= PartialDate.daysIn(month: month, year: year) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    /// "2015", "2015-05" or "2015-12-11": the form the author wrote, zero-padded.
    public var iso: String {
        var text = PartialDate.pad(year, 4)
        if let month { text += "-" + PartialDate.pad(month, 2) }
        if let day { text += "-" + PartialDate.pad(day, 2) }
        return text
    }

    public var description: String { iso }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        if lhs.month != rhs.month { return (lhs.month ?? 0) < (rhs.month ?? 0) }
        return (lhs.day ?? 0) < (rhs.day ?? 0)
    }

    /// Number of days in a month of the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
