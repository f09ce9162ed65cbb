import Content

/// The last good build's content, taken out of the session while a build puts edited bodies (and titles) into it.
///
/// Put into a set the session still held, a new body made a copy of every page first (ten thousand pages, a
/// dozen reference-counted fields each: about 7 ms of a body edit's build). Lent, the set is held here alone
/// (once the last build's own references are freed, `BackgroundRelease`), so the bodies go in in place; each
/// body it had is kept, and `giveBack` puts them back when the session keeps the last build (the build failed,
/// changed nothing, or the edit was not in bodies only), so it is the last build's content exactly as it was.
final class LentContent {
    private(set) var editions: [ContentSet]
    private var replaced: [(edition: Int, index: Int, body: String)] = []
    private var retitled: [(index: Int, old: TitleEdit)] = []

    init(_ editions: [ContentSet]) {
        self.editions = editions
    }

    /// Puts `body` in as page `index`'s of the edition at `edition`.
    func replaceBody(of index: Int, in edition: Int, with body: String) {
        replaced.append((edition, index, editions[edition].replaceBody(of: index, with: body)))
    }

    /// Puts `edit`'s title and body in as page `index`'s of the default language's set (`ContentSet.replaceTitle`).
    func replaceTitle(of index: Int, with edit: TitleEdit) {
        retitled.append((index, editions[0].replaceTitle(of: index, with: edit)))
    }

    /// The content as it was lent, every body and title put back.
    func giveBack() -> [ContentSet] {
        for (index, old) in retitled.reversed() { _ = editions[0].replaceTitle(of: index, with: old) }
        retitled = []
        for (edition, index, body) in replaced.reversed() { _ = editions[edition].replaceBody(of: index, with: body) }
        replaced = []
        return editions
    }
}
