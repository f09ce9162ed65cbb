/// The blank space that puts a caret under a column of a source line, as a terminal shows that line.
///
/// Diagnostics count columns in Unicode scalars, but a terminal gives a Chinese character or an emoji two
/// cells and a combining mark none; padding by scalar count would put the caret under the wrong word on
/// exactly the lines (Chinese names, titles) where this site's content has them. Tabs are kept as tabs.
enum CaretPadding {
    static func padding(before column: Int, in line: String) -> String {
        var padding = ""
        for scalar in line.unicodeScalars.prefix(max(column - 1, 0)) {
            if scalar == "\t" {
                padding += "\t"
            } else {
                padding += String(repeating: " ", count: cells(scalar))
            }
        }
        return padding
    }

    /// Terminal cells taken by one scalar: 0 for combining marks and joiners, 2 for wide characters.
    static func cells(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(scalar.value) { return 0 }  // variation selectors
        if scalar.properties.isEmojiPresentation { return 2 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
        return wide.contains { $0.contains(scalar.value) } ? 2 : 1
    }
}
