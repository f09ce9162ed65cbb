import Foundation

/// Two pieces of a build at once, for a step that runs on one core (or barely two) beside another: the
/// `background` work on a thread of its own, the `body` on the caller's, both results when both are done.
/// Nothing else changes: each keeps its own values, and the caller decides which result (or failure) counts
/// first, so what a build reports does not depend on which finished first.
enum Concurrently {
    static func run<Background: Sendable, Body>(_ background: @escaping @Sendable () -> Background,
                                                beside body: () throws(Never) -> Body) -> (Background, Body) {
        let slot = Slot<Background>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            slot.value = background()
            done.signal()
        }
        let result = body()
        done.wait()
        // Written before the signal that the wait saw.
        return (slot.value!, result)
    }

    /// Written once by the background work, read once after it signalled.
    private final class Slot<Value>: @unchecked Sendable {
        var value: Value?
    }
}
