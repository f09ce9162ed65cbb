/// A CLDR date pattern made only of numeric fields and literal text (`y年M月d日`, `d.M.y`), applied without ICU.
///
/// A language's pattern for a skeleton comes from ICU once (`DateFormatter.dateFormat` after
/// `setLocalizedDateFormatFromTemplate`); formatting a date with it is then putting numbers between the
/// literals, where ICU took about fifty microseconds a date, under the lock its formatters need. Anything
/// else in a pattern (month names, eras, weekdays) makes `init` fail, and `LocalizedDate` keeps ICU for it;
/// a pattern is only used once it has given ICU's text for sample dates (digits other than ASCII, say, would not).
struct DatePattern: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case literal(String)
        /// A field with its letter count: `y` unpadded, `yy` the last two digits, `yyy…` padded to the count;
        /// `M` and `d` unpadded, `MM` and `dd` padded to two.
        case year(Int), month(Int), day(Int)
    }

    let parts: [Part]

    /// nil for a pattern with any field but year, numeric month (`M`, `MM`, `L`, `LL`) and day (`d`, `dd`).
    init?(_ pattern: String) {
        var parts: [Part] = []
        var literal = ""
        let characters = Array(pattern)
        var index = 0
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                // '' is a quote; 'text' is text as it is, with '' inside for a quote.
                if index + 1 < characters.count, characters[index + 1] == "'" {
                    literal.append("'")
                    index += 2
                    continue
                }
                index += 1
                while index < characters.count {
                    if characters[index] == "'" {
                        if index + 1 < characters.count, characters[index + 1] == "'" {
                            literal.append("'")
                            index += 2
                            continue
                        }
                        break
                    }
                    literal.append(characters[index])
                    index += 1
                }
                guard index < characters.count else { return nil }
                index += 1
                continue
            }
            guard character.isASCII, character.isLetter else {
                literal.append(character)
                index += 1
                continue
            }
            var count = 1
            while index + count < characters.count, characters[index + count] == character { count += 1 }
            flush()
            if character == "y" {
                parts.append(.year(count))
            } else if (character == "M" || character == "L") && count <= 2 {
                parts.append(.month(count))
            } else if character == "d" && count <= 2 {
                parts.append(.day(count))
            } else {
                return nil
            }
            index += count
        }
        flush()
        self.parts = parts
    }

    func format(year: Int, month: Int, day: Int) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .literal(let literal): text += literal
            case .year(let count):
                text += count == 2 ? Self.padded(year % 100, to: 2) : Self.padded(year, to: count == 1 ? 1 : count)
            case .month(let count): text += Self.padded(month, to: count)
            case .day(let count): text += Self.padded(day, to: count)
            }
        }
        return text
    }

    private static func padded(_ number: Int, to width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
