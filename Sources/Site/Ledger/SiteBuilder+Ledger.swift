import Content
import Foundation
import SiteInputs

extension SiteBuilder {
    /// The build step for the claims ledger (`LedgerCheck`), on every language's pages: every problem at once,
    /// as diagnostics.
    static func checkLedger(_ editions: [ContentSet], root: URL, log: ReadLog? = nil) throws(BuildFailure) {
        let errors = LedgerCheck.check(editions, root: root, log: log)
        if !errors.isEmpty { throw BuildFailure(diagnostics: errors.map(\.diagnostic)) }
    }
}
