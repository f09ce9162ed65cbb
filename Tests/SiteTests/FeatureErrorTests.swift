import Foundation
import Testing
@testable import Site

/// Bad taxonomies, pagination settings, aliases and redirects on the `features` fixture, each with the
/// location and message the build must report (the edit format of `errors.json`).
@Suite("Taxonomy, pagination and alias mistakes give located errors")
struct FeatureErrorTests {
    static let cases: [BuildErrorCase] = [
        .init(name: "pagination size of 0", edits: [.init(file: "site.yml", find: "    sort_by: date\n    paginate: 2", replace: "    sort_by: date\n    paginate: 0")],
              location: "site.yml:16:15", message: "'paginate': expected a whole number of items per page, at least 1, found 0"),
        .init(name: "pagination size not a whole number", edits: [.init(file: "site.yml", find: "    paginate: 2\ncollections", replace: "    paginate: 2.5\ncollections")],
              location: "site.yml:11:15", message: "found 2.5"),
        .init(name: "pagination size a word", edits: [.init(file: "site.yml", find: "    paginate: 2\ncollections", replace: "    paginate: ten\ncollections")],
              location: "site.yml:11:15", message: "found a string"),
        .init(name: "unknown taxonomy", edits: [.init(file: "content/timeline/b.md", find: "topics: [money]", replace: "topic: [money]")],
              location: "content/timeline/b.md:4:1", message: "unknown taxonomy 'topic' — did you mean 'topics'?"),
        .init(name: "term differing only in case", edits: [.init(file: "content/timeline/b.md", find: "topics: [money]", replace: "topics: [Money]")],
              location: "content/timeline/b.md:4:10", message: "'Money' differs from the topics term 'money' only in case or spacing — a typo?"),
        .init(name: "term differing only in spacing", edits: [.init(file: "content/timeline/d.md", find: "topics: [money, 诉讼]", replace: "topics: [money, AIrace]")],
              location: "content/timeline/d.md:4:17", message: "'AIrace' differs from the topics term 'AI race'"),
        .init(name: "two terms with one slug", edits: [.init(file: "content/timeline/b.md", find: "topics: [money]", replace: "topics: [money, C++]"),
                                                      .init(file: "content/timeline/e.md", find: "aliases:", replace: "topics: [C#]\naliases:")],
              location: "content/timeline/e.md:4:10", message: "topics terms 'C#' and 'C++' would both be at /topics/c/"),
        .init(name: "term without letters", edits: [.init(file: "content/timeline/b.md", find: "topics: [money]", replace: "topics: [money, \"?!\"]")],
              location: "content/timeline/b.md:4:17", message: "has no letter or digit"),
        .init(name: "terms not a list", edits: [.init(file: "content/timeline/b.md", find: "topics: [money]", replace: "topics: money")],
              location: "content/timeline/b.md:4:9", message: "'topics': expected a list of terms"),
        .init(name: "description of no term", edits: [.init(file: "content/topics/mony.md", find: nil, replace: "---\ntitle: Mony\n---\nTypo.\n")],
              location: "content/topics/mony.md:1:1", message: "no page lists the topics term 'mony' this file describes — did you mean 'money'?"),
        .init(name: "unknown taxonomy setting", edits: [.init(file: "site.yml", find: "    title: Topics", replace: "    titel: Topics")],
              location: "site.yml:10:5", message: "unknown setting 'titel' for taxonomy 'topics'"),
        .init(name: "taxonomy named like a collection", edits: [.init(file: "site.yml", find: "taxonomies:\n  topics:", replace: "taxonomies:\n  timeline:")],
              location: "site.yml:9:3", message: "taxonomy 'timeline' has the name of a collection"),
        .init(name: "page on a taxonomy's address", edits: [.init(file: "content/topics.md", find: nil, replace: "---\ntitle: Topics page\n---\nHere.\n")],
              location: "content/topics.md:1:1", message: "URL '/topics/' is also the index of the taxonomy 'topics'"),
        .init(name: "alias colliding with a page", edits: [.init(file: "content/about.md", find: "/info.html", replace: "/timeline/b/")],
              location: "content/about.md:3:23", message: "alias '/timeline/b/' is the address of content/timeline/b.md"),
        .init(name: "alias colliding with a generated page", edits: [.init(file: "content/about.md", find: "/info.html", replace: "/Topics/Lawsuits/")],
              location: "content/about.md:3:23", message: "alias '/Topics/Lawsuits/' is the address of the generated file topics/lawsuits/index.html"),
        .init(name: "alias colliding with another", edits: [.init(file: "content/timeline/e.md", find: "/timeline/old-e/", replace: "/about-us/")],
              location: "content/timeline/e.md:4:11", message: "alias '/about-us/' is also an old address in content/about.md:3"),
        .init(name: "alias leaving the site", edits: [.init(file: "content/about.md", find: "/info.html", replace: "/../../etc/x/")],
              location: "content/about.md:3:23", message: "unsafe alias '/../../etc/x/'"),
        .init(name: "alias not a path", edits: [.init(file: "content/about.md", find: "/info.html", replace: "info.html")],
              location: "content/about.md:3:23", message: "alias 'info.html' must be a path on this site starting with '/'"),
        .init(name: "redirect to no page", edits: [.init(file: "site.yml", find: "/old-about/: /about/", replace: "/old-about/: /abuot/")],
              location: "site.yml:6:3", message: "redirect target '/abuot/' is not a page or file of this site"),
        .init(name: "redirect over a page", edits: [.init(file: "site.yml", find: "/old-about/: /about/", replace: "/about/: /timeline/")],
              location: "site.yml:6:3", message: "redirect '/about/' is the address of content/about.md"),
        .init(name: "redirects file over a static one", edits: [.init(file: "static/_redirects", find: nil, replace: "/a /b 301\n")],
              location: "static/_redirects", message: "would overwrite the generated file _redirects"),
    ]

    @Test(arguments: cases)
    func reportsTheError(_ errorCase: BuildErrorCase) throws {
        try errorCase.check(on: "features")
    }
}
