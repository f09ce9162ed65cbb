import Foundation
import Testing
@testable import SiteInputs

/// A temporary site root with an outside folder beside it, for links that lead out.
private struct Scratch {
    let base: URL
    var root: URL { base.appendingPathComponent("root") }
    var outside: URL { base.appendingPathComponent("outside") }

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("site-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func link(_ path: String, to target: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    func remove() { try? FileManager.default.removeItem(at: base) }
}

@Suite struct SiteInputsTests {
    @Test func readsAFileAndRecordsItsFingerprint() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("templates/base.html", "<p>hi</p>")
        let log = ReadLog()
        let inputs = try SiteInputs(root: scratch.root, log: log)
        #expect(try inputs.read("templates/base.html") == Array("<p>hi</p>".utf8))
        #expect(log.snapshot["templates/base.html"] == .file(fingerprint: ReadLog.fingerprint(Array("<p>hi</p>".utf8))))
    }

    @Test func aMissingFileIsRecordedAsAbsent() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = ReadLog()
        let inputs = try SiteInputs(root: scratch.root, log: log)
        #expect(try inputs.kind(of: "static/robots.txt") == nil)
        #expect(log.snapshot["static/robots.txt"] == .absent)
        #expect(throws: InputError.self) { try inputs.read("static/robots.txt") }
    }

    @Test func aLinkInsideTheRootIsFollowed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("static/css/site.css", "body{}")
        try scratch.link("templates/site.css", to: "../static/css/site.css")
        try scratch.link("static/styles", to: "css")
        let inputs = try SiteInputs(root: scratch.root)
        #expect(try inputs.read("templates/site.css") == Array("body{}".utf8))
        let listing = inputs.files(under: "static")
        #expect(listing.errors.isEmpty)
        #expect(listing.files.map(\.relativePath) == ["css/site.css", "styles/site.css"])
    }

    @Test func aLinkOutOfTheRootIsAnErrorNamingTheLink() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.link("static/leak.txt", to: scratch.outside.appendingPathComponent("secret.txt").path)
        try scratch.link("templates/shared", to: "../../outside")
        let inputs = try SiteInputs(root: scratch.root)
        let error = #expect(throws: InputError.self) { try inputs.read("static/leak.txt") }
        #expect(error?.kind == .outsideRoot)
        #expect(error?.path == "static/leak.txt")
        let through = #expect(throws: InputError.self) { try inputs.read("templates/shared/secret.txt") }
        #expect(through?.kind == .outsideRoot)
        #expect(through?.path == "templates/shared")
        #expect(through?.target == "../../outside")
        let listing = inputs.files(under: "static")
        #expect(listing.files.isEmpty)
        #expect(listing.errors.map(\.kind) == [.outsideRoot])
    }

    @Test func pathsThatLeaveTheRootBySpellingAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let inputs = try SiteInputs(root: scratch.root)
        for path in ["../outside/secret.txt", "/etc/passwd", "static//x", "static/./x"] {
            let error = #expect(throws: InputError.self) { try inputs.read(path) }
            #expect(error?.kind == .notAFile)
        }
    }

    @Test func loopsAndBrokenLinksAreReportedNotFollowed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("templates/a.html", "a")
        try scratch.link("templates/self", to: ".")
        try scratch.link("templates/gone.html", to: "nowhere.html")
        try scratch.link("templates/ring.html", to: "ring.html")
        let inputs = try SiteInputs(root: scratch.root)
        let listing = inputs.files(under: "templates")
        #expect(listing.files.map(\.path) == ["templates/a.html"])
        #expect(Set(listing.errors.map(\.kind)) == [.loop, .missing])
        #expect(listing.errors.count == 3)
        let broken = #expect(throws: InputError.self) { try inputs.read("templates/gone.html") }
        #expect(broken?.kind == .missing)
        #expect(broken?.target == "nowhere.html")
    }

    @Test func aMissingRootIsAnError() throws {
        let error = #expect(throws: InputError.self) {
            try SiteInputs(root: URL(fileURLWithPath: "/nonexistent-site-root-\(UUID().uuidString)"))
        }
        #expect(error?.kind == .missing)
    }

    @Test func listingsSkipHiddenNamesAndAreSorted() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for name in ["b.txt", "a/z.txt", "a/b.txt", ".git/config", "a/.DS_Store"] { try scratch.write("static/" + name, name) }
        let log = ReadLog()
        let inputs = try SiteInputs(root: scratch.root, log: log)
        let listing = inputs.files(under: "static")
        #expect(listing.files.map(\.path) == ["static/a/b.txt", "static/a/z.txt", "static/b.txt"])
        #expect(log.snapshot["static/"] == .folder(files: ["static/a/b.txt", "static/a/z.txt", "static/b.txt"]))
        #expect(inputs.files(under: "data").files.isEmpty)
    }
}
