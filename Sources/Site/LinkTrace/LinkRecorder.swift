import Foundation

/// Where each link `relative_url` wrote during one render came from: the template, line and column of the
/// filter call, by the link it returned. Only the re-render of a page with a broken link records (`LinkRetracer`).
final class LinkRecorder: @unchecked Sendable {
    struct Location: Sendable, Equatable {
        var file: String
        var line: Int
        var column: Int
    }

    private let lock = NSLock()
    private var locations: [String: Location] = [:]

    /// Keeps the first place a link was written: the one a reader meets first on the page.
    func record(_ link: String, at location: (file: String, line: Int, column: Int)?) {
        guard let location else { return }
        lock.withLock {
            if locations[link] == nil { locations[link] = Location(file: location.file, line: location.line, column: location.column) }
        }
    }

    /// What was recorded since the last call, which starts the record afresh (for the next page).
    func take() -> [String: Location] {
        lock.withLock {
            defer { locations = [:] }
            return locations
        }
    }
}
