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

    /// The ledger check on a thread of its own (`Concurrently`), beside `body`: the steps after it that do not
    /// read what it says (the shared inputs, the Markdown). What the build reports is what it would be with the
    /// check first: the ledger's errors, or else the body's.
    static func checkLedger<Value>(_ editions: [ContentSet], root: URL, log: ReadLog? = nil, memo: LedgerMemo? = nil,
                                   beside body: () throws(BuildFailure) -> Value) throws(BuildFailure) -> Value {
        let (errors, result) = Concurrently.run({ LedgerCheck.check(editions, root: root, log: log, memo: memo) },
                                                beside: { Result<Value, BuildFailure>(catching: body) })
        if !errors.isEmpty { throw BuildFailure(diagnostics: errors.map(\.diagnostic)) }
        return try result.get()
    }
}
