import Content
import Foundation
import FuzzDriver

/// One input is one Markdown file: decoding, the front-matter splitter, YAML and the known keys.
/// Any outcome is fine (a page or located errors); a crash, hang or leak is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    // The route changes which keys are allowed (a list page has no slug), so try three places.
    for path in ["content/timeline/x.md", "content/timeline/_index.md", "content/index.md"] {
        let result = ContentLoader.parsePage(data: data, path: path)
        for error in result.errors where error.file != path {
            fatalError("error without the file's path: \(error)")
        }
    }
    return 0
}

/// The program's entry (see FuzzDriver.h): libFuzzer's driver with `fuzzFrontMatter` as the test.
@_cdecl("FuzzFrontMatter_main")
public func fuzzFrontMatterMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzFrontMatter)
}
