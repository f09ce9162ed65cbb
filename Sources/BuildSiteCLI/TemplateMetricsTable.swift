import Templates

/// The table `build-site --template-metrics` prints: one row per template, include, macro and cache tag,
/// the most time first (see `TemplateMetrics` for what the times mean).
enum TemplateMetricsTable {
    static func lines(_ entries: [TemplateMetrics.Entry]) -> [String] {
        guard !entries.isEmpty else { return ["Template metrics: no page was rendered."] }
        var lines = [
            "Template metrics: wall time inside each template, include, macro and cache tag, summed over the rendering",
            "threads; a row's time includes the rows it calls. \"reused\": passes over a cache tag that pasted a stored fragment.",
            "",
            row("calls", "total", "average", "maximum", "reused", "kind", "name"),
        ]
        for entry in entries {
            let average = entry.calls > 0 ? entry.total / entry.calls : .zero
            lines.append(row(grouped(entry.calls), duration(entry.total), duration(average), duration(entry.maximum),
                             entry.kind == .cache ? grouped(entry.reused) : "", entry.kind.rawValue, entry.name))
        }
        return lines
    }

    private static func row(_ calls: String, _ total: String, _ average: String, _ maximum: String, _ reused: String,
                            _ kind: String, _ name: String) -> String {
        pad(calls, 10) + pad(total, 11) + pad(average, 11) + pad(maximum, 11) + pad(reused, 10) + "  "
            + kind.padding(toLength: 8, withPad: " ", startingAt: 0) + name
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// 138742 as "138,742": the same on every machine, whatever its locale.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    /// "0.4 µs", "61.2 µs", "612.3 ms", "1.25 s".
    static func duration(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        if seconds < 0.001 { return decimal(seconds * 1e6) + " µs" }
        if seconds < 1 { return decimal(seconds * 1e3) + " ms" }
        return decimal(seconds, places: 2) + " s"
    }

    /// `value` with `places` (1 or 2) decimals, rounded: the same text whatever the locale.
    private static func decimal(_ value: Double, places: Int = 1) -> String {
        let scale = places == 1 ? 10.0 : 100.0
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return "\(whole)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
