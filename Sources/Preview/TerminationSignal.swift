import Dispatch
import Foundation

/// Waits for Ctrl-C (SIGINT) or SIGTERM so the preview can stop cleanly and exit 0.
///
/// The default action of both signals kills the process mid-write; routing them through a dispatch source
/// turns them into an ordinary return from `wait()`.
public enum TerminationSignal {
    /// Suspends until SIGINT or SIGTERM arrives and returns its number.
    public static func wait() async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let resumed = Locked(false)
            let queue = DispatchQueue(label: "build-site.signals")
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    let first = resumed.withLock { done -> Bool in defer { done = true }; return !done }
                    if first { continuation.resume(returning: number) }
                }
                source.resume()
                Retained.shared.keep(source)
            }
        }
    }

    /// Dispatch sources stop when released; these must live as long as the process. The array is only
    /// appended to under the lock and never read, which is why the unchecked `Sendable` is sound.
    private final class Retained: @unchecked Sendable {
        static let shared = Retained()
        private let lock = NSLock()
        private var sources: [any DispatchSourceSignal] = []

        func keep(_ source: any DispatchSourceSignal) {
            lock.lock()
            defer { lock.unlock() }
            sources.append(source)
        }
    }
}
