import Content
import Foundation
import Templates

/// The data files' values and the UI strings' YAML from the last good build, by each file's path and bytes.
///
/// Both are pure functions of the bytes (`DataFiles.parse`, `YAMLDocument.read`), read through `SiteInputs` as
/// before, so the reads are recorded as in a full build; only the parsing is skipped when the bytes are the
/// last build's, and anything that differs is parsed again. A file that did not parse cleanly is never kept.
/// YAML parsing was most of the "ledger, data, ui strings" step of a microsite rebuild.
///
/// `@unchecked Sendable`: `kept` is behind `lock`; `previous` is never written.
final class ParseMemo: @unchecked Sendable {
    struct State: Sendable {
        /// A data file's value, by its root-relative path.
        var data: [String: (bytes: [UInt8], value: Value)] = [:]
        /// A YAML file's node, by its root-relative path.
        var yaml: [String: (bytes: [UInt8], node: Node?)] = [:]
    }

    private let previous: State
    private let lock = NSLock()
    private var kept = State()
    private var hits = 0

    init(previous: State = State()) {
        self.previous = previous
    }

    /// `make()`, or the last build's value for `file` when its bytes were the same.
    func value(of file: String, bytes: [UInt8], make: () -> Result<Value, BuildFailure>) -> Result<Value, BuildFailure> {
        if let last = previous.data[file], last.bytes == bytes {
            lock.withLock {
                kept.data[file] = last
                hits += 1
            }
            return .success(last.value)
        }
        let result = make()
        if case .success(let value) = result { lock.withLock { kept.data[file] = (bytes, value) } }
        return result
    }

    /// `YAMLDocument.read(bytes, file: file)`, or the last build's node when the bytes were the same.
    func yaml(_ bytes: [UInt8], file: String) -> (node: Node?, errors: [ContentError]) {
        if let last = previous.yaml[file], last.bytes == bytes {
            lock.withLock {
                kept.yaml[file] = last
                hits += 1
            }
            return (last.node, [])
        }
        let read = YAMLDocument.read(bytes, file: file)
        if read.errors.isEmpty { lock.withLock { kept.yaml[file] = (bytes, read.node) } }
        return read
    }

    /// What this build parsed or kept, for the next one.
    var filled: State { lock.withLock { kept } }

    /// How many files were the last build's.
    var reused: Int { lock.withLock { hits } }
}
