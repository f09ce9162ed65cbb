import Templates

/// The nested mapping data files are gathered into: `data/a/b.yml` at `["a", "b"]`.
struct DataTree {
    private(set) var value: Value = .dictionary(OrderedDictionary())
    /// Which file gave each key path, joined by `/`, for messages about two files claiming one key.
    private var owners: [String: String] = [:]
    /// Key paths that are folders (`a` for `data/a/b.yml`).
    private var folders: Set<String> = []

    /// Puts `item` at `keys`; returns a diagnostic when a file or folder already holds that key
    /// (`figures.yml` beside `figures.json`, or `money.yml` beside a `money/` folder).
    mutating func insert(_ item: Value, at keys: [String], file: String) -> Diagnostic? {
        for depth in 1...keys.count {
            let path = keys.prefix(depth).joined(separator: "/")
            if let owner = owners[path] {
                let what = depth == keys.count ? "data.\(keys.joined(separator: "."))" : "data.\(keys.prefix(depth).joined(separator: "."))"
                return Diagnostic(file: file, message: "\(what) is already given by \(owner)",
                                  notes: ["a data file's name, without its extension, is its key: rename one of them"])
            }
        }
        let path = keys.joined(separator: "/")
        if folders.contains(path) {
            return Diagnostic(file: file, message: "data.\(keys.joined(separator: ".")) is already the folder data/\(path)/",
                              notes: ["a data file's name, without its extension, is its key: rename the file or the folder"])
        }
        for depth in 1..<keys.count { folders.insert(keys.prefix(depth).joined(separator: "/")) }
        owners[path] = file
        value = Self.inserting(item, at: keys[...], into: value)
        return nil
    }

    private static func inserting(_ item: Value, at keys: ArraySlice<String>, into node: Value) -> Value {
        guard let key = keys.first else { return item }
        guard case .dictionary(var mapping) = node else { return node }
        mapping[key] = inserting(item, at: keys.dropFirst(), into: mapping[key] ?? .dictionary(OrderedDictionary()))
        return .dictionary(mapping)
    }
}
