import Content
import Foundation

/// A partial date in a language's words, at its precision, from CLDR's patterns (through Foundation's
/// formatter, with a fixed locale, the Gregorian calendar and UTC, so the output does not depend on the
/// machine): `2015年12月11日`, `2015年12月`, `2015年`. English keeps the engine's own forms (`PartialDate.long`).
enum LocalizedDate {
    /// Whether `language` is written with the engine's English forms.
    static func isEnglish(_ language: String) -> Bool {
        language == "en" || language.hasPrefix("en-")
    }

    /// `long`: the month written out; `short`: abbreviated.
    static func format(_ date: PartialDate, language: String, short: Bool) -> String {
        let skeleton: String
        switch date.precision {
        case .year: skeleton = "y"
        case .month: skeleton = short ? "yMMM" : "yMMMM"
        case .day: skeleton = short ? "yMMMd" : "yMMMMd"
        }
        return Formatters.shared.format(year: date.year, month: date.month ?? 1, day: date.day ?? 1, skeleton: skeleton, language: language)
    }

    /// One formatter per language and skeleton, used under a lock (`DateFormatter` is not thread-safe), and
    /// every date it formatted: the output depends on nothing else (a fixed locale, calendar and time zone), and
    /// formatting took fifty times as long as looking the text up (a site shows the same dates on many pages).
    private final class Formatters: @unchecked Sendable {
        static let shared = Formatters()
        private let lock = NSLock()
        private var formatters: [String: DateFormatter] = [:]
        private var formatted: [Formatted: String] = [:]
        private static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!

        private struct Formatted: Hashable {
            var language: String
            var skeleton: String
            var year: Int
            var month: Int
            var day: Int
        }

        func format(year: Int, month: Int, day: Int, skeleton: String, language: String) -> String {
            lock.lock()
            defer { lock.unlock() }
            let done = Formatted(language: language, skeleton: skeleton, year: year, month: month, day: day)
            if let text = formatted[done] { return text }
            var components = DateComponents()
            components.year = year
            components.month = month
            components.day = day
            components.hour = 12
            let text = formatAnew(components, skeleton: skeleton, language: language)
            formatted[done] = text
            return text
        }

        private func formatAnew(_ components: DateComponents, skeleton: String, language: String) -> String {
            let key = language + "|" + skeleton
            let formatter: DateFormatter
            if let existing = formatters[key] {
                formatter = existing
            } else {
                formatter = DateFormatter()
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = Self.utc
                formatter.calendar = calendar
                formatter.timeZone = Self.utc
                formatter.locale = Locale(identifier: language)
                formatter.setLocalizedDateFormatFromTemplate(skeleton)
                formatters[key] = formatter
            }
            guard let date = formatter.calendar.date(from: components) else { return "" }
            return formatter.string(from: date)
        }
    }
}
