/// A whole YAML file read into located `Node`s by the same rules as front matter and `site.yml` (mapping order
/// kept, scalars typed the same way, dates under date keys): for data files (`data/*.yml`).
public enum YAMLDocument {
    /// Decodes and reads `bytes`. Returns nil with no error for an empty document.
    /// - Parameter file: the root-relative path, for errors (`data/figures.yml`).
    public static func read(_ bytes: [UInt8], file: String) -> (node: Node?, errors: [ContentError]) {
        let text: String
        switch SourceText.decode(bytes, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let error): return (nil, [error])
        }
        var reader = YAMLReader(file: file, lineOffset: 0)
        let node = reader.read(text)
        return (node, reader.errors)
    }
}
