import Foundation

/// How a preview server listens and watches.
public struct PreviewConfiguration: Sendable {
    /// An IP address; loopback by default so the preview is not reachable from the network.
    public var host: String
    /// 0 asks the system for a free port; `PreviewServer.start()` returns the real URL.
    public var port: UInt16
    /// The site folder whose `content/`, `templates/`, `static/` and `site.yml` are watched; nil watches
    /// nothing (the owner calls `rebuild()`). Also where error excerpts are read from.
    public var root: URL?
    /// How long the inputs must stay unchanged before a burst of saves counts as finished, while a file
    /// saved in it may still be open or missing (or always, without inotify).
    public var quietPeriod: Duration
    /// The same once inotify saw every save of the burst finish: each written file closed, each file that
    /// was renamed away back in place.
    public var settledQuietPeriod: Duration
    /// After a build that failed, how long the inputs must stay unchanged before the error page is shown. An
    /// editor that saves in two writes a few tens of milliseconds apart would otherwise show a transient
    /// error; a build that succeeds is shown at once, so the save-to-reload time is unchanged.
    public var failureGrace: Duration
    /// The stat poll; with inotify (Linux) changes wake the watcher at once and this is only a safety net.
    public var pollInterval: Duration
    /// How often open event streams get a comment line, so closed tabs are noticed and freed.
    public var heartbeatInterval: Duration
    /// How long a client may take to send a request head or to read a response before it is disconnected.
    public var clientTimeout: Duration

    public init(host: String = "127.0.0.1", port: UInt16 = 8000, root: URL? = nil,
                quietPeriod: Duration = .milliseconds(30), settledQuietPeriod: Duration = .milliseconds(5), failureGrace: Duration = .milliseconds(120), pollInterval: Duration = .milliseconds(150),
                heartbeatInterval: Duration = .seconds(15), clientTimeout: Duration = .seconds(30)) {
        self.host = host
        self.port = port
        self.root = root
        self.quietPeriod = quietPeriod
        self.settledQuietPeriod = settledQuietPeriod
        self.failureGrace = failureGrace
        self.pollInterval = pollInterval
        self.heartbeatInterval = heartbeatInterval
        self.clientTimeout = clientTimeout
    }
}
