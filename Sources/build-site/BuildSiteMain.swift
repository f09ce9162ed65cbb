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
/// One of mimalloc's defaults is changed here, before the build allocates (`MIMALLOC_ALLOW_DECOMMIT` in the
/// environment still wins, as mimalloc documents): with `allow_decommit` off, freed memory is kept for the next
/// allocation instead of being handed back to the kernel only to be faulted in again a few milliseconds later.
/// A process that runs for a second does not need to shrink, and `serve` keeps its last build in memory anyway.
/// (Transparent huge pages, `large_os_pages`, halved the page faults but zeroed 2 MiB at a time and added 5% to
/// the peak memory at 10,000 pages, for no time that could be told apart from the machine's noise.)
@main
enum BuildSiteMain {
    static func main() async {
        #if canImport(CMimalloc)
        // A call into the library, so that no linker drops it as unused (it would then not replace malloc).
        _ = mi_version()
        mi_option_set_enabled_default(mi_option_allow_decommit, false)
        #endif
        await BuildSiteCommand.mainWithProcessArguments()
    }
}
