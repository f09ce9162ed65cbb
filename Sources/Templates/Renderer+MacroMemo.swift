/// Macro calls kept between builds, as `{% cache %}` fragments are (`FragmentCarry`), with no tag to write.
///
/// A list page shows the same item macro for thousands of pages (`m.event_item(ev)`); after an edit of one
/// event's title the list is rendered again, and every other item with it. A call whose output can only depend
/// on what the call is given is kept instead: one to a *pure* macro (`MacroDefinition.isPure`: its body reaches
/// nothing beyond the names it mentions, its defaults are literals) of a template made only of macros and text
/// imported without context (so it sees its arguments and that template's own macros, nothing of the page),
/// with values for arguments (no namespace, `loop`, macro or `caller`). Its key is the macro's place and the
/// arguments, lists and mappings by their storage (`FragmentKey`): the same storage has the same contents, and
/// the key keeps it alive so that no other value takes its address. What the body reads through tagged
/// mappings, its templates and the files its filters read are sealed by the carry like a fragment's, and
/// filters still say when the output depends on where the page is (stored for its partition) or on the page.
///
/// Only in a build whose fragments are kept for the next (a `FragmentCarry`, in `serve`), with a read
/// recorder installed and no metrics: elsewhere every call is rendered, and a full build is unchanged. And only
/// where keeping pays: inside a loop over at least `longLoop` items (a list of events, not one event's page,
/// whose calls are rendered again only with the page), and not inside another kept call (pasted with it).
/// Keeping every call made serve's first build of 10,000 events 40% slower; so a session's first build keeps
/// none (it renders as a full build does), and the builds after it keep the calls of the pages they render.
extension Renderer {
    /// The fewest items of a loop whose pure macro calls are kept.
    static let longLoop = 100

    /// The key of this call when it may be kept; nil when it must be rendered.
    func pureCallKey(_ closure: MacroClosure, _ positional: [Binding], _ keyword: [(String, Binding, Span)],
                     caller: MacroClosure?) -> FragmentKey? {
        guard longLoops > 0, !inKeptCall, let fragments, fragments.carry != nil, fragments.sharesEarlierBuilds,
              caller == nil, tally == nil,
              closure.definition.isPure,
              case .module(_, seesGlobals: false) = closure.origin, closure.template.isMacroModule,
              ReadTracking.current != nil else { return nil }
        // Negative offsets: never a `{% cache %}` tag's.
        var key = FragmentKey(template: closure.template.source.name, offset: -1 - closure.definition.span.start)
        // How the body's `{{ … }}` escape: a page rendered for JSON, or inside `{% autoescape false %}`, writes
        // the same call otherwise.
        let escapes: Int = switch escaping {
        case .html: 0
        case .json: 1
        case .text: 2
        }
        key.append(.int(escapes * 2 + (autoescapes ? 1 : 0)))
        key.append(.int(positional.count))
        for binding in positional {
            guard case .value(let value) = binding else { return nil }
            key.append(value)
        }
        for (name, binding, _) in keyword {
            guard case .value(let value) = binding else { return nil }
            key.append(.string(name))
            key.append(value)
        }
        key.finish()
        return key
    }

    /// Pastes the output this build or the last one kept for `key`, or runs the call (`run`, told whether to
    /// write straight into the page) and keeps what it wrote when the carry can seal what it read.
    func memoizedCall(_ key: FragmentKey, of closure: MacroClosure, span: Span, writingDirectly: Bool,
                      _ run: (Bool) throws -> Value) throws -> Value {
        guard let fragments else { return try run(writingDirectly) }
        if let (stored, reach) = fragments.fragment(key, partition: partition, page: pagePartition)
            ?? fragments.kept(key, partition: partition, page: pagePartition, scope: 0),
           Self.replayReads(of: stored) {
            if writingDirectly {
                try paste(stored, reach: reach, at: span)
                return .safe("")
            }
            markReach(reach)
            return .safe(String(decoding: stored.bytes, as: UTF8.self))
        }
        inKeptCall = true
        defer { inKeptCall = false }
        var result = Value.safe("")
        var bytes: [UInt8] = []
        let (recording, reads) = try recordingFragment {
            // The macro's template decides what the call writes without being looked up by name here.
            ReadTracking.noteTemplate(closure.template.source.name)
            if writingDirectly {
                let start = output.count
                result = try run(true)
                bytes = Array(output[start...])
            } else {
                result = try run(false)
                if case .safe(let text) = result { bytes = Array(text.utf8) }
            }
        }
        // Stored only when sealed for later builds: one this build cannot seal is rendered wherever it is called.
        if let place = storagePlace(of: recording, in: fragments) {
            var stored = FragmentCache.Fragment(bytes: bytes, reads: reads)
            if stored.keep(scope: 0, carry: fragments.carry) { fragments.store(stored, for: key, partition: place) }
        }
        return result
    }
}
