import Foundation

/// The last good build's link check, for checking only what an incremental build changed.
///
/// A page's verdict depends on its own bytes (its links, `<base>`, script attributes), on which files exist,
/// and on the ids of the pages its fragments name. The last build passed, so when the same files exist and
/// every page whose bytes changed still has the same ids, every unchanged page still passes, and only the
/// changed pages are checked; anything else checks every page. Pages with the same bytes keep their scans.
///
/// `@unchecked Sendable`: `filled` is set once, after the check, by the thread that ran it.
final class LinkMemo: @unchecked Sendable {
    struct Page: Sendable {
        var data: Data
        var scan: HTMLAttributeScanner.Result
    }

    /// What one good build's check saw: each HTML page's bytes and scan, and every output path.
    struct State: Sendable {
        var pages: [String: Page] = [:]
        var paths: Set<String> = []
    }

    let previous: State
    private(set) var filled = State()
    /// How many pages the last check looked at (nil: all of them).
    private(set) var checked: Int?

    init(previous: State = State()) {
        self.previous = previous
    }

    /// The last scan of `page`, when its bytes are the same.
    func scan(of page: String, _ data: Data) -> HTMLAttributeScanner.Result? {
        guard let known = previous.pages[page], known.data == data else { return nil }
        return known.scan
    }

    /// The indices of the pages to check, or nil for all of them.
    func pagesToCheck(_ checker: LinkChecker) -> [Int]? {
        guard !previous.pages.isEmpty, previous.paths.count == checker.files.count,
              checker.files.keys.allSatisfy(previous.paths.contains) else { return nil }
        var changed: [Int] = []
        for (index, page) in checker.pages.enumerated() {
            guard let known = previous.pages[page] else { return nil }
            if known.data == checker.pageData[index] { continue }
            guard known.scan.idValues(in: known.data) == checker.scans[index].idValues(in: checker.pageData[index]) else { return nil }
            changed.append(index)
        }
        checked = changed.count
        return changed
    }

    /// Keeps what `checker` saw, for the next build.
    func keep(_ checker: LinkChecker) {
        var state = State()
        state.paths = Set(checker.files.keys)
        state.pages.reserveCapacity(checker.pages.count)
        for (index, page) in checker.pages.enumerated() {
            state.pages[page] = Page(data: checker.pageData[index], scan: checker.scans[index])
        }
        filled = state
    }
}
