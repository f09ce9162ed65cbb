/// One render's measurements, kept by its renderer until the page is done (see `TemplateMetrics`).
///
/// Keyed by the parsed template's identity and a byte offset in it, so that counting a call hashes two
/// integers and makes no string.
struct MetricsTally {
    struct Record {
        let kind: TemplateMetrics.Kind
        let template: ParsedTemplate
        let offset: Int
        /// A macro's name.
        let label: String
        var calls = 0
        var reused = 0
        var total: Duration = .zero
        var maximum: Duration = .zero
    }

    private struct Key: Hashable {
        var kind: TemplateMetrics.Kind
        var template: ObjectIdentifier
        var offset: Int
    }

    private var positions: [Key: Int] = [:]
    private(set) var records: [Record] = []

    /// Counts one call of what `kind`, `template` and `offset` name, which took `elapsed`.
    mutating func record(_ kind: TemplateMetrics.Kind, _ template: ParsedTemplate, offset: Int, label: String = "",
                         elapsed: Duration, reused: Bool = false) {
        let key = Key(kind: kind, template: ObjectIdentifier(template), offset: offset)
        let position: Int
        if let known = positions[key] {
            position = known
        } else {
            position = records.count
            positions[key] = position
            records.append(Record(kind: kind, template: template, offset: offset, label: label))
        }
        records[position].calls += 1
        if reused { records[position].reused += 1 }
        records[position].total += elapsed
        records[position].maximum = max(records[position].maximum, elapsed)
    }
}
