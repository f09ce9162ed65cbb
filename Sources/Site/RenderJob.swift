/// One HTML file the render step writes, and what it shows.
///
/// Most are content pages, one file each; a paginated list has a job per numbered page, and each taxonomy adds
/// its index and a job (or several) per term. `PagePlan` makes the list; `SiteBuilder.renderPages` runs it.
struct RenderJob: Sendable {
    enum Subject: Sendable {
        /// `ContentSet.pages[index]`.
        case page(Int)
        /// `ContentSet.taxonomies[taxonomy].terms[term]`.
        case term(taxonomy: Int, term: Int)
        /// The index of `ContentSet.taxonomies[taxonomy]`.
        case taxonomy(Int)
    }

    var subject: Subject
    /// The site path written: `/timeline/`, `/timeline/page/2/`, `/topics/lawsuits/`.
    var url: String
    /// The file a failure is located in when no template is at fault: the page's source, or `site.yml` for a
    /// generated page without a description file.
    var source: String
    /// Template names to try, in order (`TemplateSet.candidates`).
    var candidates: [String]
    /// Which slice of a paginated list this file shows; nil when the list is not paginated.
    var pager: Pager?

    /// A page the build makes (a term, a taxonomy's index, a numbered page after the first), not one from a file.
    var isGenerated: Bool {
        if case .page = subject { return (pager?.number ?? 1) > 1 }
        return true
    }

    /// How "while rendering …" names this page: its source, or for a generated page without a file its URL; with
    /// `(page n)` after the first page of a list.
    var label: String {
        let name = source == "site.yml" ? url : source
        guard let pager, pager.number > 1 else { return name }
        return name == url ? name : "\(name) (page \(pager.number))"
    }
}
