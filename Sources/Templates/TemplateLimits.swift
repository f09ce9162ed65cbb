/// Bounds on one render, so that no template, however written, can run for ever or exhaust memory.
///
/// The defaults are far above what a real site needs; they exist to turn runaway templates
/// (nested `range()` loops, a macro calling itself twice per level) into errors.
public struct TemplateLimits: Sendable {
    /// Most loop iterations plus macro calls, includes and blocks in one render.
    public var maxSteps: Int
    /// How deeply includes, imports, blocks, `super()` and macro calls may nest.
    public var maxCallDepth: Int
    /// Most UTF-8 bytes one render may output (or capture into one buffer).
    public var maxOutputBytes: Int

    public init(maxSteps: Int = 10_000_000, maxCallDepth: Int = 100, maxOutputBytes: Int = 64 * 1024 * 1024) {
        self.maxSteps = maxSteps
        self.maxCallDepth = maxCallDepth
        self.maxOutputBytes = maxOutputBytes
    }
}
