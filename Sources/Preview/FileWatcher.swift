import Foundation

/// Watches a site's inputs and calls `onChange` once per burst of edits, on its own thread.
///
/// Editors save by writing a temporary file and renaming it, often several files at once; reacting to each
/// step would rebuild a half-saved site several times. So after the first change the watcher waits until
/// the inputs have been quiet for `quietPeriod`, then calls `onChange` once. The thread spends its time
/// blocked in `poll(2)` (inotify) or asleep, never spinning; builds run on it too, off the request path.
final class FileWatcher: Sendable {
    private let paths: [String]
    private let root: String
    private let quietMilliseconds: Int
    private let pollMilliseconds: Int
    private let failureGraceMilliseconds: Int
    private let onChange: @Sendable (_ staysQuiet: () -> Bool) -> Void
    private let stopped = Locked(false)

    /// - Parameters:
    ///   - quietPeriod: how long the inputs must stay unchanged before a burst counts as finished.
    ///   - pollInterval: the safety-net stat poll; with inotify a change wakes the watcher at once.
    ///   - failureGrace: how long the inputs must stay unchanged after a build that failed before the failure
    ///     is shown (see `PreviewServer.rebuild(confirmingFailure:)`).
    ///   - onChange: runs the build. It may call `staysQuiet`, which waits up to `failureGrace` and says
    ///     whether the inputs stayed unchanged since the burst ended; when they did not, the watcher starts
    ///     over at once with the new burst.
    init(root: URL, quietPeriod: Duration, pollInterval: Duration, failureGrace: Duration = .milliseconds(120),
         onChange: @escaping @Sendable (_ staysQuiet: () -> Bool) -> Void) {
        self.root = root.path
        self.paths = TreeFingerprint.inputs(of: root)
        self.quietMilliseconds = Self.milliseconds(quietPeriod)
        self.pollMilliseconds = Self.milliseconds(pollInterval)
        self.failureGraceMilliseconds = Self.milliseconds(failureGrace)
        self.onChange = onChange
    }

    func start() {
        let initial = TreeFingerprint.make(paths: paths)
        let thread = Thread { [self] in run(from: initial) }
        thread.name = "build-site watcher"
        thread.start()
    }

    /// Ends the thread within one poll interval; a build in progress finishes first.
    func stop() {
        stopped.withLock { $0 = true }
    }

    private var isStopped: Bool { stopped.current }

    private func run(from initial: TreeFingerprint) {
        let signal = ChangeSignal(root: root)
        signal?.watch(initial.directories)
        var last = initial
        // A failed build saw the inputs change again during its grace period: a new burst is under way.
        var changing = false
        while !isStopped {
            if !changing {
                let events = wait(pollMilliseconds, signal)
                guard !isStopped else { return }
                guard events > 0 || TreeFingerprint.make(paths: paths) != last else { continue }
            }
            changing = false
            var current = TreeFingerprint.make(paths: paths)
            while !isStopped {
                let more = wait(quietMilliseconds, signal)
                let next = TreeFingerprint.make(paths: paths)
                if more == 0, next == current { break }
                current = next
                signal?.watch(current.directories)
            }
            guard !isStopped else { return }
            last = current
            signal?.watch(current.directories)
            let built = current
            var settled = true
            onChange {
                let more = wait(failureGraceMilliseconds, signal)
                settled = more == 0 && TreeFingerprint.make(paths: paths) == built
                return settled
            }
            if !settled { changing = true }
        }
    }

    private func wait(_ milliseconds: Int, _ signal: ChangeSignal?) -> Int {
        if let signal { return signal.wait(milliseconds: milliseconds) }
        Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
        return 0
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
