import Content
import Foundation
import SiteInputs
import Templates

/// The `data` global: every `.yml`, `.yaml`, `.json` and `.csv` file under `data/`, read once per build.
///
/// `data/figures.yml` is `data.figures`, `data/money/rounds.csv` is `data.money.rounds`: a file's name without
/// its extension is its key, and a folder is a mapping of its files. Keys are in path order. A YAML or JSON file
/// holds any value; a CSV file is a list of rows, each a mapping from the header's names (see `CSVDataReader`).
/// Files are read through `SiteInputs` (`InputFolder`), so every read is recorded and nothing outside the root is followed.
enum DataFiles {
    static let folder = "data"
    static let extensions = ["yml", "yaml", "json", "csv"]

    /// The `data` value, or every problem found (each located at its file, line and column).
    /// - Parameter memo: in a session, the last build's values by bytes (`ParseMemo`).
    static func load(root: URL, log: ReadLog? = nil, memo: ParseMemo? = nil) throws(BuildFailure) -> Value {
        let source = try InputFolder(folder, root: root, log: log)
        var diagnostics = source.problems
        var tree = DataTree()
        for file in source.files {
            let name = (file.relativePath as NSString).lastPathComponent
            let fileExtension = (name as NSString).pathExtension.lowercased()
            guard extensions.contains(fileExtension) else {
                diagnostics.append(Diagnostic(file: file.path, message: "not a data file: data/ holds only .yml, .yaml, .json and .csv files",
                                              notes: ["move other files to static/ or content/"]))
                continue
            }
            guard let bytes = source.read(file, into: &diagnostics) else { continue }
            let parsed = memo?.value(of: file.path, bytes: bytes) { parse(bytes, file: file.path, extension: fileExtension) }
                ?? parse(bytes, file: file.path, extension: fileExtension)
            switch parsed {
            case .success(let value):
                let keys = String(file.relativePath.dropLast(fileExtension.count + 1)).split(separator: "/").map(String.init)
                if let clash = tree.insert(value, at: keys, file: file.path) { diagnostics.append(clash) }
            case .failure(let failure):
                diagnostics += failure.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw BuildFailure(diagnostics: diagnostics) }
        return tree.value
    }

    /// One file's value by its format.
    static func parse(_ bytes: [UInt8], file: String, extension fileExtension: String) -> Result<Value, BuildFailure> {
        switch fileExtension {
        case "json":
            return JSONDataReader.read(bytes, file: file).mapError { BuildFailure(diagnostics: [$0]) }
        case "csv":
            return CSVDataReader.read(bytes, file: file).mapError { BuildFailure(diagnostics: [$0]) }
        default:
            let (node, errors) = YAMLDocument.read(bytes, file: file)
            guard errors.isEmpty else {
                return .failure(BuildFailure(diagnostics: errors.map {
                    Diagnostic(file: $0.file, line: $0.line, column: $0.column, message: $0.message, notes: $0.notes)
                }))
            }
            return .success(node.map { PageValues.value(of: $0, key: "", refs: [], dateLabel: nil) } ?? .none)
        }
    }
}
