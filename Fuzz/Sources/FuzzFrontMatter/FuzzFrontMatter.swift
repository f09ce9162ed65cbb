import Content
import Foundation
import FuzzDriver

/// One input is one Markdown file: byte decoding (BOM, NUL, invalid UTF-8), the front-matter splitter,
/// YAML and the known keys; and the same text as a `site.yml`. Any outcome is fine (a page, a config or
/// located errors); a crash, hang or leak is not, and neither is an error that does not name its file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    // The route changes which keys are allowed (a list page has no slug), so try three places.
    for source in ["content/timeline/x.md", "content/timeline/_index.md", "content/index.md"] {
        switch SourceText.decode(data, file: source) {
        case .failure(let error):
            check(error.file == source && error.line != nil, "decode error without a location: \(error)")
        case .success(let text):
            do {
                _ = try ContentLoader.parsePage(text, source: source)
            } catch {
                for problem in error.errors { check(problem.file == source, "error without the file's path: \(problem)") }
            }
        }
    }
    if let text = String(validating: data, as: UTF8.self) {
        do {
            _ = try ContentLoader.parseConfig(text)
        } catch {
            for problem in error.errors { check(problem.file == "site.yml", "config error not in site.yml: \(problem)") }
        }
    }
    return 0
}

/// Stops the fuzzer with a message: the harness's own invariant failed.
private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// The program's entry (see FuzzDriver.h): libFuzzer's driver with `fuzzFrontMatter` as the test.
@_cdecl("FuzzFrontMatter_main")
public func fuzzFrontMatterMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzFrontMatter)
}
