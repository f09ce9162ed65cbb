import Foundation

/// Finds pages (and copied files) that would be written to the same place.
///
/// URLs are compared after Unicode normalization and lower-casing, because many hosts and
/// file systems (macOS, Windows, S3 behind some CDNs) treat `/About/` and `/about/` as one.
enum URLCollisions {
    static func find(pages: [Page], assets: [Asset]) -> [ContentError] {
        var owners: [String: String] = [:]
        var errors: [ContentError] = []
        for position in pages.indices {
            let key = normalized(pages[position].outputPath)
            if let other = owners[key] {
                errors.append(ContentError(.duplicateURL, file: pages[position].source, line: 1, column: 1,
                                           message: "URL '\(pages[position].url)' is also produced by \(other)",
                                           notes: ["URLs that differ only in letter case collide on many hosts"]))
            } else {
                owners[key] = pages[position].source
            }
        }
        for asset in assets {
            if let other = owners[normalized(asset.output)] {
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
