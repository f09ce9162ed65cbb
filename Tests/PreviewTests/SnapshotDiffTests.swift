import Foundation
import Testing
@testable import Preview

/// `SnapshotDiff` keeps the served table and puts only changed files into it: on random pairs of builds (files
/// kept in the same buffer, rewritten with the same bytes, changed at the same size or another, added and
/// removed) it must say what the plain comparison of every file says, and serve exactly the new build's files.
@Suite struct SnapshotDiffTests {
    @Test func agreesWithComparingEveryFile() {
        compare(rounds: 200, files: 0...150)
    }

    /// Tables large enough to be compared in parts, one per core (`SnapshotDiff.parts`).
    @Test func agreesWithComparingEveryFileOnLargeTables() {
        compare(rounds: 4, files: 4096...9000)
    }

    private func compare(rounds: Int, files: ClosedRange<Int>) {
        var random = SystemRandomNumberGenerator()
        for round in 0..<rounds {
            var old: [String: Data] = [:]
            for index in 0..<Int.random(in: files, using: &random) {
                old["f\(index).html"] = Data("page \(index) \(Int.random(in: 0...9, using: &random))".utf8)
            }
            let served = old.reduce(into: [String: ServedFile]()) { $0[$1.key] = ServedFile(path: $1.key, data: $1.value) }
            var new: [String: Data] = [:]
            for (path, data) in served.mapValues(\.data) {
                switch Int.random(in: 0..<6, using: &random) {
                case 0: continue                                                  // removed
                case 1: new[path] = Data(Array(data))                             // same bytes, another buffer
                case 2: new[path] = Data(data.map { $0 == UInt8(ascii: "e") ? UInt8(ascii: "E") : $0 })  // same size
                case 3: new[path] = data + Data("!".utf8)                         // another size
                default: new[path] = data                                         // the same buffer
                }
            }
            for index in 0..<Int.random(in: 0...3, using: &random) { new["added\(index)/index.html"] = Data("new".utf8) }

            let diff = SnapshotDiff(old: served, new: new)
            let expected = Set(new.keys.filter { old[$0] != new[$0] })
            #expect(Set(diff.changed) == expected, "round \(round)")
            #expect(diff.changed.count == expected.count, "round \(round): a path listed twice")
            #expect(diff.removed == old.keys.contains { new[$0] == nil }, "round \(round)")
            var files = served
            diff.apply(to: &files, new: new)
            #expect(files.mapValues(\.data) == new, "round \(round)")
            for (path, file) in files where !expected.contains(path) {
                #expect(file.etag == served[path]?.etag, "round \(round): an unchanged file keeps its tag")
            }
        }
    }
}
