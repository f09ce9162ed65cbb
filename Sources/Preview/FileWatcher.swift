import Foundation

/// Watches a site's inputs and calls `onChange` once per burst of edits, on its own thread.
///
/// Editors save by writing a temporary file and renaming it, often several files at once; reacting to each
/// step would rebuild a half-saved site several times. So after the first change the watcher waits until
/// the inputs have been quiet for a while, then calls `onChange` once: `settledQuietPeriod` when inotify
/// shows every save finished (files closed, none missing), else `quietPeriod`. The thread spends its time
/// blocked in `poll(2)` (inotify) or asleep, never spinning; builds run on it too, off the request path.
final class FileWatcher: Sendable {
    private let paths: [String]
    private let root: String
    private let quietMilliseconds: Int
    private let settledQuietMilliseconds: Int
    private let pollMilliseconds: Int
    private let failureGraceMilliseconds: Int
    private let onChange: @Sendable (_ staysQuiet: () -> Bool) -> Void
    private let onChanges: @Sendable (_ paths: Set<String>?) -> Void
    private let stopped = Locked(false)
    private let noticed = Locked<ContinuousClock.Instant?>(nil)

    /// - Parameters:
    ///   - quietPeriod: how long the inputs must stay unchanged before a burst counts as finished, while a
    ///     file saved in it may still be open or missing, or always without inotify.
    ///   - settledQuietPeriod: the same, once inotify saw every written file closed and every file that was
    ///     renamed away back in place (`ChangeSignal.isSettled`): a whole save, so little more can follow.
    ///   - pollInterval: the safety-net stat poll; with inotify a change wakes the watcher at once.
    ///   - failureGrace: how long the inputs must stay unchanged after a build that failed before the failure
    ///     is shown (see `PreviewServer.rebuild(confirmingFailure:)`).
    ///   - onChange: runs the build. It may call `staysQuiet`, which waits up to `failureGrace` and says
    ///     whether the inputs stayed unchanged since the burst ended; when they did not, the watcher starts
    ///     over at once with the new burst.
    ///   - onChanges: called just before `onChange` with the root-relative paths of the files the burst wrote
    ///     (and any burst before it since the last call), or nil when the watcher cannot be sure nothing else
    ///     changed (`ChangeSignal.takeChanges`; no inotify; a change only the poll saw; a link in the tree).
    init(root: URL, quietPeriod: Duration, settledQuietPeriod: Duration? = nil, pollInterval: Duration,
         failureGrace: Duration = .milliseconds(120),
         onChanges: @escaping @Sendable (_ paths: Set<String>?) -> Void = { _ in },
         onChange: @escaping @Sendable (_ staysQuiet: () -> Bool) -> Void) {
        self.root = root.path
        self.paths = TreeFingerprint.inputs(of: root)
        self.quietMilliseconds = Self.milliseconds(quietPeriod)
        self.settledQuietMilliseconds = Self.milliseconds(settledQuietPeriod ?? quietPeriod)
        self.pollMilliseconds = Self.milliseconds(pollInterval)
        self.failureGraceMilliseconds = Self.milliseconds(failureGrace)
        self.onChange = onChange
        self.onChanges = onChanges
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

    /// When the watcher saw the first change of the burst being built (for the build's log line: the time
    /// from there to the build's start is the quiet period at work); nil before the first burst.
    var burstNoticed: ContinuousClock.Instant? { noticed.current }

    private func run(from initial: TreeFingerprint) {
        let signal = ChangeSignal(root: root)
        signal?.watch(initial.directories)
        var last = initial
        // A failed build saw the inputs change again during its grace period: a new burst is under way.
        var changing = false
        // When the last build finished: a burst that starts soon after it is more of the same (saving several
        // files, a formatter writing after the editor) and gets the full quiet period.
        var lastBuilt: ContinuousClock.Instant?
        // A change the poll saw and inotify did not: the watcher cannot say which files changed.
        var unseen = false
        // `last` predates the last build's own burst, which inotify fully reported (`SafetyNet`).
        var baselineStale = false
        var poll = SafetyNet(interval: pollMilliseconds, notifies: signal != nil)
        while !isStopped {
            if !changing {
                let events = wait(poll.interval, signal)
                guard !isStopped else { return }
                if events == 0 {
                    let now = poll.scan { TreeFingerprint.make(paths: paths) }
                    if baselineStale {
                        last = now
                        baselineStale = false
                        continue
                    }
                    guard now != last else { continue }
                    // A save that landed while the scan ran has its events in inotify's queue: read now, they are
                    // what the wait would have returned a moment later, and the burst is named as any other.
                    // (Before, such a save was taken for a change only the poll saw: the full quiet period and a
                    // check of every input.)
                    if (signal?.wait(milliseconds: 0) ?? 0) == 0 { unseen = true }
                }
                noticed.withLock { $0 = .now }
            }
            let continuing = changing || lastBuilt.map { $0.duration(to: .now) < Self.continuation } ?? false
            changing = false
            // Without inotify the fingerprint at the build's start is what a failed build compares against.
            let before = signal == nil ? waitForQuietByPolling() : nil
            if let signal { waitForQuiet(signal, continuing: continuing) }
            guard !isStopped else { return }
            signal?.beginBurst()
            let written = signal?.takeChanges()
            onChanges(unseen || last.hasLinks ? nil : written)
            unseen = false
            var settled = true
            onChange {
                let more = wait(failureGraceMilliseconds, signal)
                settled = more == 0 && (before.map { TreeFingerprint.make(paths: paths) == $0 } ?? true)
                return settled
            }
            lastBuilt = .now
            if !settled { changing = true }
            // After a burst inotify reported in full (files written, no folder created, removed or renamed), the
            // watches are the ones needed and the poll's baseline is taken at its next quiet tick: a scan of
            // every entry here would delay the next save by its length (ten thousand pages: about 100 ms).
            if settled, written != nil, !last.hasLinks, signal != nil {
                baselineStale = true
                continue
            }
            // Else now, off the path from save to browser: the poll's baseline and new folders' watches. A change
            // made during the build is in inotify's queue, so it is not lost by this baseline.
            last = poll.scan { TreeFingerprint.make(paths: paths) }
            baselineStale = false
            signal?.watch(last.directories)
        }
    }

    /// Returns once inotify has reported nothing for the quiet period: the short one while the files saved so
    /// far look finished (`ChangeSignal.isSettled`), the full one while one is still open or missing, and for
    /// the rest of the burst once a second save followed a finished one (saving several files: more may come),
    /// or from the start when the burst began within `continuation` of the last build.
    private func waitForQuiet(_ signal: ChangeSignal, continuing: Bool) {
        var followed = continuing
        while !isStopped {
            let settled = signal.isSettled && !followed
            if signal.wait(milliseconds: settled ? settledQuietMilliseconds : quietMilliseconds) == 0 { return }
            if settled { followed = true }
        }
    }

    /// Without inotify: returns once two fingerprints a quiet period apart are equal, with the last one.
    private func waitForQuietByPolling() -> TreeFingerprint {
        var current = TreeFingerprint.make(paths: paths)
        while !isStopped {
            Thread.sleep(forTimeInterval: Double(quietMilliseconds) / 1000)
            let next = TreeFingerprint.make(paths: paths)
            if next == current { break }
            current = next
        }
        return current
    }

    private func wait(_ milliseconds: Int, _ signal: ChangeSignal?) -> Int {
        if let signal { return signal.wait(milliseconds: milliseconds) }
        Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
        return 0
    }

    /// A burst that starts this soon after the last build is taken for the same run of saves.
    static let continuation = Duration.milliseconds(250)

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
