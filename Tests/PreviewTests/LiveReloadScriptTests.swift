import Foundation
import Testing
@testable import Preview

@Suite struct LiveReloadScriptTests {
    @Test func goesBeforeTheLastClosingBodyTag() {
        let html = Data("<html><body><p>&lt;/body&gt; </body-ish></p></BODY>\n</html>".utf8)
        let served = String(decoding: LiveReloadScript.inject(into: html, version: "v7"), as: UTF8.self)
        let script = LiveReloadScript.tag(version: "v7")
        #expect(served == "<html><body><p>&lt;/body&gt; </body-ish></p>" + script + "</BODY>\n</html>")
        #expect(script.contains("var version = \"v7\""))
        #expect(script.contains(LiveReloadScript.eventsPath))
    }

    @Test func isAppendedWhenThereIsNoBodyTag() {
        let served = LiveReloadScript.inject(into: Data("<p>fragment".utf8), version: "v1")
        #expect(String(decoding: served, as: UTF8.self) == "<p>fragment" + LiveReloadScript.tag(version: "v1"))
        #expect(LiveReloadScript.inject(into: Data(), version: "v1") == Data(LiveReloadScript.tag(version: "v1").utf8))
    }
}
