import Foundation

/// The small script that keeps an open page in step with the preview server.
///
/// It is added to HTML responses as they are served, never to the built files, so `build-site build`
/// output stays byte-for-byte the same as what gets deployed. It listens on a Server-Sent Events stream
/// (plain HTTP, reconnects by itself, no WebSocket handshake): `reload` reloads the page, `css` swaps the
/// same-origin stylesheets with a cache-busting query so the page keeps its scroll position and state.
/// `pages` (`PageUpdate`) names the pages and other files that changed: a page listed to `swap` fetches
/// itself once and replaces its `<main>` with the new one, keeping the scroll position; a page listed to
/// `reload`, or one that loaded a changed file (its Resource Timing entries), reloads; any other page only
/// takes the new version. `hello` carries the server's current version on every (re)connect; a page served
/// by an older version (say, while the server was restarting) reloads instead of missing the change.
enum LiveReloadScript {
    /// Reserved path of the event stream; no built file can live under `__build-site/`.
    static let eventsPath = "/__build-site/events"

    /// The `<script>` element for a page served at `version`. `page` is the file's key in the build
    /// (`timeline/x/index.html`; empty for the error page), `root` where the site is served from (`/` or
    /// the base path), so the page can tell which of a `pages` event's files it uses.
    static func tag(version: String, page: String = "", root: String = "/") -> String {
        """
        <script data-build-site-live-reload>
        (function () {
          var version = "\(version)";
          var page = \(literal(page));
          var root = \(literal(root));
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("hello", function (e) { if (e.data !== version) location.reload(); });
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("css", function (e) {
            version = e.data;
            document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
              var url = new URL(link.href, location.href);
              if (url.origin !== location.origin) return;
              url.searchParams.set("__build_site", e.data);
              var fresh = link.cloneNode();
              fresh.href = url.href;
              fresh.onload = function () { link.remove(); };
              link.after(fresh);
            });
          });
          source.addEventListener("pages", function (e) {
            var update = JSON.parse(e.data);
            var used = performance.getEntriesByType("resource").map(function (r) { return r.name.split("#")[0].split("?")[0]; });
            var loaded = update.assets.some(function (file) { return used.indexOf(location.origin + root + file) >= 0; });
            if (loaded || update.reload.indexOf(page) >= 0) { location.reload(); return; }
            if (update.swap.indexOf(page) < 0) { version = update.version; return; }
            fetch(location.href, { cache: "no-store" }).then(function (response) {
              if (!response.ok && response.status !== 404) throw new Error(String(response.status));
              return response.text();
            }).then(function (html) {
              var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("main");
              var main = document.querySelector("main");
              if (!fresh || !main) throw new Error("no <main>");
              var x = window.scrollX, y = window.scrollY;
              main.replaceWith(document.importNode(fresh, true));
              window.scrollTo({ left: x, top: y, behavior: "instant" });
              version = update.version;
            }).catch(function () { location.reload(); });
          });
        })();
        </script>
        """
    }

    /// `html` with the script inserted before the last `</body>` (or appended when there is none).
    static func inject(into html: Data, version: String, page: String = "", root: String = "/") -> Data {
        let pieces = pieces(of: html, version: version, page: page, root: root)
        var result = Data(capacity: pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { result.append(piece) }
        return result
    }

    /// The same, as the pieces to send one after the other: the text before the last `</body>` and the rest are
    /// views of `html`'s buffer, not copies.
    static func pieces(of html: Data, version: String, page: String = "", root: String = "/") -> [Data] {
        let script = Data(tag(version: version, page: page, root: root).utf8)
        guard let index = lastBodyClose(in: html) else { return [html, script] }
        return [html[html.startIndex..<index], script, html[index...]]
    }

    /// A JavaScript string literal for `text` that cannot end the script element (`<` is written `\u003c`).
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar == "<" || scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}":
                out += "\\u" + String(format: "%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static let bodyClose = Array("</body".utf8)

    /// Index of the last `</body` (ASCII case-insensitive), scanning backwards since it sits near the end.
    private static func lastBodyClose(in data: Data) -> Data.Index? {
        let count = bodyClose.count
        guard data.count >= count else { return nil }
        var start = data.endIndex - count
        while start >= data.startIndex {
            var matched = true
            for offset in 0..<count where lowercased(data[start + offset]) != bodyClose[offset] {
                matched = false
                break
            }
            if matched { return start }
            start -= 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
    }
}
