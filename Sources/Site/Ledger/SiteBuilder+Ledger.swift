import Content
import Foundation
import SiteInputs

extension SiteBuilder {
    /// The build step for the claims ledger (`LedgerCheck`): every problem at once, as diagnostics.
    static func checkLedger(_ content: ContentSet, root: URL, log: ReadLog? = nil) throws(BuildFailure) {
        let errors = LedgerCheck.check(content, root: root, log: log)
        if !errors.isEmpty { throw BuildFailure(diagnostics: errors.map(\.diagnostic)) }
    }
}
