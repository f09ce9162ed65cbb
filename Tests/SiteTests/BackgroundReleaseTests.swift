import Foundation
import Testing
@testable import Site

/// `BackgroundRelease` must free what it is given, and never on the caller's thread: the build hands it
/// the content set so that the output can be written meanwhile. Told not to free (a process about to exit),
/// it must keep the value alive instead.
struct BackgroundReleaseTests {
    /// Records the thread its deinit runs on, and signals it.
    private final class Tracked: @unchecked Sendable {
        let freed: DispatchSemaphore
        let thread: ThreadBox
        init(freed: DispatchSemaphore, thread: ThreadBox) {
            self.freed = freed
            self.thread = thread
        }
        deinit {
            thread.set(pthread_self())
            freed.signal()
        }
    }

    private final class ThreadBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value: pthread_t?
        func set(_ thread: pthread_t) { lock.withLock { value = thread } }
        func get() -> pthread_t? { lock.withLock { value } }
    }

    @Test(arguments: 0..<20)
    func freesOnAnotherThread(round: Int) {
        let freed = DispatchSemaphore(value: 0)
        let thread = ThreadBox()
        let caller = pthread_self()
        // Made inside the call, so that the test holds no reference of its own. The background work may
        // well finish before `drop` returns: the last reference must still be the background thread's.
        BackgroundRelease.drop((round, [Tracked(freed: freed, thread: thread)]))
        #expect(freed.wait(timeout: .now() + 10) == .success, "the value was never freed")
        if let freer = thread.get() {
            #expect(pthread_equal(freer, caller) == 0, "freed on the calling thread")
        } else {
            Issue.record("the value was never freed")
        }
    }

    @Test func keepsWhatItMustNotFree() {
        let freed = DispatchSemaphore(value: 0)
        BackgroundRelease.drop([Tracked(freed: freed, thread: ThreadBox())], freeing: false)
        BackgroundRelease.keepUntilExit([Tracked(freed: freed, thread: ThreadBox())])
        // Nothing frees them later either: no background work was queued.
        #expect(freed.wait(timeout: .now() + 0.5) == .timedOut, "a value kept until exit was freed")
    }
}
