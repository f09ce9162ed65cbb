extension FileWatcher {
    /// The stat poll's pace. Without inotify the poll is how changes are seen, so it runs at the configured
    /// interval. With inotify it is only a safety net, and a scan of a large tree is not free (ten thousand
    /// pages: about 100 ms of a core for `lstat` and listing each folder): the interval grows with the last
    /// scan's length, so that the net takes at most a twentieth of a core however large the site is, and a
    /// save never waits long behind a scan in progress.
    struct SafetyNet {
        /// Milliseconds to wait for an event before the next scan.
        private(set) var interval: Int
        private let configured: Int
        private let notifies: Bool

        /// The longest interval with inotify: a change it missed is still seen within this.
        static let longest = 3_000
        /// The interval is this many times the last scan's length (with inotify).
        static let factor = 20

        init(interval: Int, notifies: Bool) {
            configured = interval
            self.interval = interval
            self.notifies = notifies
        }

        /// Runs `make` (a scan), timing it to set the next interval.
        mutating func scan(_ make: () -> TreeFingerprint) -> TreeFingerprint {
            let clock = ContinuousClock()
            let started = clock.now
            let result = make()
            adjust(afterScanOf: started.duration(to: clock.now))
            return result
        }

        /// The next interval after a scan that took `length`.
        mutating func adjust(afterScanOf length: Duration) {
            guard notifies else { return }
            let (seconds, attoseconds) = length.components
            let milliseconds = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
            interval = min(Self.longest, max(configured, milliseconds * Self.factor))
        }
    }
}
