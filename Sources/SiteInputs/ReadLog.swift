import Foundation

/// What a build read from the site's root: every file (with a fingerprint of its bytes) and every folder
/// listed (with the names it held), in the order the reads happened per path.
///
/// `SiteInputs` records into it when it is given one; nothing else reads source files, so the log is the
/// complete list of a build's inputs. Incremental rebuilds compare it with the files on disk to know what
/// changed, instead of every feature declaring its own dependencies.
public final class ReadLog: @unchecked Sendable {
    public enum Entry: Sendable, Equatable {
        /// A file's bytes were read; the fingerprint is FNV-1a 64 of the bytes.
        case file(fingerprint: UInt64)
        /// A folder was listed; the root-relative paths of the regular files found below it.
        case folder(files: [String])
        /// A path was looked up and did not exist (its later creation is a change too).
        case absent
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Where every read is recorded too: a log of one step's reads, inside the build's log.
    private let parent: ReadLog?

    public init() {
        parent = nil
    }

    /// A log of what one part of a build reads (incremental rebuilds keep the Markdown step's), recording every
    /// read into `parent` as well, so the build's log stays complete.
    public init(forwardingTo parent: ReadLog?) {
        self.parent = parent
    }

    public func record(_ path: String, _ entry: Entry) {
        lock.lock()
        entries[path] = entry
        lock.unlock()
        parent?.record(path, entry)
    }

    /// Records every entry of `reads` as `record` would, one after another, under one lock: a log that is still
    /// empty takes the table as it is (ten thousand pages' reads, handed from one build's log to the next, were
    /// ten thousand locked inserts).
    public func record(contentsOf reads: [String: Entry]) {
        lock.lock()
        if entries.isEmpty {
            entries = reads
        } else {
            entries.merge(reads) { _, new in new }
        }
        lock.unlock()
        parent?.record(contentsOf: reads)
    }

    /// Every path read so far, with what was seen there.
    public var snapshot: [String: Entry] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }

    /// FNV-1a, 64 bits: cheap, stable across runs and platforms (unlike `Hasher`).
    public static func fingerprint(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
