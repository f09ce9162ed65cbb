/// What a `{% cache %}` body sees of the render around it, for fragments kept between builds (`FragmentCarry`).
extension Renderer {
    /// A fingerprint of the value of every name the body mentions (`FragmentScope`) as this render binds it,
    /// and the templates its output depends on without looking them up by name: the tag's own, and that of
    /// each macro it may call. Nil when that cannot be told — a body `FragmentScope` refuses, or a name bound
    /// to a macro that sees more than its arguments, a module, `loop`, a namespace, cycler or joiner — and then
    /// the fragment is neither kept nor taken from the last build.
    ///
    /// A tagged mapping counts by its tag and whole contents (tagged mappings inside it by their tags, as
    /// everywhere): its keys the body reads are recorded too and checked by the carry, and the contents make
    /// sure a changed copy under the same tag is not taken for the original. Taking it records no reads.
    func fragmentScope(_ scope: FragmentScope) -> (print: UInt64, templates: [String])? {
        guard scope.isCarriable else { return nil }
        var hasher = FingerprintHasher()
        var templates = [template.source.name]
        for name in scope.names {
            hasher.combine(name)
            switch lookup(name) {
            case nil:
                hasher.combine(byte: 0)
            case .undefined?:
                hasher.combine(byte: 1)
            case .value(let value)?:
                hasher.combine(byte: 2)
                hasher.combine(value)
                if case .dictionary(let mapping) = value, mapping.origin != 0 { hasher.combine(mapping.contentFingerprint()) }
            case .macro(let closure)?:
                // A macro of a template made only of macros and text, imported without context, sees its
                // arguments and its own template: what it does is the template's text and what the body passes.
                guard case .module(_, seesGlobals: false) = closure.origin,
                      closure.template.body.allSatisfy(\.isMacroOrText) else { return nil }
                hasher.combine(byte: 3)
                hasher.combine(closure.template.source.name)
                hasher.combine(closure.definition.name)
                templates.append(closure.template.source.name)
            default:
                return nil
            }
        }
        return (hasher.value, templates)
    }
}
