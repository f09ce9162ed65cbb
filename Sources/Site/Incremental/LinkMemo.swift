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

    /// What one good build's check saw: each HTML page's bytes and scan, and every output path; in a session, the
    /// check itself (`checker`), from which both are made only when asked for (`SessionCache` saves them).
    struct State: Sendable {
        /// The last check, whose lists, tables and scans the next one reuses (`LinkChecker+Reuse`).
        private(set) var checker: LinkChecker?
        private var storedPages: [String: Page] = [:]
        private var storedPaths: Set<String> = []

        init() {}

        init(_ checker: LinkChecker) {
            self.checker = checker
        }

        var pages: [String: Page] {
            get { checker.map(Self.pages(of:)) ?? storedPages }
            set {
                materialize()
                storedPages = newValue
            }
            // In place, so that filling it one page at a time (`SessionCache+Links`) copies nothing.
            _modify {
                materialize()
                yield &storedPages
            }
        }

        var paths: Set<String> {
            get { checker.map { Set($0.files.keys) } ?? storedPaths }
            set {
                materialize()
                storedPaths = newValue
            }
            _modify {
                materialize()
                yield &storedPaths
            }
        }

        /// The pages and paths as stored values, for changing one of them.
        private mutating func materialize() {
            guard let checker else { return }
            storedPages = Self.pages(of: checker)
            storedPaths = Set(checker.files.keys)
            self.checker = nil
        }

        private static func pages(of checker: LinkChecker) -> [String: Page] {
            var pages: [String: Page] = [:]
            pages.reserveCapacity(checker.pages.count)
            for (index, page) in checker.pages.enumerated() {
                pages[page] = Page(data: checker.pageData[index], scan: checker.scans[index])
            }
            return pages
        }
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
        if let last = previous.checker {
            guard let index = last.targets[page], index >= 0, last.pageData[index].sameBytes(as: data) else { return nil }
            return last.scans[index]
        }
        guard let known = previous.pages[page], known.data.sameBytes(as: data) else { return nil }
        return known.scan
    }

    /// The indices of the pages to check, or nil for all of them.
    func pagesToCheck(_ checker: LinkChecker) -> [Int]? {
        if let last = previous.checker {
            // The same files exist exactly when the checker took the last one's names (`LinkChecker+Reuse`).
            guard checker.pages.withUnsafeBufferPointer({ $0.baseAddress }) == last.pages.withUnsafeBufferPointer({ $0.baseAddress })
            else { return nil }
            return changedPages(checker, lastData: last.pageData, lastScans: last.scans)
        }
        guard !previous.pages.isEmpty, previous.paths.count == checker.files.count,
              checker.files.keys.allSatisfy(previous.paths.contains) else { return nil }
        var lastData: [Data] = []
        var lastScans: [HTMLAttributeScanner.Result] = []
        for page in checker.pages {
            guard let known = previous.pages[page] else { return nil }
            lastData.append(known.data)
            lastScans.append(known.scan)
        }
        return changedPages(checker, lastData: lastData, lastScans: LinkScans(lastScans))
    }

    /// The pages whose bytes changed, when every one of them keeps its ids; nil otherwise. A checker made from the
    /// last one has found them already (`LinkChecker.changedSinceLast`).
    private func changedPages(_ checker: LinkChecker, lastData: [Data], lastScans: LinkScans) -> [Int]? {
        var changed: [Int] = []
        for index in checker.changedSinceLast ?? Array(checker.pages.indices) {
            if lastData[index].sameBytes(as: checker.pageData[index]) { continue }
            guard lastScans[index].idValues(in: lastData[index]) == checker.scans[index].idValues(in: checker.pageData[index]) else { return nil }
            changed.append(index)
        }
        checked = changed.count
        return changed
    }

    /// Keeps what `checker` saw, for the next build.
    func keep(_ checker: LinkChecker) {
        filled = State(checker)
    }
}
