import Foundation

/// The live-reload `pages` event: which open pages swap their `<main>` in place and which reload.
///
/// Sent when a build changed no stylesheet and added no page (`SiteChange.classify`). A tab whose page is
/// in neither list, and which loaded none of `assets`, did not change: it only takes the new version. Pages are named by their key in the build
/// (`timeline/x/index.html`, `404.html`), which the script injected into each response carries, so a page
/// served under the base path or as the 404 answer to another address still knows which file it shows.
struct PageUpdate: Sendable, Equatable, Encodable {
    /// The version the tabs take (`SiteSnapshot.version`); filled in when the event is sent.
    var version = ""
    /// Pages whose change is all inside `<main>` (`MainRegion.swappable`), sorted.
    var swap: [String] = []
    /// Pages that changed elsewhere too (head, header, footer, scripts), sorted.
    var reload: [String] = []
    /// Other changed files (scripts, images, the search index's shards), sorted: a tab that loaded one of
    /// them (the Resource Timing entries the browser keeps) reloads.
    var assets: [String] = []

    /// Sorts the changed pages into the two lists by comparing each one's old and new bytes, on every core
    /// (a template edit changes every page).
    init(changed: [(path: String, old: Data, new: Data)], assets: [String] = []) {
        var swappable = [Bool](repeating: false, count: changed.count)
        swappable.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), max(1, changed.count / 16))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in (changed.count * worker / workers)..<(changed.count * (worker + 1) / workers) {
                    slots[index] = MainRegion.swappable(old: changed[index].old, new: changed[index].new)
                }
            }
        }
        for (index, page) in changed.enumerated() {
            if swappable[index] { swap.append(page.path) } else { reload.append(page.path) }
        }
        swap.sort()
        reload.sort()
        self.assets = assets.sorted()
    }

    init(version: String = "", swap: [String], reload: [String], assets: [String] = []) {
        self.version = version
        self.swap = swap
        self.reload = reload
        self.assets = assets
    }

    /// One line of JSON, the event's `data`.
    func json(version: String) -> String {
        var update = self
        update.version = version
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(update) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
