/// Reading dates from front-matter text.
extension PartialDate {
    /// Why a date text was rejected, worded for the author.
    enum ParseFailure: Error, Equatable {
        /// Not of the shape `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
        case malformed
        /// The right shape, but no such day or month exists.
        case impossible(String)
    }

    /// Parses `2015`, `2015-05` or `2015-12-11`; a time after the day (`2015-12-11T10:00:00Z`,
    /// `2015-12-11 10:00`) is accepted and dropped, since pages are dated to the day at most.
    static func parse(_ text: String) -> Result<PartialDate, ParseFailure> {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4) else { return .failure(.malformed) }
        var month: Int?
        var day: Int?
        switch bytes.count {
        case 4:
            break
        case 7:
            guard bytes[4] == 0x2D, let parsed = number(5..<7) else { return .failure(.malformed) }
            month = parsed
        default:
            guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
                  let parsedMonth = number(5..<7), let parsedDay = number(8..<10) else {
                return .failure(.malformed)
            }
            if bytes.count > 10 {
                // Only a time may follow: `T` or a space, then a digit.
                guard bytes[10] == 0x54 || bytes[10] == 0x74 || bytes[10] == 0x20,
                      bytes.count > 11, number(11..<12) != nil else { return .failure(.malformed) }
            }
            month = parsedMonth
            day = parsedDay
        }
        guard let date = PartialDate(year: year, month: month, day: day) else {
            return .failure(.impossible(impossibleReason(year: year, month: month, day: day)))
        }
        return .success(date)
    }

    /// A sentence saying which part of a well-shaped date does not exist.
    private static func impossibleReason(year: Int, month: Int?, day: Int?) -> String {
        if year < 1 { return "year must be 1 or later" }
        guard let month, (1...12).contains(month) else { return "month must be 01 to 12" }
        let days = daysIn(month: month, year: year)
        return "\(monthNames[month - 1]) \(year) has \(days) days"
    }
}
