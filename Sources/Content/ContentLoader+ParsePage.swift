import Foundation

extension ContentLoader {
    /// Parses one page file's bytes exactly as `load` does (decoding, front-matter split, YAML, known keys),
    /// without touching the disk or resolving relations.
    ///
    /// Public for the fuzzer (`Fuzz/`) and tools that check one file; a site build uses `load`.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - path: where it sits below the site root, e.g. "content/timeline/x.md"; it gives the page its route.
    /// - Returns: the page when it parsed without errors, and every error found.
    public static func parsePage(data: Data, path: String) -> (page: Page?, errors: [ContentError]) {
        let components = path.split(separator: "/").dropFirst().map(String.init)
        let file = ContentTree.SourceFile(url: URL(fileURLWithPath: "/dev/null"), path: path, components: components)
        if data.isEmpty { return (nil, [ContentError(.emptyFile, file: path, message: "file is empty")]) }
        switch SourceText.decode(data, file: path) {
        case .success(let text):
            let outcome = PageParser.parse(text: text, file: file)
            return (outcome.errors.isEmpty ? outcome.page : nil, outcome.errors)
        case .failure(let error):
            return (nil, [error])
        }
    }
}
