extension MarkdownMemo {
    /// A build's entries in page order, edition by edition, with the tables each edition's links were resolved
    /// against (`MarkdownStage.Tables`) and the environment they were all made under.
    ///
    /// On a body edit nearly every page is where it was: the next build finds its last entry by its index (the
    /// same source there, compared, not hashed) instead of making its name and looking it up in `previous`, and
    /// takes the tables as they were when the environment is the same (they are a function of what it
    /// fingerprints). The entries are the ones `filled` holds under the same names, so either way of finding a
    /// page's entry gives the same one.
    struct Order: Sendable {
        struct Edition: Sendable {
            var language: String
            /// By page index: each page's source, its name in the table (`"<language>|<source>"`) and its entry.
            var sources: [String]
            var names: [String]
            var entries: [Entry]
            /// Entries put in since `entries` was made, by index, which take the place of those there: a body edit
            /// then copies none of the ten thousand others (`entries` is shared with the last build's); folded
            /// into `entries` once they are many.
            var changed: [Int: Entry] = [:]
            var tables: MarkdownStage.Tables

            /// The entry of the page at `index`.
            func entry(at index: Int) -> Entry { changed[index] ?? entries[index] }
        }

        var environment: UInt64 = 0
        var editions: [Edition] = []
    }

    /// One page as the step leaves it (`MarkdownStage.run`), for `record`: small, so that a page whose last
    /// entry is kept as it is costs no copy of the entry.
    struct Slot {
        /// The page's name when its last entry was looked up by name; nil when it was found where the page was.
        var name: String? = nil
        /// An entry made for the page, or its last one with this build's key parts; nil: its last entry as it is.
        var entry: Entry? = nil
        /// Whether its rendering is the last build's (`wasKept`), and whether its key was hashed (`KeyParts`).
        var kept = false
        var hashed = false
    }

    /// The last build's edition at `position`, when it was the same language's.
    func lastEdition(_ position: Int, language: String) -> Order.Edition? {
        guard let editions = previousOrder?.editions, position < editions.count, editions[position].language == language else { return nil }
        return editions[position]
    }

    /// The last build's tables for the edition at `position`, when everything they are made from is what it was:
    /// the same `environment`, and the same language there.
    func lastTables(_ position: Int, language: String, environment: UInt64) -> MarkdownStage.Tables? {
        guard previousOrder?.environment == environment, let tables = lastEdition(position, language: language)?.tables else { return nil }
        noteTablesKept()
        return tables
    }
}
