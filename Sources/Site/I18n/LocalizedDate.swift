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
        return Formatters.shared.format(year: date.year, month: date.month ?? 1, day: date.day ?? 1,
                                        skeleton: skeleton(date.precision, short: short), language: language)
    }

    private static func skeleton(_ precision: PartialDate.Precision, short: Bool) -> String {
        switch precision {
        case .year: "y"
        case .month: short ? "yMMM" : "yMMMM"
        case .day: short ? "yMMMd" : "yMMMMd"
        }
    }

    /// Makes the formatters of every language that is not English, on a thread of its own, while the build does
    /// other work: ICU loads a locale's patterns the first time a formatter asks (about 5 ms), and the rendering
    /// threads that format dates would wait for that under the lock. Nothing depends on when it runs: a
    /// formatter is the same whoever made it, and `format` makes any that is not there yet.
    static func prepare(languages: [String]) {
        let others = languages.filter { !isEnglish($0) && !Formatters.knowsEveryPattern(of: $0) }
        guard !others.isEmpty else { return }
        DispatchQueue.global(qos: .userInitiated).async {
            for language in others {
                for precision in [PartialDate.Precision.year, .month, .day] {
                    for short in [false, true] { Formatters.shared.prepare(skeleton: skeleton(precision, short: short), language: language) }
                }
            }
        }
    }

    /// One formatter per language and skeleton, used under a lock (`DateFormatter` is not thread-safe), and
    /// every date it formatted: the output depends on nothing else (a fixed locale, calendar and time zone), and
    /// formatting took fifty times as long as looking the text up (a site shows the same dates on many pages).
    /// Where the formatter's pattern is numbers and text only (`DatePattern`, checked against the formatter),
    /// dates are formatted with the pattern instead, outside the lock: the rendering threads of a Chinese
    /// edition waited for each other there.
    final class Formatters: @unchecked Sendable {
        static let shared = Formatters()
        private let lock = NSLock()
        private var formatters: [String: DateFormatter] = [:]
        /// By `language|skeleton`: nil inside for a pattern ICU must format.
        private var patterns: [String: DatePattern?] = [:]
        private var formatted: [Formatted: String] = [:]
        private static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0)!

        private struct Formatted: Hashable {
            var language: String
            var skeleton: String
            var year: Int
            var month: Int
            var day: Int
        }

        /// Patterns ICU gives, known without asking it (loading a locale's data costs a few milliseconds of a
        /// build that takes a hundred), by `language|skeleton`: Chinese, whose every date is numbers and text.
        /// `DatePatternTests` checks each against ICU's own pattern and text.
        static let known: [String: DatePattern] = {
            let zh = ["y": "y年", "yMMM": "y年M月", "yMMMM": "y年M月", "yMMMd": "y年M月d日", "yMMMMd": "y年M月d日"]
            var known: [String: DatePattern] = [:]
            for (skeleton, pattern) in zh { known["zh|" + skeleton] = DatePattern(pattern) }
            return known
        }()

        /// Every skeleton `LocalizedDate` asks for.
        static let skeletons = ["y", "yMMM", "yMMMM", "yMMMd", "yMMMMd"]

        static func knowsEveryPattern(of language: String) -> Bool {
            skeletons.allSatisfy { known[language + "|" + $0] != nil }
        }

        func format(year: Int, month: Int, day: Int, skeleton: String, language: String) -> String {
            if let pattern = Self.known[language + "|" + skeleton] { return pattern.format(year: year, month: month, day: day) }
            lock.lock()
            if case .some(.some(let pattern)) = patterns[language + "|" + skeleton] {
                lock.unlock()
                return pattern.format(year: year, month: month, day: day)
            }
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

        func prepare(skeleton: String, language: String) {
            lock.lock()
            defer { lock.unlock() }
            _ = formatter(skeleton: skeleton, language: language)
        }

        private func formatAnew(_ components: DateComponents, skeleton: String, language: String) -> String {
            let formatter = formatter(skeleton: skeleton, language: language)
            guard let date = formatter.calendar.date(from: components) else { return "" }
            return formatter.string(from: date)
        }

        /// Under the lock.
        private func formatter(skeleton: String, language: String) -> DateFormatter {
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
                patterns[key] = Self.checkedPattern(of: formatter)
            }
            return formatter
        }

        /// The formatter's pattern as a `DatePattern`, when it gives the formatter's own text for dates of every
        /// precision and digit count; nil otherwise.
        static func checkedPattern(of formatter: DateFormatter) -> DatePattern? {
            guard let pattern = DatePattern(formatter.dateFormat) else { return nil }
            for (year, month, day) in [(2015, 12, 11), (2001, 2, 3), (987, 10, 28), (2025, 1, 30), (12, 7, 4)] {
                var components = DateComponents()
                (components.year, components.month, components.day, components.hour) = (year, month, day, 12)
                guard let date = formatter.calendar.date(from: components),
                      formatter.string(from: date) == pattern.format(year: year, month: month, day: day) else { return nil }
            }
            return pattern
        }
    }
}
