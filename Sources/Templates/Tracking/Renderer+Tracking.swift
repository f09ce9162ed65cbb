/// The renderer's part in recording reads (`ReadTracking`): templates looked up by name, and what a pasted
/// `{% cache %}` fragment read when it was rendered.
extension Renderer {
    /// The template `name`, the lookup noted in the thread's recorder whether it is found or not (a template
    /// added later is a change to a render that looked for it).
    func loadTemplate(_ name: String) -> ParsedTemplate? {
        ReadTracking.noteTemplate(name)
        return environment.templates[name]
    }

    /// Runs a `{% cache %}` body. With a recorder installed, the body records into one of its own, whose reads
    /// are added to the enclosing recorder (even when the body fails) and returned to be stored with the
    /// fragment; without one, runs the body and returns nil.
    func recordingFragmentReads(_ body: () throws -> Void) throws -> RecordedReads? {
        guard let enclosing = ReadTracking.current else {
            try body()
            return nil
        }
        let own = ReadRecorder(capacity: 0)
        defer { enclosing.recorded.formUnion(own.recorded) }
        try ReadTracking.recording(own, body)
        return own.recorded
    }

    /// Whether this render may paste `fragment`: always when no recorder is installed; with one, only when the
    /// fragment's reads are known, and then they are recorded as this render's. A fragment stored by an
    /// untracked render is rendered again instead, so no read goes unrecorded.
    static func replayReads(of fragment: FragmentCache.Fragment) -> Bool {
        guard let recorder = ReadTracking.current else { return true }
        guard let reads = fragment.reads else { return false }
        recorder.recorded.formUnion(fragment.replay ?? reads)
        return true
    }
}
