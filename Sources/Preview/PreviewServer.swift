import FlyingSocks
import Foundation
import Site

/// Builds a site in memory, serves it over HTTP with live reload, and rebuilds when its inputs change.
///
/// Nothing is written to disk: the snapshot of the last build is the whole served site, which is why preview
/// can never touch `site/` and why no request can reach a file outside the build. Builds are injected as a
/// closure so the server logic can be tested with a hand-made site; the CLI passes `SiteBuilder.build`.
public final class PreviewServer: Sendable {
    public typealias Build = @Sendable () throws(BuildFailure) -> BuiltSite

    private let configuration: PreviewConfiguration
    private let build: Build
    private let log: @Sendable (String) -> Void
    private let changedPaths: @Sendable (Set<String>?) -> Void
    private let snapshot: Locked<SiteSnapshot>
    private let events = EventHub()
    private let builds = Locked(0)
    /// Serialises builds: the watcher thread and a caller of `rebuild()` never build at the same time.
    private let buildLock = NSLock()
    private let listener: HTTPListener
    private let running = Locked<Running?>(nil)
    /// The `Host` values requests may carry (DNS rebinding), known once the server is bound.
    private let hosts = HostCheck()
    private let notice = Locked<[String]>([])

    /// What `start()` set going, for `stop()` to end.
    private struct Running: Sendable {
        var heartbeat: Task<Void, Never>
        var watcher: FileWatcher?
    }

    /// - Parameters:
    ///   - build: renders the whole site into memory; called once at start and after each burst of edits.
    ///   - log: receives one line per build (timing, or the errors); the CLI prints it to stderr.
    ///   - changedPaths: before each build the watcher starts, the root-relative paths of the files it saw
    ///     written since the last one, or nil when it cannot be sure nothing else changed (`FileWatcher`); the
    ///     CLI hands them to its `BuildSession`, which then checks only those.
    /// - Throws: `PreviewError` when `configuration.host` is not an IP address.
    public init(configuration: PreviewConfiguration, build: @escaping Build,
                log: @escaping @Sendable (String) -> Void = { _ in },
                changedPaths: @escaping @Sendable (Set<String>?) -> Void = { _ in }) throws(PreviewError) {
        self.configuration = configuration
        self.build = build
        self.log = log
        self.changedPaths = changedPaths
        let instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let snapshot = Locked(SiteSnapshot(instance: instance))
        self.snapshot = snapshot
        let address = try ListenAddress.make(host: configuration.host, port: configuration.port)
        self.listener = HTTPListener(address: address, handler: PreviewRequestHandler(snapshot: snapshot, hosts: hosts), events: events,
                                     timeout: configuration.clientTimeout)
    }

    /// How many builds ran, the first one included; a burst of saves should add one.
    public var buildCount: Int { builds.current }

    /// For a preview listening beyond loopback, once started: the real listening address, the URLs others can
    /// open, and a one-line warning that the preview (drafts included) is visible to them. Empty on loopback.
    public var exposureNotice: [String] { notice.current }

    /// Open live-reload streams.
    public var liveReloadClients: Int { events.subscriberCount }

    /// Open client connections, live-reload streams included.
    public var openConnections: Int { listener.openConnections }

