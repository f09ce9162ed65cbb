import Dispatch

/// Runs the preview server's tasks on threads of its own instead of Swift's cooperative pool.
///
/// The cooperative pool has one thread per core (two on a small machine). FlyingSocks' socket pool
/// waits for events in a loop that holds its thread, and a build in the same process keeps the other
/// busy, so HTTP answers could stall behind unrelated work. Each executor is a serial dispatch queue,
/// which libdispatch always gives a thread of its own: one for the socket pool's event loop, one for
/// accepting and answering requests (cheap: everything is served from memory).
final class PreviewExecutor: TaskExecutor, @unchecked Sendable {
    /// The socket pool's event loop.
    static let events = PreviewExecutor(label: "build-site.preview.events")
    /// Accepting connections, answering requests, heartbeats and housekeeping.
    static let requests = PreviewExecutor(label: "build-site.preview.requests")

    private let queue: DispatchQueue

    private init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { [self] in
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// Runs `body` on this executor's queue and waits for it.
    ///
    /// Cancelling a task runs its cancellation handlers on the cancelling thread. FlyingSocks' handlers
    /// lock a mutex that the waiting task made on this executor's queue, and the hand-over between the
    /// two threads goes through the concurrency runtime, which ThreadSanitizer cannot see. Cancelling from
    /// the same serial queue orders the two for it (and for anyone reading the code): the mutex was made
    /// by an earlier block on this queue.
    func perform(_ body: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            queue.async {
                body()
                done.resume()
            }
        }
    }
}
