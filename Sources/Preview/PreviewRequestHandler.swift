import FlyingFox
import Foundation

/// Answers every request from the current snapshot; never reads the disk.
///
/// Each request copies the snapshot reference once, so a rebuild swapping it mid-request cannot mix builds,
/// and no request waits for a build (the lock is held only for that copy).
struct PreviewRequestHandler: HTTPHandler {
    /// Longer request targets get 414: no page of a static site has a URL anywhere near this.
    static let maximumTargetLength = 8 * 1024
    /// More header bytes than this get 431.
    static let maximumHeaderBytes = 32 * 1024

    let snapshot: Locked<SiteSnapshot>
    let events: EventHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        respond(to: request)
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.target.rawValue.utf8.count > Self.maximumTargetLength {
            return plain(.uriTooLong, "414 URI Too Long\n", request: request)
        }
        let headerBytes = request.headers.reduce(0) { $0 + $1.key.rawValue.utf8.count + $1.value.utf8.count + 4 }
        if headerBytes > Self.maximumHeaderBytes {
            return plain(.requestHeaderFieldsTooLarge, "431 Request Header Fields Too Large\n", request: request)
        }
        guard request.method == .GET || request.method == .HEAD else {
            var response = plain(.methodNotAllowed, "405 Method Not Allowed\n", request: request)
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        let current = snapshot.current
        let rawPath = request.target.path()
        if rawPath == LiveReloadScript.eventsPath {
            return eventStream(version: current.version, request: request)
        }
        guard let resolved = SitePath.resolve(rawPath) else { return notFound(current, request: request) }
        let file = current.files[resolved.key]
        if let report = current.errorReport, file.map({ ContentType.isHTML($0.contentType) }) ?? true {
            return page(.internalServerError, ErrorPage.html(report: report, version: current.version), request: request)
        }
        if let file {
            return serve(file, version: current.version, request: request)
        }
        if !resolved.isDirectory, current.files[resolved.key + "/index.html"] != nil {
            var response = plain(.movedPermanently, "", request: request)
            response.headers[.location] = SitePath.folderURL(for: resolved.key)
            return response
        }
        return notFound(current, request: request)
    }

    private func serve(_ file: ServedFile, version: String, request: HTTPRequest) -> HTTPResponse {
        let isHTML = ContentType.isHTML(file.contentType)
        let etag = isHTML ? ETag.tag(file.etag, suffix: version) : file.etag
        let body = isHTML ? LiveReloadScript.inject(into: file.data, version: version) : file.data
        var headers = Self.baseHeaders(contentType: file.contentType)
        headers[.eTag] = etag
        if let ifNoneMatch = request.headers[.ifNoneMatch], ETag.matches(ifNoneMatch: ifNoneMatch, etag: etag) {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: .notModified, headers: headers)
        }
        return Self.response(.ok, headers: headers, body: body, request: request)
    }

    private func notFound(_ current: SiteSnapshot, request: HTTPRequest) -> HTTPResponse {
        guard let page = current.files["404.html"] else {
            return plain(.notFound, "404 Not Found\n", request: request)
        }
        return self.page(.notFound, LiveReloadScript.inject(into: page.data, version: current.version), request: request)
    }

    private func eventStream(version: String, request: HTTPRequest) -> HTTPResponse {
        var headers = Self.baseHeaders(contentType: "text/event-stream; charset=utf-8")
        guard request.method == .GET else { return HTTPResponse(statusCode: .ok, headers: headers) }
        headers[.connection] = "keep-alive"
        let body = HTTPBodySequence(from: events.subscribe(version: version), suggestedBufferSize: 4096)
        return HTTPResponse(statusCode: .ok, headers: headers, body: body)
    }

    private func page(_ status: HTTPStatusCode, _ html: Data, request: HTTPRequest) -> HTTPResponse {
        Self.response(status, headers: Self.baseHeaders(contentType: ContentType.forPath("x.html")), body: html, request: request)
    }

    private func plain(_ status: HTTPStatusCode, _ text: String, request: HTTPRequest) -> HTTPResponse {
        let headers = Self.baseHeaders(contentType: ContentType.forPath("x.txt"))
        return Self.response(status, headers: headers, body: Data(text.utf8), request: request)
    }

    /// HEAD gets the headers GET would, with the real length and no body.
    private static func response(_ status: HTTPStatusCode, headers: HTTPHeaders, body: Data, request: HTTPRequest) -> HTTPResponse {
        guard request.method == .HEAD else { return HTTPResponse(statusCode: status, headers: headers, body: body) }
        var headers = headers
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: status, headers: headers)
    }

    /// `no-cache` means "revalidate every time": with ETags that is one cheap 304 per unchanged file,
    /// and an edited file is never served stale from the browser cache.
    private static func baseHeaders(contentType: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-cache"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        return headers
    }
}
