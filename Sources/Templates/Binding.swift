/// What a name is bound to while rendering.
///
/// Macros, imported modules and the `loop` object are not `Value`s (a context never holds
/// them), so the renderer's scopes bind names to this richer type instead.
enum Binding {
    case value(Value)
    /// A name that exists but has no value, e.g. a macro parameter the caller left out.
    case undefined
    case macro(MacroClosure)
    /// `{% import "x" as m %}`: the index of the module's bindings in the renderer's module table.
    case module(Int)
    case loop(LoopState)
    /// `namespace(…)`: attributes shared by reference, settable with `{% set ns.name = … %}`.
    case namespace(Namespace)
    /// `cycler(…)` and `joiner(…)`: objects with state, shared by reference like a namespace.
    case cycler(Cycler)
    case joiner(Joiner)
}
