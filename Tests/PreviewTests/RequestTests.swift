import Testing
@testable import Preview

@Suite struct RequestTests {
    @Test func parsesRequestLineAndFields() throws {
        let head = "GET /timeline/?v=2 HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: \"a\"\r\nAccept: text/html\r\naccept: */*"
        let request = try #require(Request.parse(Array(head.utf8)))
        #expect(request.method == "GET")
        #expect(request.target == "/timeline/?v=2")
        #expect(request.path == "/timeline/")
        #expect(request.headers["if-none-match"] == "\"a\"")
        #expect(request.headers["accept"] == "text/html, */*")
        #expect(request.wantsKeepAlive)
    }

    @Test func acceptsBareNewlines() {
        #expect(Request.parse(Array("GET / HTTP/1.0\nConnection: keep-alive".utf8))?.wantsKeepAlive == true)
        #expect(Request.parse(Array("GET / HTTP/1.0".utf8))?.wantsKeepAlive == false)
        #expect(Request.parse(Array("GET / HTTP/1.1\r\nConnection: Close".utf8))?.wantsKeepAlive == false)
    }

    @Test(arguments: [
        "", "GET", "GET /", "GET / HTTP/2.0", "GET  / HTTP/1.1", "G\u{0}T / HTTP/1.1", "GET / HTTP/1.1 extra",
        "GET / HTTP/1.1\r\nNo colon", "GET / HTTP/1.1\r\n folded: value", "GET / HTTP/1.1\r\nBad Name: x", "GET / HTTP/1.1\r\n: x",
        "GÉT / HTTP/1.1",
    ])
    func refusesMalformedHeads(head: String) {
        #expect(Request.parse(Array(head.utf8)) == nil)
    }
}
