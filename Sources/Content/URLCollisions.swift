import Foundation

/// Finds pages (and copied files) that would be written to the same place.
///
/// URLs are compared after Unicode normalization and lower-casing, because many hosts and
/// file systems (macOS, Windows, S3 behind some CDNs) treat `/About/` and `/about/` as one.
enum URLCollisions {
    static func find(pages: [Page], assets: [Asset]) -> [ContentError] {
        var owners: [String: (source: String, url: String)] = [:]
        var errors: [ContentError] = []
        for position in pages.indices {
            let key = normalized(pages[position].outputPath)
            if let other = owners[key] {
                // The note only where it explains something: two URLs that are not the same string.
                let url = pages[position].url
                let notes = url == other.url ? [] : ["'\(url)' and '\(other.url)' differ only in letter case, and collide on many hosts"]
                errors.append(ContentError(.duplicateURL, file: pages[position].source, line: 1, column: 1,
                                           message: "URL '\(url)' is also produced by \(other.source)", notes: notes))
            } else {
                owners[key] = (pages[position].source, pages[position].url)
            }
        }
        for asset in assets {
            if let other = owners[normalized(asset.output)]?.source {
                errors.append(ContentError(.duplicateURL, file: asset.source,
                                           message: "this file would overwrite the page from \(other)"))
            }
        }
        return errors
    }

    private static func normalized(_ path: String) -> String {
        path.precomposed.lowercased()
    }
}