    /// Starts listening, builds once, starts watching, and returns the URL to open. The address is taken
    /// before the build, so a port in use is said at once rather than after a build of the whole site.
    /// - Throws: `PreviewError` when the address cannot be bound (port in use, no such interface).
    public func start() async throws(PreviewError) -> URL {
        let bound: Socket.Address
        do {
            bound = try await listener.start()
        } catch where error.addressInUse {
            throw PreviewError("port \(configuration.port) on \(configuration.host) is already in use (another build-site serve, "
                + "or another server?); choose another with --port, or --port 0 for any free one")
        }
        rebuild()
        hosts.allow(bound: bound)
        notice.withLock { $0 = NetworkExposure.notice(host: configuration.host, bound: bound) }
        guard let text = ListenAddress.url(for: bound), let url = URL(string: text) else {
            await listener.stop()
            throw PreviewError("the server is not listening on an IP address")
        }
        let heartbeat = Task(executorPreference: PreviewExecutor.requests) { [events, interval = configuration.heartbeatInterval] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                events.sendHeartbeat()
            }
        }
        let watcher = configuration.root.map { root in
            FileWatcher(root: root, quietPeriod: configuration.quietPeriod, settledQuietPeriod: configuration.settledQuietPeriod,
                        pollInterval: configuration.pollInterval, failureGrace: configuration.failureGrace,
                        onChanges: changedPaths) { [weak self] staysQuiet in
                self?.rebuild(confirmingFailure: staysQuiet)
            }
        }
        running.withLock { $0 = Running(heartbeat: heartbeat, watcher: watcher) }
        watcher?.start()
        return url
    }

    /// Stops watching, ends the live-reload streams and closes the server, waiting briefly for open responses.
    public func stop() async {
        guard let running = running.withLock({ state -> Running? in defer { state = nil }; return state }) else { return }
        running.watcher?.stop()
        await PreviewExecutor.requests.perform { running.heartbeat.cancel() }
        events.close()
        await listener.stop()
    }

    /// Builds now, swaps the snapshot in one step and tells open pages what changed.
    ///
    /// The build runs on the calling thread (the watcher's, normally) while requests keep being answered
    /// from the previous snapshot.
    ///
    /// - Parameter confirmingFailure: called when the build fails; false means the inputs changed again
    ///   meanwhile (an editor's second write a few tens of milliseconds after the first), so the failure is
    ///   not shown: the watcher builds again at once, and the page never flashes a transient error.
    @discardableResult
    func rebuild(confirmingFailure: () -> Bool = { true }) -> SiteChange {
        buildLock.lock()
        defer { buildLock.unlock() }
        let clock = ContinuousClock()
        let started = clock.now
        let outcome: BuildOutcome
        do {
            outcome = .built(try build())
        } catch {
            if !confirmingFailure() {
                let count = builds.withLock { count -> Int in count += 1; return count }
                log("build \(count) failed while files were still changing; not shown, building again")
                return .none
            }
            outcome = .failed(report: DiagnosticReport.entries(for: error, root: configuration.root))
        }
        let built = clock.now
        let waited = running.current?.watcher?.burstNoticed.map { $0.duration(to: started) }
        // Compared outside the lock (requests go on meanwhile), put in under it: the served table is then held
        // by the snapshot alone, unless a response is being read from it, and changes in place.
        let update = snapshot.current.prepare(outcome)
        let change = update.change
        let next = snapshot.withLock { current -> SiteSnapshot in
            current.apply(update)
            return current
        }
        let count = builds.withLock { count -> Int in count += 1; return count }
        if change != .none { events.send(event: change.event, data: change.data(version: next.version)) }
        let swapped = clock.now
        log(Self.describe(outcome, change: change, build: count, building: started.duration(to: built),
                          swapping: built.duration(to: swapped), waiting: count > 1 ? waited : nil))
        return change
    }

    /// One line per build; the swap time (diffing, hashing, notifying) is shown apart from the build's own,
    /// and after an edit, the time from the watcher's first sight of it to the build's start (the quiet period).
    private static func describe(_ outcome: BuildOutcome, change: SiteChange, build: Int,
                                 building: Duration, swapping: Duration, waiting: Duration?) -> String {
        let milliseconds = Int((building / .milliseconds(1)).rounded())
        let swap = String(format: "%.1f ms swap", swapping / .milliseconds(1))
            + (waiting.map { String(format: ", %.1f ms after the first change", $0 / .milliseconds(1)) } ?? "")
        switch outcome {
        case .built(let site):
            let effect: String
            switch change {
            case .none: effect = "no visible change"
            case .stylesheets: effect = "stylesheets swapped"
            case .pages(let update):
                effect = "\(update.swap.count) pages updated in place, \(update.reload.count) reloaded"
            case .everything: effect = "pages reloaded"
            }
            return "build \(build): \(site.files.count) files in \(milliseconds) ms (+\(swap)), \(effect)"
        case .failed(let report):
            return "build \(build) failed in \(milliseconds) ms:\n" + report.joined(separator: "\n")
        }
    }
}
