import Foundation

/// Unicode normalization (NFC) of slugs, collection names and URLs.
extension String {
    /// `precomposedStringWithCanonicalMapping`, without the trip through Foundation for ASCII text,
    /// which normalization never changes. Runs for every file name, slug and relation item of a site.
    var precomposed: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
