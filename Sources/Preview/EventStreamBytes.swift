import FlyingSocks
import Foundation

/// The body of a `text/event-stream` response: the bytes of each event as soon as it is sent.
///
/// FlyingFox streams a body of unknown length with chunked encoding and writes each buffer this yields
/// straight to the socket, so events reach the browser without waiting for more.
struct EventStreamBytes: AsyncBufferedSequence {
    typealias Element = UInt8

    let stream: AsyncStream<Data>
    let subscription: Subscription

    func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator(), subscription: subscription)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<Data>.Iterator
        let subscription: Subscription
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            guard await fill() else { return nil }
            return pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            guard await fill() else { return nil }
            let taken = Array(pending.prefix(Swift.max(count, 1)))
            pending.removeFirst(taken.count)
            return taken
        }

        /// Waits for the next event when nothing is pending; false once the stream has ended.
        private mutating func fill() async -> Bool {
            while pending.isEmpty {
                guard let data = await base.next() else { return false }
                pending = Array(data)
            }
            return true
        }
    }
}
