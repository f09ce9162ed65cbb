import Foundation

/// Answers every request from the current snapshot; never reads the disk.
///
/// Each request copies the snapshot once, so a rebuild swapping it mid-request cannot mix builds,
/// and no request waits for a build (the lock is held only for that copy).
struct PreviewRequestHandler: Sendable {
    let snapshot: Locked<SiteSnapshot>
    /// Which `Host` values name this server; any other is refused (DNS rebinding).
    let hosts: HostCheck

    func respond(to request: Request) -> Response {
        guard hosts.permits(host: request.headers["host"], version: request.version) else {
            return Response.text(403, "403 Forbidden: this preview answers only to its own address "
                + "(such as 127.0.0.1 or localhost with its port), not to Host '\(request.headers["host"] ?? "")'\n")
        }
        let response = route(request)
        guard request.method == "HEAD", let count = response.byteCount else { return response }
        var head = response
        head["Content-Length"] = String(count)
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
        if current.basePath != "/", rawPath + "/" == current.basePath {
            var response = Response.text(301, "")
            response["Location"] = current.basePath
            return response
        }
        guard let (resolved, mount) = Self.resolve(rawPath, in: current) else { return notFound(current, near: nil) }
        let file = current.files[resolved.key]
        if let report = current.errorReport, file.map({ ContentType.isHTML($0.contentType) }) ?? true {
            return Response(status: 500, contentType: ContentType.html,
                            body: .bytes(ErrorPage.html(report: report, version: current.version)))
        }
        if let file {
            return serve(file, key: resolved.key, root: mount, version: current.version, request: request)
        }
        if !resolved.isDirectory, current.files[resolved.key + "/index.html"] != nil {
            var response = Response.text(301, "")
            response["Location"] = String(mount.dropLast()) + RequestPath.folderURL(for: resolved.key)
            return response
        }
        return notFound(current, near: resolved.key)
    }

    /// The file a request names: its path in the site, or else the same path below the site's base path
    /// (`/mentor-to-rival/timeline/` for a `base_url` of `https://example.org/mentor-to-rival/`), so that the
    /// preview answers both at `/` and where the published site will be (where the 404 page's script points
    /// its `<base>` when the page is served below that path).
    /// Also returns where the site was found (`/` or the base path), for the redirect of a bare folder.
    static func resolve(_ rawPath: String, in current: SiteSnapshot) -> (RequestPath.Resolved, mount: String)? {
        let resolved = RequestPath.resolve(rawPath)
        let base = current.basePath
        guard base != "/", rawPath.hasPrefix(base) else { return resolved.map { ($0, "/") } }
        if let resolved, current.files[resolved.key] != nil || current.files[resolved.key + "/index.html"] != nil {
            return (resolved, "/")  // the site's own file of that name wins
        }
        return RequestPath.resolve("/" + rawPath.dropFirst(base.count)).map { ($0, base) }
    }

    private func serve(_ file: ServedFile, key: String, root: String, version: String, request: Request) -> Response {
        let isHTML = ContentType.isHTML(file.contentType)
        let etag = isHTML ? ETag.tag(file.etag, suffix: version) : file.etag
        let body: Response.Body = isHTML
            ? .pieces(LiveReloadScript.pieces(of: file.data, version: version, page: key, root: root)) : .bytes(file.data)
        var response = Response(status: 200, contentType: file.contentType, body: body)
        response["ETag"] = etag
        if let ifNoneMatch = request.headers["if-none-match"], ETag.matches(ifNoneMatch: ifNoneMatch, etag: etag) {
            response.status = 304
            response["Content-Length"] = String(response.byteCount ?? 0)
            response.omitsBody = true
        }
        return response
    }

    /// The 404 page nearest the missing file `key` (`zh/timeline/typo/index.html`): a `404.html` in its folder
    /// or the closest folder above it (`zh/404.html`, a language's 404 page), else the root's, as Cloudflare Pages
    /// serves them; `nil` when the site has none.
    static func notFoundFile(near key: String?, in files: [String: ServedFile]) -> String? {
        var folders = (key ?? "").split(separator: "/").dropLast()
        while !folders.isEmpty {
            let candidate = folders.joined(separator: "/") + "/404.html"
            if files[candidate] != nil { return candidate }
            folders.removeLast()
        }
        return files["404.html"] == nil ? nil : "404.html"
    }

    private func notFound(_ current: SiteSnapshot, near key: String?) -> Response {
        guard let page = Self.notFoundFile(near: key, in: current.files).flatMap({ current.files[$0] }) else {
            return Response.text(404, "404 Not Found\n")
        }
        return Response(status: 404, contentType: ContentType.html,
                        body: .pieces(LiveReloadScript.pieces(of: page.data, version: current.version, page: "404.html")))
    }
}
