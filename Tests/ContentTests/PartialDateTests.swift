import Testing
@testable import Content

@Suite struct PartialDateTests {
    @Test(arguments: [
        ("2015", "2015", PartialDate.Precision.year, "2015", "2015"),
        ("2015-05", "2015-05", .month, "May 2015", "May 2015"),
        ("2015-12-11", "2015-12-11", .day, "11 December 2015", "11 Dec 2015"),
        ("2015-12-11T10:30:00Z", "2015-12-11", .day, "11 December 2015", "11 Dec 2015"),
        ("0800-01-01", "0800-01-01", .day, "1 January 800", "1 Jan 800"),
    ])
    func parsesAndFormats(text: String, iso: String, precision: PartialDate.Precision, long: String, short: String) throws {
        let date = try PartialDate.parse(text).get()
        #expect(date.iso == iso)
        #expect(date.precision == precision)
        #expect(date.long == long)
        #expect(date.short == short)
    }

    @Test(arguments: ["yesterday", "15", "2015-5", "2015/05/01", "2015-05-01x", "2015-05-1", "", "２０１５"])
    func rejectsMalformedText(_ text: String) {
        #expect(PartialDate.parse(text) == .failure(.malformed))
    }

    @Test(arguments: [
        ("2015-02-30", "February 2015 has 28 days"),
        ("2015-13", "month must be 01 to 12"),
        ("2015-00-10", "month must be 01 to 12"),
        ("2015-04-31", "April 2015 has 30 days"),
        ("2019-02-29", "February 2019 has 28 days"),
        ("0000", "year must be 1 or later"),
    ])
    func rejectsImpossibleDates(text: String, reason: String) {
        #expect(PartialDate.parse(text) == .failure(.impossible(reason)))
    }

    @Test func leapDaysExist() {
        #expect(PartialDate(year: 2024, month: 2, day: 29) != nil)
        #expect(PartialDate(year: 2000, month: 2, day: 29) != nil)
        #expect(PartialDate(year: 1900, month: 2, day: 29) == nil)
        #expect(PartialDate(year: 2015, day: 3) == nil)
    }

    @Test func lessPreciseDatesSortFirst() throws {
        let dates = try ["2015-05-01", "2016", "2015-05", "2015", "2015-04-30"].map { try PartialDate.parse($0).get() }
        #expect(dates.sorted().map(\.iso) == ["2015", "2015-04-30", "2015-05", "2015-05-01", "2016"])
    }

    @Test func fractionPlacesDatesMidPeriod() throws {
        #expect(try PartialDate.parse("2015").get().fraction == 2015.5)
        let may = try PartialDate.parse("2015-05").get().fraction
        #expect(may > 2015.33 && may < 2015.42)
        let lastDay = try PartialDate.parse("2015-12-31").get().fraction
        #expect(lastDay > 2015.99 && lastDay < 2016)
        let first = try PartialDate.parse("2015-01-01").get().fraction
        #expect(first > 2015 && first < 2015.01)
    }
}
