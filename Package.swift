// swift-tools-version:6.0
import PackageDescription

/// Targets depend one way only:
/// CCmarkGFM → Markdown ─┐
/// Templates ────────────┼→ Site → Preview → BuildSiteCLI → build-site
/// Yams → Content ───────┘                       CMimalloc ┘ (the allocator, Linux only)
/// SiteInputs (the one place that reads the site's files) → Content, Site
/// DidYouMean (`Suggestion`, "did you mean …?") → Templates, Content, Site, BuildSiteCLI
/// CVipsLoader (libvips, opened with dlopen on first use) → Images (sizes, resized copies) → Site
let package = Package(
    name: "build-site",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "build-site", targets: ["build-site"]),
        .library(name: "Site", targets: ["Site"]),
        .library(name: "Templates", targets: ["Templates"]),
        .library(name: "Markdown", targets: ["Markdown"]),
        .library(name: "Content", targets: ["Content"]),
        .library(name: "SiteInputs", targets: ["SiteInputs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),
        // libvips is not linked: `VipsLoader.c`, the only file on its C API, opens it with `dlopen` the first time
        // a build resizes an image, so that starting build-site does not load it and its ~50 libraries, and a site
        // without large images builds where libvips is not installed. Its build needs no libvips headers either
        // (`VipsSymbols.h`, checked against them by `Tools/check-vips-symbols.c` in CI).
        .target(name: "CVipsLoader", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // Image sizes from file headers, and resized copies through libvips (`VipsResizer.swift` is the only
        // Swift file that calls it), cached by content.
        .target(name: "Images", dependencies: ["CVipsLoader"]),
        // "Did you mean …?" for every misspelled name: one rule for the template engine and for the site's files.
        .target(name: "DidYouMean"),
        .target(name: "Templates", dependencies: ["DidYouMean"]),
        .target(name: "SiteInputs"),
        .target(name: "Content", dependencies: ["SiteInputs", "DidYouMean", .product(name: "Yams", package: "Yams")]),
        .target(name: "Site", dependencies: ["Markdown", "Templates", "Content", "SiteInputs", "Images", "DidYouMean"]),
        .target(name: "Preview", dependencies: [
            "Site",
            .product(name: "FlyingSocks", package: "FlyingFox"),
        ]),
        // Starter/: the example site `build-site init` writes, kept as ordinary files and compiled in as
        // Init/StarterFiles.swift (Tools/generate-starter.py), so that the executable needs nothing beside it.
        .target(name: "BuildSiteCLI", dependencies: [
            "Site", "Preview", "Templates", "Content", "DidYouMean",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["Starter"]),
        // mimalloc replaces malloc in the executable only (Linux; see Sources/build-site/BuildSiteMain.swift).
        // A release build on Linux also links the Swift runtime and Foundation into the executable, as
        // `swift build --static-swift-stdlib` does: retains, releases and every other call into the runtime are
        // then direct calls, not jumps through the dynamic linker's tables (3–6% less CPU per build at 10,000
        // pages, README: Performance), and the binary runs where Swift is not installed. The flag is needed when
        // compiling too, so that the executable's own `import Foundation` names the static libraries Foundation
        // itself links against.
        // The release executable is linked at a fixed address (`-no-pie`), as Go links Hugo's: a position-
        // independent one made the dynamic loader patch 81,000 pointers in its data at every start, each page it
        // touched copied (about 4 ms of a 6.5 ms `--version`, and of every build). What this gives up is the
        // random placement of the executable's own code; the libraries, the stack and the heap are still placed
        // at random, and the tool reads the author's own files and serves on loopback unless told otherwise.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .executableTarget(name: "build-site", dependencies: [
            "BuildSiteCLI",
            .target(name: "CMimalloc", condition: .when(platforms: [.linux])),
        ], swiftSettings: [
            .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
        ], linkerSettings: [
            .unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release)),
        ]),

        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SiteInputsTests", dependencies: ["SiteInputs"]),
        .testTarget(name: "DidYouMeanTests", dependencies: ["DidYouMean"]),
        .testTarget(name: "ImagesTests", dependencies: ["Images"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ContentTests", dependencies: ["Content"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "SiteInputs", "BuildSiteCLI", "Images"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Site"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests", dependencies: ["BuildSiteCLI", "Site"], resources: [.copy("Fixtures")]),
    ]
)
