import FlyingSocks
import Foundation

/// Accepts connections on one address and serves each in its own task, using FlyingSocks' non-blocking
/// sockets and its epoll/kqueue pool, so thousands of idle connections cost no threads.
final class HTTPListener: Sendable {
    private let address: any SocketAddress
    private let handler: PreviewRequestHandler
    private let events: EventHub
    private let timeout: Duration
    private let registry = ConnectionRegistry()
    private let running = Locked<Running?>(nil)

    private struct Running: Sendable {
        var socket: Socket
        var pool: Task<Void, Never>
        var accept: Task<Void, Never>
        var reaper: Task<Void, Never>
    }

    init(address: any SocketAddress, handler: PreviewRequestHandler, events: EventHub, timeout: Duration) {
        self.address = address
        self.timeout = timeout
        self.handler = handler
        self.events = events
    }

    var openConnections: Int { registry.count }

    /// Binds, listens and starts accepting; returns the bound address (the real port when asked for 0).
    func start() async throws(PreviewError) -> Socket.Address {
        let pool = SocketPool<Poll>.make()
        let socket: Socket
        let listener: AsyncSocket
        let bound: Socket.Address
        do {
            try await pool.prepare()
            socket = try Socket(domain: Int32(type(of: address).family), type: .stream)
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen(maxPendingConnection: 512)
            listener = try AsyncSocket(socket: socket, pool: pool)
            bound = try socket.sockname()
        } catch SocketError.failed(_, let code, _) where code == EADDRINUSE {
            var failure = PreviewError("cannot listen: the address is already in use")
            failure.addressInUse = true
            throw failure
        } catch {
            throw PreviewError("cannot listen: \(error.localizedDescription)")
        }
        let poolTask = Task(executorPreference: PreviewExecutor.events) { _ = try? await pool.run() }
        let acceptTask = Task(executorPreference: PreviewExecutor.requests) { [self] in await acceptLoop(listener) }
        let reaper = Task(executorPreference: PreviewExecutor.requests) { [registry] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                registry.cancelExpired(now: .now)
            }
        }
        running.withLock { $0 = Running(socket: socket, pool: poolTask, accept: acceptTask, reaper: reaper) }
        return bound
    }

    /// Stops accepting, cancels every connection and the socket pool.
    func stop() async {
        guard let running = running.withLock({ state -> Running? in defer { state = nil }; return state }) else { return }
        // Each task is cancelled from its own executor's queue (`PreviewExecutor.perform` says why).
        await PreviewExecutor.requests.perform { [registry] in
            running.accept.cancel()
            running.reaper.cancel()
            registry.cancelAll()
        }
        await running.accept.value
        try? running.socket.close()
        await PreviewExecutor.events.perform { running.pool.cancel() }
        await running.pool.value
    }

    private func acceptLoop(_ listener: AsyncSocket) async {
        while !Task.isCancelled {
            let client: AsyncSocket
            do {
                client = try await listener.accept()
            } catch SocketError.blocked {
                continue
            } catch {
                if Task.isCancelled { return }
                // EMFILE and friends: back off instead of spinning, then keep serving.
                try? await Task.sleep(for: .milliseconds(50))
                continue
            }
            // Responses are written in pieces (a page, the live-reload script, the rest): each goes out at once
            // rather than after the peer acknowledges the last one (Nagle's algorithm). Not a TCP socket: no-op.
            try? client.socket.setValue(true, for: BoolSocketOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY))
            guard let id = registry.admit(deadline: .now + timeout) else {
                try? client.close()
                continue
            }
            let connection = Connection(id: id, timeout: timeout, socket: client, handler: handler, events: events,
                                        registry: registry)
            registry.attach(id, task: Task(executorPreference: PreviewExecutor.requests) { await connection.run() },
                            descriptor: client.socket.file.rawValue)
        }
    }
}
