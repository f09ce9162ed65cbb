import Foundation
import Testing
@testable import Preview

@Suite struct ETagTests {
    @Test func followsTheBytes() {
        let a = ETag.of(Data("body { color: red }".utf8))
        #expect(a == ETag.of(Data("body { color: red }".utf8)))
        #expect(a != ETag.of(Data("body { color: blue }".utf8)))
        #expect(a.hasPrefix("\"") && a.hasSuffix("\""))
        #expect(ETag.tag(a, suffix: "v1") != ETag.tag(a, suffix: "v2"))
    }

    @Test func matchesIfNoneMatchLists() {
        let tag = "\"abc-3\""
        #expect(ETag.matches(ifNoneMatch: tag, etag: tag))
        #expect(ETag.matches(ifNoneMatch: "W/\"abc-3\"", etag: tag))
        #expect(ETag.matches(ifNoneMatch: "\"x\", \"abc-3\"", etag: tag))
        #expect(ETag.matches(ifNoneMatch: "*", etag: tag))
        #expect(!ETag.matches(ifNoneMatch: "\"abc\"", etag: tag))
        #expect(!ETag.matches(ifNoneMatch: "", etag: tag))
    }
}
