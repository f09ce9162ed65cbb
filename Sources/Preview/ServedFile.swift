import Foundation

/// One output file with what every response for it needs, computed once per build instead of per request.
struct ServedFile: Sendable, Equatable {
    var data: Data
    var etag: String
    var contentType: String

    init(path: String, data: Data) {
        self.data = data
        self.etag = ETag.of(data)
        self.contentType = ContentType.forPath(path)
    }
}
