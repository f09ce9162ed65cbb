import Foundation

/// Frees a large value on another thread.
///
/// At the end of a build, the content set, the rendered Markdown and the page values of a 10,000-page site
/// are millions of small objects; freeing them took a tenth of a second on one core, while both cores sat
/// waiting to write the output. Handing the last reference to a background thread lets that happen while
/// the output is written (the CLI) or served (the preview).
///
/// A process that exits right after its one build (the CLI) need not free them at all: the system takes all
/// of its memory back at exit in one step, which costs nothing per object (clang skips freeing its syntax
/// trees the same way, `-disable-free`). On two cores, the freeing thread took CPU from writing the output.
public enum BackgroundRelease {
    /// Takes ownership of `value` and drops it on a background queue, or, when `freeing` is false, keeps it
    /// until the process exits (see `keepUntilExit`).
    ///
    /// The value moves into a box that only the background work empties: whichever thread finishes
    /// first, the last reference is the box's, so the freeing never happens on the caller's thread.
    static func drop<T: Sendable>(_ value: consuming T, freeing: Bool = true) {
        guard freeing else { return keepUntilExit(value) }
        let box = Box(consume value)
        DispatchQueue.global(qos: .utility).async { box.empty() }
    }

    /// Never frees `value`: for what a process that is about to exit still holds (the CLI's built site,
    /// ten thousand pages in memory). Call it only on the way out; memory kept this way is not reused.
    public static func keepUntilExit<T: Sendable>(_ value: consuming T) {
        _ = Unmanaged.passRetained(Box(consume value))
    }

    private final class Box<T: Sendable>: @unchecked Sendable {
        /// Written once at creation and once by `empty()`, on the one background thread.
        private var value: T?

        init(_ value: consuming T) { self.value = consume value }

        func empty() { value = nil }
    }
}
