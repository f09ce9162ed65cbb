// swift-tools-version:6.0
import Foundation
import PackageDescription

/// libFuzzer targets for the parsers that read what people type: front matter and YAML, Markdown with
/// link rewriting, and the template lexer, parser and renderer. A separate package so that the main
/// build never needs the fuzzer runtime. Build and run with `.ci/fuzz.sh`.
///
/// The root package is a path dependency, whose identity is its folder's name (which differs between
/// clones), so the name is read from the folder rather than written here.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "Fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzDriver", .product(name: "Content", package: root)]),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzDriver", .product(name: "Markdown", package: root)]),
        .executableTarget(name: "FuzzTemplates", dependencies: ["FuzzDriver", .product(name: "Templates", package: root)]),
    ]
)
