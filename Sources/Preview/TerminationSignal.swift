import Dispatch
import Foundation

/// Catches Ctrl-C (SIGINT) and SIGTERM so the preview can stop cleanly and exit 0.
///
/// The default action of both signals kills the process mid-write; routing them through dispatch sources
/// turns them into an ordinary return from `wait()`. Install before the first build, so a Ctrl-C during a
/// long initial build is remembered rather than lost.
public final class TerminationSignal: Sendable {
    private struct State {
        var received: Int32?
        var waiter: CheckedContinuation<Int32, Never>?
    }

    private let state = Locked(State())
    private let sources: SignalSources

    /// Starts listening for SIGINT and SIGTERM now.
    public static func install() -> TerminationSignal {
        TerminationSignal()
    }

    private init() {
        let queue = DispatchQueue(label: "build-site.signals")
        var sources: [any DispatchSourceSignal] = []
        let state = self.state
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                let waiter = state.withLock { state -> CheckedContinuation<Int32, Never>? in
                    guard state.received == nil else { return nil }
                    state.received = number
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume(returning: number)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = SignalSources(sources)
    }

    /// Suspends until SIGINT or SIGTERM has arrived (returns at once if one already did); returns its number.
    public func wait() async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let received = state.withLock { state -> Int32? in
                if state.received == nil { state.waiter = continuation }
                return state.received
            }
            if let received { continuation.resume(returning: received) }
        }
    }

    /// Keeps the dispatch sources alive (they stop when released). Never mutated after init, which is
    /// why the unchecked `Sendable` is sound.
    private final class SignalSources: @unchecked Sendable {
        let sources: [any DispatchSourceSignal]
        init(_ sources: [any DispatchSourceSignal]) { self.sources = sources }
    }
}
