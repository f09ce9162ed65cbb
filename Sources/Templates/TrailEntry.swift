/// One step of the path that led to the code being rendered (an include, a macro call, a layout),
/// reported as a note under an error.
///
/// Kept as data and turned into words only when an error is reported: computing a line and
/// column for every include and macro call would cost more than rendering them.
struct TrailEntry {
    enum Kind {
        case include
        case importModule
        case macro(String)
        case block(String)
        case layout
    }

    let kind: Kind
    /// The template holding the tag that caused this step.
    let template: ParsedTemplate
    /// Where in `template` (byte offset).
    let offset: Int
    /// For blocks and layouts: the template whose code runs.
    let target: ParsedTemplate?

    var note: String {
        switch kind {
        case .include: return "in template included from \(template.source.describe(offset))"
        case .importModule: return "in template imported from \(template.source.describe(offset))"
        case .macro(let name): return "in macro '\(name)' called from \(template.source.describe(offset))"
        case .block(let name): return "in block '\(name)' of \((target ?? template).source.displayName)"
        case .layout: return "in layout '\((target ?? template).source.displayName)' extended by \(template.source.describe(offset))"
        }
    }
}
