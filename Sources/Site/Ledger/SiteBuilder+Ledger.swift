import Content
import Foundation

extension SiteBuilder {
    /// The build step for the claims ledger (`LedgerCheck`): every problem at once, as diagnostics.
    static func checkLedger(_ content: ContentSet, root: URL) throws(BuildFailure) {
        let errors = LedgerCheck.check(content, root: root)
        if !errors.isEmpty { throw BuildFailure(diagnostics: errors.map(\.diagnostic)) }
    }
}
