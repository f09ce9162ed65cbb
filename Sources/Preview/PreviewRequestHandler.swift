import Foundation

/// Answers every request from the current snapshot; never reads the disk.
///
/// Each request copies the snapshot once, so a rebuild swapping it mid-request cannot mix builds,
/// and no request waits for a build (the lock is held only for that copy).
struct PreviewRequestHandler: Sendable {
    let snapshot: Locked<SiteSnapshot>

    func respond(to request: Request) -> Response {
        let response = route(request)
        guard request.method == "HEAD", case .bytes(let data) = response.body else { return response }
        var head = response
        head["Content-Length"] = String(data.count)
        head.omitsBody = true
        return head
    }

    private func route(_ request: Request) -> Response {
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = Response.text(405, "405 Method Not Allowed\n")
            response["Allow"] = "GET, HEAD"
            return response
        }
        let current = snapshot.current
        let rawPath = request.path
        if rawPath == LiveReloadScript.eventsPath {
            let body: Response.Body = request.method == "GET" ? .eventStream(version: current.version) : .bytes(Data())
            return Response(status: 200, contentType: "text/event-stream; charset=utf-8", body: body)
        }
        guard let resolved = RequestPath.resolve(rawPath) else { return notFound(current) }
        let file = current.files[resolved.key]
        if let report = current.errorReport, file.map({ ContentType.isHTML($0.contentType) }) ?? true {
            return Response(status: 500, contentType: ContentType.html,
                            body: .bytes(ErrorPage.html(report: report, version: current.version)))
        }
        if let file {
            return serve(file, version: current.version, request: request)
        }
        if !resolved.isDirectory, current.files[resolved.key + "/index.html"] != nil {
            var response = Response.text(301, "")
            response["Location"] = RequestPath.folderURL(for: resolved.key)
            return response
        }
        return notFound(current)
    }

    private func serve(_ file: ServedFile, version: String, request: Request) -> Response {
        let isHTML = ContentType.isHTML(file.contentType)
        let etag = isHTML ? ETag.tag(file.etag, suffix: version) : file.etag
        let body = isHTML ? LiveReloadScript.inject(into: file.data, version: version) : file.data
        var response = Response(status: 200, contentType: file.contentType, body: .bytes(body))
        response["ETag"] = etag
        if let ifNoneMatch = request.headers["if-none-match"], ETag.matches(ifNoneMatch: ifNoneMatch, etag: etag) {
            response.status = 304
            response["Content-Length"] = String(body.count)
            response.omitsBody = true
        }
        return response
    }

    private func notFound(_ current: SiteSnapshot) -> Response {
        guard let page = current.files["404.html"] else { return Response.text(404, "404 Not Found\n") }
        return Response(status: 404, contentType: ContentType.html,
                        body: .bytes(LiveReloadScript.inject(into: page.data, version: current.version)))
    }
}
