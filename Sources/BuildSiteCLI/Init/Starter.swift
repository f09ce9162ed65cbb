import Foundation

/// The example site `build-site init` writes. Its files are `Sources/BuildSiteCLI/Starter/`, the source to
/// review and edit, compiled into the executable as `StarterFiles.swift` by `Tools/generate-starter.py`: the
/// binary needs nothing beside it, so it can be copied alone (`/usr/local/bin/build-site`).
struct Starter {
    /// Root-relative paths and contents, sorted by path.
    let files: [(path: String, data: Data)]

    /// The starter compiled into this executable.
    static func load() -> Starter {
        Starter(files: embedded.map { ($0.path, Data($0.text.utf8)) })
    }
}
