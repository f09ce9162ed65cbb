/// What lets `{% cache %}` fragments outlive the build that rendered them: the site's check that what a
/// fragment read is still what it was.
///
/// A build's `FragmentCache` made with a carry (and the last build's cache, `FragmentCache(carry:previous:)`)
/// asks it to `seal` every fragment it stores from a render with a read recorder installed: the seal holds what
/// the fragment's recorded reads, templates and files gave in that build. A later build pastes a kept fragment
/// only when its tag meets the same keys in the same partition, the values of every name the body mentions are
/// what they were (`FragmentScope`), and the carry says the seal `holds`; otherwise it renders the body again.
/// The engine does not know what a tagged mapping describes or where templates come from; the site does.
public protocol FragmentCarry: AnyObject, Sendable {
    /// What a later build needs to check `reads` (what one fragment read, its templates included) against its
    /// own inputs; nil when that cannot be checked, and then the fragment is not kept.
    func seal(_ reads: RecordedReads) -> (any Sendable)?
    /// Whether every read, template and file that `seal` noted gives in this build what it gave then.
    func holds(_ seal: any Sendable) -> Bool
}
