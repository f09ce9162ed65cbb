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
    /// Most bytes that the strings and lists one render builds may add up to: every string or list an operator
    /// or filter returns counts in full (a list as its items take in memory, `MemoryLayout<Value>.stride` each). One value is bounded by itself (10 MB or
    /// 10 million items), but a loop that rebuilds one (`{% set l = l + [i] %}`, `replace` on a large string)
    /// does quadratic work within that bound; this is what stops it.
    public var maxBuiltBytes: Int

    public init(maxSteps: Int = 10_000_000, maxCallDepth: Int = 100, maxOutputBytes: Int = 64 * 1024 * 1024,
                maxBuiltBytes: Int = 256 * 1024 * 1024) {
        self.maxSteps = maxSteps
        self.maxCallDepth = maxCallDepth
        self.maxOutputBytes = maxOutputBytes
        self.maxBuiltBytes = maxBuiltBytes
    }
}
