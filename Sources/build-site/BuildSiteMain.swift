import BuildSiteCLI
// For a static release build (see Package.swift): this import carries Foundation's own static link dependencies.
import Foundation
#if canImport(CMimalloc)
import CMimalloc
#endif

/// The executable is only this: all logic lives in the testable BuildSiteCLI library.
///
/// On Linux it is also where mimalloc comes in. Linked ahead of the C library, Debian's libmimalloc (built to
/// override) serves every malloc and free of the process, the Swift runtime's included. A build allocates
/// millions of small objects (template values, strings, arrays) across threads; glibc's allocator spent about
/// a tenth of the build there, and with mimalloc the 10,000-event benchmark runs 10–15% faster for about
/// 25 MB more peak memory (see the README's Performance section). The libraries and the tests keep the
/// platform's allocator: only the command-line tool opts in.
///
/// Two of mimalloc's defaults are changed here, before the build allocates (a `MIMALLOC_…` variable in the
/// environment still wins, as mimalloc documents). `large_os_pages` asks the kernel for transparent huge pages
/// (`madvise`), so the build's short-lived objects fault in 2 MiB at a time instead of 4 KiB: on the
/// microsite's full build that halves the page faults (about 4,100 to 2,400), and the build took 3–6% less time
/// than without it in interleaved runs, for about 5% more peak memory at 10,000 pages.
/// `allow_decommit` off keeps freed memory for the next allocation instead of handing it back to the kernel
/// only to fault it in again a few milliseconds later; a process that runs for a second does not need to
/// shrink, and `serve` keeps its last build in memory anyway.
@main
enum BuildSiteMain {
    static func main() async {
        #if canImport(CMimalloc)
        // A call into the library, so that no linker drops it as unused (it would then not replace malloc).
        _ = mi_version()
        mi_option_set_enabled_default(mi_option_large_os_pages, true)
        mi_option_set_enabled_default(mi_option_allow_decommit, false)
        #endif
        await BuildSiteCommand.mainWithProcessArguments()
    }
}
