import Foundation
import Testing
@testable import Site

/// `DatePattern` formats dates without ICU where a language's pattern is numbers and text: it must give ICU's
/// text for every date, and refuse the patterns it cannot format.
struct DatePatternTests {
    private static func formatter(_ language: String, _ skeleton: String) -> DateFormatter {
        let formatter = DateFormatter()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: language)
        formatter.setLocalizedDateFormatFromTemplate(skeleton)
        return formatter
    }

    @Test func givesICUsTextForEveryDate() throws {
        var accepted = 0
        for language in ["zh", "zh-Hant", "ja", "ko", "de", "fr", "es", "ru", "nl", "pl", "ar", "fa", "hi", "th", "en-GB"] {
            for skeleton in ["y", "yMMM", "yMMMM", "yMMMd", "yMMMMd"] {
                let formatter = Self.formatter(language, skeleton)
                guard let pattern = LocalizedDate.Formatters.checkedPattern(of: formatter) else { continue }
                accepted += 1
                var seed: UInt64 = 0x9E37_79B9
                for _ in 0..<300 {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let year = 900 + Int(seed >> 33) % 1_300, month = 1 + Int(seed >> 20) % 12, day = 1 + Int(seed >> 8) % 28
                    var components = DateComponents()
                    (components.year, components.month, components.day, components.hour) = (year, month, day, 12)
                    let date = try #require(formatter.calendar.date(from: components))
                    #expect(pattern.format(year: year, month: month, day: day) == formatter.string(from: date),
                            "\(language) \(skeleton) \(year)-\(month)-\(day): \(formatter.dateFormat ?? "")")
                }
            }
        }
        // Chinese, Japanese and Korean write every date with numbers: all their patterns are taken.
        #expect(accepted >= 15, "\(accepted)")
    }

    @Test func theChineseEditionsDatesAreFormattedWithoutICU() throws {
        for skeleton in ["y", "yMMM", "yMMMM", "yMMMd", "yMMMMd"] {
            #expect(LocalizedDate.Formatters.checkedPattern(of: Self.formatter("zh", skeleton)) != nil, "\(skeleton)")
        }
        let pattern = try #require(DatePattern("y年M月d日"))
        #expect(pattern.format(year: 2015, month: 12, day: 11) == "2015年12月11日")
    }

    /// The patterns `LocalizedDate` knows without ICU are ICU's own, and give its text.
    @Test func theKnownPatternsAreICUs() throws {
        #expect(!LocalizedDate.Formatters.known.isEmpty)
        for (key, pattern) in LocalizedDate.Formatters.known {
            let parts = key.split(separator: "|").map(String.init)
            let formatter = Self.formatter(parts[0], parts[1])
            #expect(DatePattern(formatter.dateFormat) == pattern, "\(key): ICU says \(formatter.dateFormat ?? "")")
            #expect(LocalizedDate.Formatters.checkedPattern(of: formatter) == pattern, "\(key)")
        }
        #expect(LocalizedDate.Formatters.knowsEveryPattern(of: "zh"))
        #expect(LocalizedDate.Formatters.skeletons.allSatisfy { LocalizedDate.Formatters.known["zh|" + $0] != nil })
    }

    @Test func readsQuotesAndRefusesOtherFields() throws {
        #expect(try #require(DatePattern("dd.MM.yyyy")).format(year: 987, month: 2, day: 3) == "03.02.0987")
        #expect(try #require(DatePattern("'Jahr' y, d 'o''clock'")).format(year: 2015, month: 1, day: 9) == "Jahr 2015, 9 o'clock")
        #expect(try #require(DatePattern("yy''")).format(year: 2015, month: 1, day: 9) == "15'")
        for refused in ["MMM y", "d MMMM y", "EEEE d", "y G", "'open", "QQQ y"] {
            #expect(DatePattern(refused) == nil, "\(refused)")
        }
    }
}
