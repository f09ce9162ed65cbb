import Foundation

/// The page every HTML request gets while the site does not build.
///
/// It shows the same `file:line:col: error: message` lines the CLI prints (with the source excerpt when the
/// file is readable), HTML-escaped because messages quote user input such as `<script>` in a title.
/// The live-reload script is attached, so fixing the file brings the site back without touching the browser.
enum ErrorPage {
    /// The overlay for `report` (one entry per diagnostic, possibly several lines each).
    static func html(report: [String], version: String) -> Data {
        let items = report.map { "<pre>" + escape($0) + "</pre>" }.joined(separator: "\n")
        let noun = report.count == 1 ? "error" : "errors"
        let page = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Build failed — build-site preview</title>
        <style>
        body { margin: 0; background: #1d1f21; color: #e8e6e3; font: 15px/1.5 system-ui, sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem; }
        h1 { color: #ff6b6b; font-size: 1.3rem; margin: 0 0 .25rem; }
        p { color: #a8a6a3; margin: 0 0 1.5rem; }
        pre { background: #282a2e; border-left: 4px solid #ff6b6b; padding: .9rem 1rem; overflow-x: auto;
              font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; white-space: pre-wrap; }
        </style>
        </head>
        <body>
        <main>
        <h1>Build failed: \(report.count) \(noun)</h1>
        <p>The preview keeps running. Save a fix and this page reloads by itself.</p>
        \(items)
        </main>
        </body>
        </html>

        """
        return LiveReloadScript.inject(into: Data(page.utf8), version: version)
    }

    /// Escapes the five characters that matter in HTML text and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
