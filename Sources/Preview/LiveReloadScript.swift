import Foundation

/// The small script that keeps an open page in step with the preview server.
///
/// It is added to HTML responses as they are served, never to the built files, so `build-site build`
/// output stays byte-for-byte the same as what gets deployed. It listens on a Server-Sent Events stream
/// (plain HTTP, reconnects by itself, no WebSocket handshake): `reload` reloads the page, `css` swaps the
/// same-origin stylesheets with a cache-busting query so the page keeps its scroll position and state.
/// `hello` carries the server's current version on every (re)connect; a page served by an older version
/// (say, while the server was restarting) reloads instead of missing the change.
enum LiveReloadScript {
    /// Reserved path of the event stream; no built file can live under `__build-site/`.
    static let eventsPath = "/__build-site/events"

    /// The `<script>` element for a page served at `version`.
    static func tag(version: String) -> String {
        """
        <script data-build-site-live-reload>
        (function () {
          var version = "\(version)";
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
        })();
        </script>
        """
    }

    /// `html` with the script inserted before the last `</body>` (or appended when there is none).
    static func inject(into html: Data, version: String) -> Data {
        let script = Data(tag(version: version).utf8)
        guard let index = lastBodyClose(in: html) else { return html + script }
        var result = Data(capacity: html.count + script.count)
        result.append(html[html.startIndex..<index])
        result.append(script)
        result.append(html[index...])
        return result
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
