/// A template after parsing: its AST, its blocks, and what validation needs to check.
///
/// Immutable and `Sendable`: parsed once when the environment is built, then rendered from
/// any number of threads.
final class ParsedTemplate: Sendable {
    let source: SourceFile
    let body: [Statement]
    /// The memory holding the literal text of `body`, `blocks` and macros (see `TextArena`).
    let arena: TextArena
    /// Every `{% block %}` in the template, at any depth, by name.
    let blocks: [String: BlockDefinition]
    /// The `{% extends %}` target, if any.
    let parent: TemplateReference?
    /// Every include/extends/import target, for validation and cycle detection.
    let references: [TemplateReference]
    /// Every filter applied (`| name`, `{% filter name %}`), for validation.
    let filters: [Invocation]
    /// Every test applied (`is name`), for validation.
    let tests: [Invocation]
    /// Whether the template is made only of macros and text: imported without context, its macros see their
    /// arguments and its own text only (`Renderer+MacroMemo`).
    let isMacroModule: Bool

    init(source: SourceFile, body: [Statement], arena: TextArena, blocks: [String: BlockDefinition], parent: TemplateReference?,
         references: [TemplateReference], filters: [Invocation], tests: [Invocation]) {
        self.source = source
        self.body = body
        self.arena = arena
        self.blocks = blocks
        self.parent = parent
        self.references = references
        self.filters = filters
        self.tests = tests
        isMacroModule = body.allSatisfy(\.isMacroOrText)
    }
}
