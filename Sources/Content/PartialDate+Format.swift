/// Formatting for display and for placing dates on a time axis.
///
/// English month names are built in on purpose: output must be byte-for-byte
/// deterministic, which a locale-dependent formatter cannot promise across machines.
extension PartialDate {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// "11 December 2015", "May 2015" or "2015".
    public var long: String {
        format(monthName: { PartialDate.monthNames[$0 - 1] })
    }

    /// "11 Dec 2015", "May 2015" or "2015".
    public var short: String {
        format(monthName: { String(PartialDate.monthNames[$0 - 1].prefix(3)) })
    }

    /// The date as a fractional year, for placing it on an axis.
    ///
    /// An imprecise date sits in the middle of what it covers: `2015` is 2015.5,
    /// `2015-05` is the middle of May, `2015-12-11` the middle of that day.
    public var fraction: Double {
        let daysInYear = PartialDate.isLeap(year) ? 366.0 : 365.0
        guard let month else { return Double(year) + 0.5 }
        var before = 0
        for earlier in stride(from: 1, to: month, by: 1) {
            before += PartialDate.daysIn(month: earlier, year: year)
        }
        let offset: Double
        if let day {
            offset = Double(before + day) - 0.5
        } else {
            offset = Double(before) + Double(PartialDate.daysIn(month: month, year: year)) / 2
        }
        return Double(year) + offset / daysInYear
    }

    private func format(monthName: (Int) -> String) -> String {
        guard let month else { return String(year) }
        guard let day else { return "\(monthName(month)) \(year)" }
        return "\(day) \(monthName(month)) \(year)"
    }
}
