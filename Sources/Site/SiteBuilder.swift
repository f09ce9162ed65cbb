import Foundation

/// What a build is asked to do. (Stub API; the real build lands with issue 2.)
public struct BuildOptions: Sendable {
    public var root: URL
    public var includeDrafts: Bool
    public init(root: URL, includeDrafts: Bool = false) {
        self.root = root
        self.includeDrafts = includeDrafts
    }
}

/// A whole site rendered in memory: output-relative paths ("timeline/x/index.html") to bytes.
public struct BuiltSite: Sendable {
    public var files: [String: Data]
    public var pageCount: Int
    public init(files: [String: Data], pageCount: Int) {
        self.files = files
        self.pageCount = pageCount
    }
}

/// One problem found by a build, located in a source file where possible.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    public var notes: [String]
    public init(file: String?, line: Int?, column: Int?, message: String, notes: [String] = []) {
        self.file = file; self.line = line; self.column = column; self.message = message; self.notes = notes
    }
    public var description: String {
        var prefix = ""
        if let file { prefix += file + ":" }
        if let line { prefix += "\(line):" }
        if let column { prefix += "\(column):" }
        return (prefix.isEmpty ? "" : prefix + " ") + "error: " + message
    }
}

/// Every diagnostic of a failed build, reported together.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

public enum SiteBuilder {
    /// Builds the site under `options.root` entirely in memory; writes nothing.
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuiltSite {
        BuiltSite(files: ["index.html": Data("<!doctype html><title>stub</title>".utf8)], pageCount: 1)
    }
}
