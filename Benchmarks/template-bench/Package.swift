// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Throughput benchmark for the template engine (not a test: it measures, it asserts nothing).
/// Run: `swift run -c release --package-path Benchmarks/template-bench`.

/// SwiftPM names a path dependency after its directory, which differs between checkouts
/// ("main", a worktree, CI's workspace), so the root package's identity is computed here.
let rootIdentity = URL(fileURLWithPath: Context.packageDirectory)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "template-bench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(name: "template-bench", dependencies: [.product(name: "Templates", package: rootIdentity)]),
    ]
)
