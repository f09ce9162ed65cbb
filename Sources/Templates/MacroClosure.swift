/// A macro together with the scope it was defined in.
///
/// Macros see the variables of the template that defines them, not those of their caller.
/// Top-level macros read that template's root scope live (so they see later `set`s and each
/// other); macros from an imported module read the module's scope by index, which avoids
/// reference cycles between a module and its own macros.
///
/// A class, so that the scopes holding a macro copy one reference rather than a definition.
final class MacroClosure {
    enum Origin {
        /// Defined at the top level of the template being rendered: reads the current root scope.
        case liveRoot
        /// Defined inside a block, loop or macro: a snapshot of the enclosing scopes.
        case captured(Scope)
        /// Defined in an imported module, whose bindings live at this index of the renderer's module table.
        case module(Int, seesGlobals: Bool)
        /// The body of a `{% call %}` block, as `caller`: everything visible where the block was written.
        case callSite(Scope, seesGlobals: Bool)
    }

    let definition: MacroDefinition
    let template: ParsedTemplate
    let origin: Origin

    init(definition: MacroDefinition, template: ParsedTemplate, origin: Origin) {
        self.definition = definition
        self.template = template
        self.origin = origin
    }
}
