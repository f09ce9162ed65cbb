/// A non-Markdown file under `content/` (an image next to its page), copied as it is.
public struct Asset: Sendable, Hashable {
    /// Root-relative source path, e.g. "content/people/sam-altman.jpg".
    public var source: String
    /// Path relative to the output folder, e.g. "people/sam-altman.jpg".
    public var output: String

    public init(source: String, output: String) {
        self.source = source
        self.output = output
    }
}
