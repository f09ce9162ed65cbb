import Foundation
@testable import Site
import Testing

/// A rebuild takes a page's claims ledger check from the last build when nothing it reads changed (`LedgerMemo`),
/// checks an edited page again (a quotation added to its body is found), and checks every page again when the
/// source text changed; every build is a full build's.
@Suite struct LedgerMemoTests {
    @Test func onlyWhatChangedIsCheckedAgain() throws {
        let site = try FixtureSite("ledger")
        defer { site.remove() }
        let session = BuildSession()
        let first = try session.build(BuildOptions(root: site.root))
        #expect(first.incremental?.ledgerPagesReused == 0)
        try site.write("content/timeline/dinners.md", try site.read("content/timeline/dinners.md") + "\nA plain added line.\n")
        let second = try session.build(BuildOptions(root: site.root))
        #expect(second.incremental?.ledgerPagesReused == 1, "reply.md's check kept, dinners.md's made again")
        #expect(second.files == (try site.build()).files)
        // A quotation the ledger does not account for, added to a body: found, as a full build finds it.
        try site.replace(in: "content/timeline/reply.md", "He replied: \"This is the final straw.\"",
                         with: "He replied: \"This is the final straw.\" And \"words nobody said\".")
        let session2Errors = Result { () throws(BuildFailure) in try session.build(BuildOptions(root: site.root)) }
        let fullErrors = Result { () throws(BuildFailure) in try site.build() }
        guard case .failure(let incremental) = session2Errors, case .failure(let full) = fullErrors else {
            Issue.record("both builds should fail")
            return
        }
        #expect(incremental.diagnostics.map(\.message) == full.diagnostics.map(\.message))
        try site.replace(in: "content/timeline/reply.md", " And \"words nobody said\".", with: "")
        // The source text changed: every page checked again.
        try site.write("ledger/source.txt", try site.read("ledger/source.txt") + "\n")
        let third = try session.build(BuildOptions(root: site.root))
        #expect(third.incremental?.ledgerPagesReused == 0)
        #expect(third.files == (try site.build()).files)
    }
}
