import Foundation
import Content

/// Every HTML file the build renders, planned before any is rendered.
///
/// Content pages come first (a description of a taxonomy term is not a page of its own: it is shown on the
/// term's page), then each taxonomy's index and term pages; a paginated list gives one job per numbered page.
/// A generated page may not take the place of a content page: that is an error at the content file.
struct PagePlan: Sendable {
    private(set) var jobs: [RenderJob] = []
    /// Redirects the plan implies (`<list>/page/1/` to the list), written with the aliases.
    private(set) var redirects: [(from: String, to: String)] = []

    static func make(content: ContentSet, urls: [String], values: PageValues) throws(BuildFailure) -> PagePlan {
        var plan = PagePlan()
        let described = Set(content.taxonomies.map(\.name))
        // On all cores, fields read in place: copying 10,000 pages would retain every one of their strings.
        let pageJobs = Array(content.pages.indices).concurrentMap { index -> [RenderJob] in
            if let collection = content.pages[index].collection, described.contains(collection) { return [] }
            let source = content.pages[index].source
            let collection = content.pages[index].collection
            let isListPage = content.pages[index].isListPage
            let candidates = TemplateSet.candidates(
                explicit: content.pages[index].template, collection: collection, isListPage: isListPage,
                isHome: source == "content/index.md", isNotFound: source == "content/404.md")
            let size = isListPage ? collection.flatMap { content.config.collection(named: $0)?.paginate } : nil
            return jobs(.page(index), url: urls[index], source: source, candidates: candidates,
                        itemCount: size == nil ? 0 : values.listItems(of: index).count, size: size)
        }
        plan.jobs.reserveCapacity(content.pages.count)
        for jobs in pageJobs { plan.add(jobs) }
        for (position, taxonomy) in content.taxonomies.enumerated() {
            let source = { (page: Int?) in page.map { content.pages[$0].source } ?? "site.yml" }
            plan.add(jobs(.taxonomy(position), url: taxonomy.url, source: source(taxonomy.indexPage),
                          candidates: ["\(taxonomy.name)/list.html", "taxonomy.html"], itemCount: 0, size: nil))
            for (place, term) in taxonomy.terms.enumerated() {
                plan.add(jobs(.term(taxonomy: position, term: place), url: term.url(in: taxonomy.name),
                              source: source(term.description), candidates: ["\(taxonomy.name)/term.html", "term.html"],
                              itemCount: term.pages.count, size: taxonomy.config.paginate))
            }
        }
        try plan.checkCollisions(content: content)
        return plan
    }

    /// The jobs of one page: one, or one per numbered page when its list is paginated.
    private static func jobs(_ subject: RenderJob.Subject, url: String, source: String, candidates: [String],
                             itemCount: Int, size: Int?) -> [RenderJob] {
        Pagination.pagers(itemCount: itemCount, size: size, baseURL: url).map { pager in
            RenderJob(subject: subject, url: pager?.url ?? url, source: source, candidates: candidates, pager: pager)
        }
    }

    private mutating func add(_ pageJobs: [RenderJob]) {
        jobs += pageJobs
        redirects += Pagination.redirects(for: pageJobs.map(\.pager))
    }

    /// A generated page (a term, a taxonomy index, a numbered list page) on the URL of a content page, or of
    /// another generated page, compared as hosts compare them (letter case aside).
    private func checkCollisions(content: ContentSet) throws(BuildFailure) {
        // Content pages were compared with each other when loading; only generated pages can add a collision.
        let generated = jobs.filter(\.isGenerated)
        guard !generated.isEmpty else { return }
        var owners: [String: RenderJob] = [:]
        var diagnostics: [Diagnostic] = []
        for job in jobs where !job.isGenerated { owners[Self.key(job.url)] = job }
        for job in generated {
            let key = Self.key(job.url)
            guard let other = owners[key] else {
                owners[key] = job
                continue
            }
            diagnostics.append(Diagnostic(file: other.source, line: 1, column: 1,
                                          message: "URL '\(job.url)' is also \(Self.describe(job, content: content))",
                                          notes: ["rename the page (or give it a permalink), or rename the taxonomy in site.yml"]))
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics: diagnostics) }
    }

    /// An output file as hosts compare them: Unicode-normalized, letter case aside.
    private static func key(_ url: String) -> String {
        let file = SitePath.outputFile(for: url)
        return (file.utf8.allSatisfy { $0 < 0x80 } ? file : file.precomposedStringWithCanonicalMapping).lowercased()
    }

    /// "the page of the topics term 'money'", for collision messages.
    private static func describe(_ job: RenderJob, content: ContentSet) -> String {
        let number = job.pager.map { $0.number > 1 ? "page \($0.number) of " : "" } ?? ""
        switch job.subject {
        case .page(let index): return number + content.pages[index].source
        case .taxonomy(let position): return "the index of the taxonomy '\(content.taxonomies[position].name)'"
        case .term(let taxonomy, let term):
            return number + "the page of the \(content.taxonomies[taxonomy].name) term '\(content.taxonomies[taxonomy].terms[term].name)'"
        }
    }
}
