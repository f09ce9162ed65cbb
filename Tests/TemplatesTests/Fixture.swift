import Foundation
import Templates

/// A template test case read from `Fixtures/` (format documented in `Fixtures/README.md`).
struct Fixture: CustomStringConvertible, Sendable {
    /// "success/if_else" — the path below `Fixtures/` without extension.
    let name: String
    let contextJSON: String
    /// Template name → source; the first section is "main.html".
    let templates: [String: String]
    let templateOrder: [String]
    /// The `.out` (success) or `.err` (errors) file's content.
    let expected: String

    var description: String { name }

    /// Fixtures named `ext_…` use features outside Jinja2's (our filters `slugify`/`json`, lenient undefined).
    var isSharedWithJinja: Bool { !(name.split(separator: "/").last ?? "").hasPrefix("ext_") }

    var context: [String: Value] {
        get throws {
            guard case .dictionary(let mapping) = try OrderedJSON.parse(contextJSON) else { return [:] }
            return Dictionary(uniqueKeysWithValues: zip(mapping.keys, mapping.values))
        }
    }

    static var root: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
                throw CocoaError(.fileNoSuchFile)
            }
            return url
        }
    }

    /// All fixtures in `Fixtures/<folder>/`, sorted by name.
    static func all(in folder: String) -> [Fixture] {
        guard let directory = try? root.appendingPathComponent(folder),
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        let expectedExtension = folder == "success" ? "out" : "err"
        return files.filter { $0.hasSuffix(".txt") }.sorted().compactMap { file in
            let base = String(file.dropLast(4))
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else { return nil }
            let expected = (try? String(contentsOf: directory.appendingPathComponent(base + "." + expectedExtension), encoding: .utf8)) ?? "<missing .\(expectedExtension) file>"
            return Fixture(name: folder + "/" + base, text: text, expected: expected)
        }
    }

    init(name: String, text: String, expected: String) {
        self.name = name
        self.expected = expected
        // Split on "\n" bytes: Swift treats "\r\n" as one character and would not split CRLF lines.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        var context: [String] = []
        var sections: [(String, [String])] = []
        for line in lines {
            // Separator lines may end in "\r" so that CRLF fixtures work; template lines keep theirs.
            let bare = line.hasSuffix("\r") ? String(line.dropLast()) : line
            if sections.isEmpty {
                if bare == "---" { sections.append(("main.html", [])) } else { context.append(line) }
            } else if bare.hasPrefix("--- "), !bare.dropFirst(4).contains(" ") {
                sections.append((String(bare.dropFirst(4)), []))
            } else {
                sections[sections.count - 1].1.append(line)
            }
        }
        contextJSON = context.joined(separator: "\n")
        // The newline before a separator belongs to the separator (for CRLF fixtures, its "\r" too).
        templates = Dictionary(sections.map { section in
            var text = section.1.joined(separator: "\n")
            if text.hasSuffix("\r") { text.removeLast() }
            return (section.0, text)
        }, uniquingKeysWith: { $1 })
        templateOrder = sections.map(\.0)
    }

    /// With `RECORD_FIXTURES=1`, writes `actual` as the fixture's expected file in the source tree
    /// (golden files are re-recorded only on purpose, then reviewed in the diff).
    func recordIfRequested(_ actual: String, extension fileExtension: String, filePath: String = #filePath) throws {
        guard ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" else { return }
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name + "." + fileExtension)
        try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    /// Every error of `error` as `file:line:col: message` lines, with notes indented below.
    static func format(_ errors: [TemplateError]) -> String {
        errors.map { error in
            ([error.location + ": " + error.message] + error.notes.map { "  note: " + $0 }).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
