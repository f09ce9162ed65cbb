import Foundation
import FuzzDriver
import Templates

/// One input is a set of templates: the text is cut at lines holding only `====`, the pieces named
/// main.html, base.html, partials/a.html and partials/b.html (so extends, include and import have
/// targets). They are parsed and validated, then main.html is rendered with a fixed context.
/// Errors are expected; crashes, hangs and unbounded memory are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let names = ["main.html", "base.html", "partials/a.html", "partials/b.html"]
    var templates: [String: String] = [:]
    for (name, piece) in zip(names, text.components(separatedBy: "\n====\n")) {
        templates[name] = piece
    }
    guard let environment = try? TemplateEnvironment(templates: templates, fileNamePrefix: "templates/") else { return 0 }
    _ = try? environment.render("main.html", context: FuzzContext.value)
    return 0
}

/// A context shaped like a page's: strings with markup, numbers, lists, nested mappings, none.
enum FuzzContext {
    static let value: [String: Value] = {
        let person = Value.dictionary(OrderedDictionary([
            ("title", .string("Ada <b>Lovelace</b> & \"friends\"")), ("url", .string("/people/ada/")),
            ("age", .int(36)), ("tags", .array([.string("a"), .string("b")])),
        ]))
        let page = Value.dictionary(OrderedDictionary([
            ("title", .string("A <script>alert(1)</script> page")), ("content", .safe("<p>Body</p>")),
            ("count", .int(3)), ("ratio", .double(0.5)), ("draft", .bool(false)), ("nothing", .none),
            ("people", .array([person, person])), ("numbers", .array((0..<20).map { .int($0) })),
        ]))
        return ["page": page, "site": .dictionary(OrderedDictionary([("title", .string("Site"))])), "current_url": .string("/x/")]
    }()
}

/// The program's entry (see FuzzDriver.h): libFuzzer's driver with `fuzzTemplates` as the test.
@_cdecl("FuzzTemplates_main")
public func fuzzTemplatesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzTemplates)
}
