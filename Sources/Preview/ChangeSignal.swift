#if canImport(Glibc)
import Glibc

/// Wakes the watcher as soon as the kernel reports a change (Linux inotify), instead of at the next poll.
///
/// It only speeds things up: the stat fingerprint stays the source of truth, so a missed event (a new
/// folder not yet watched, an overflowing queue) costs at most one poll interval. Events also count as a
/// change by themselves, because two writes within one kernel timestamp tick can leave size and mtime equal.
///
/// It also says whether the files being saved look finished (`isSettled`): every file written since the
/// last `beginBurst()` has been closed, every file renamed away or deleted that existed before the burst is
/// back, and every file that appeared in the burst is gone again. Editors that save through a temporary file
/// and renames (Vim, JetBrains, atomic saves) leave the file missing or a temporary file in place for a
/// moment, and one that writes in chunks leaves it open; until all that is over, the watcher keeps the longer
/// quiet period. (A new page is a file that appeared and stays: its burst gets the longer period too.)
///
/// And it says which files changed (`takeChanges`), for the build session to check only those: the
/// root-relative paths of files written or whose attributes changed. It is sure of them only when nothing else
/// can have happened unseen, so it answers nil (check every input) after an event that changes a folder's
/// listing (a file or folder created, deleted or renamed), an overflowing queue, an event on a watch it does
/// not know, a watch it could not add or had just added (changes before a watch exists are not reported), and
/// from the start (the first build ran before any watch). `FileWatcher` adds one more doubt: a tree with a
/// link in it (`TreeFingerprint.hasLinks`), whose files can change through a path no watch covers.
final class ChangeSignal {
    private let descriptor: Int32
    private let rootPath: String
    private var watchedRoot: Int32 = -1
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    /// Files modified and not yet closed, and files gone that existed before the burst ("watch/name").
    private var open: Set<String> = []
    private var missing: Set<String> = []
    /// Files that appeared during the burst and are still there: a temporary file about to be renamed, or a new page.
    private var appeared: Set<String> = []
    /// Each folder's watch with its root-relative path, for the paths of its events.
    private var folders: [Int32: String] = [:]
    /// Root-relative paths of files written since the last `takeChanges`; `unsure`: something else may have changed.
    private var changed: Set<String> = []
    private var unsure = true

    private static let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)
    /// Names in the root folder that are inputs; other files there (`site/`, `.git`) are ignored.
    private static let rootInputs: Set<String> = ["content", "templates", "static", "data", "i18n", "site.yml"]

    /// Nil when inotify is unavailable (e.g. the per-user instance limit is reached); polling then suffices.
    init?(root: String) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.rootPath = root
    }

    deinit { close(descriptor) }

    /// Adds watches for `directories` and the root; adding an existing watch is a cheap no-op.
    func watch(_ directories: [String]) {
        watchedRoot = inotify_add_watch(descriptor, rootPath, Self.mask)
        if watchedRoot < 0 { unsure = true }
        for directory in directories {
            let watch = inotify_add_watch(descriptor, directory, Self.mask)
            guard watch >= 0, directory.hasPrefix(rootPath + "/") else {
                unsure = true
                continue
            }
            // A new watch: what happened in the folder before it was added was not reported.
            if folders[watch] == nil { unsure = true }
            folders[watch] = String(directory.dropFirst(rootPath.count + 1))
        }
    }

    /// The root-relative paths of the files written since the last call, or nil when other changes may have
    /// happened (see the type's notes); starts over either way.
    func takeChanges() -> Set<String>? {
        defer {
            changed = []
            unsure = false
        }
        return unsure ? nil : changed
    }

    /// The watch of the folder at the root-relative `path`, if it has one; for tests.
    func watch(of path: String) -> Int32? {
        folders.first { $0.value == path }?.key
    }

    /// Takes the events in `bytes` (packed `inotify_event` records) as if read from the queue; for tests.
    func take(events bytes: UnsafeRawBufferPointer) -> Int {
        countRelevant(in: bytes)
    }

    /// Forgets what the previous burst left open or missing; called as a burst begins.
    func beginBurst() {
        open = []
        missing = []
        appeared = []
    }

    /// No file written in this burst is still open, none that vanished is missing, none that appeared is left.
    var isSettled: Bool { open.isEmpty && missing.isEmpty && appeared.isEmpty }

    /// Sleeps up to `milliseconds`, returning early with the number of relevant events once one arrives.
    func wait(milliseconds: Int) -> Int {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, Int32(milliseconds)) > 0 else { return 0 }
        return drain()
    }

    private func drain() -> Int {
        var count = 0
        while true {
            let length = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard length > 0 else { return count }
            count += buffer.withUnsafeBytes { countRelevant(in: UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
        }
    }

    /// Walks the packed `inotify_event` records: 16 header bytes, then a NUL-padded name of `len` bytes.
    private func countRelevant(in bytes: UnsafeRawBufferPointer) -> Int {
        var offset = 0
        var count = 0
        let header = 16
        while offset + header <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameEnd = min(offset + header + nameLength, bytes.count)
            let name = String(decoding: bytes[(offset + header)..<nameEnd].prefix { $0 != 0 }, as: UTF8.self)
            if watch != watchedRoot || Self.rootInputs.contains(name) {
                count += 1
                track(mask, "\(watch)/\(name)")
                note(mask, watch: watch, name: name)
            }
            offset += header + nameLength
        }
        return count
    }

    /// Which file an event says was written, or that the watcher can no longer be sure (`takeChanges`).
    private func note(_ mask: UInt32, watch: Int32, name: String) {
        let written = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE)
        guard mask & ~written == 0, !name.isEmpty else {
            // A listing changed, a folder event, an overflow (`IN_Q_OVERFLOW`, on no watch), a watch removed.
            unsure = true
            return
        }
        if watch == watchedRoot {
            changed.insert(name)
        } else if let folder = folders[watch] {
            changed.insert(folder + "/" + name)
        } else {
            unsure = true
        }
    }

    private func track(_ mask: UInt32, _ file: String) {
        if mask & UInt32(IN_MODIFY) != 0 { open.insert(file) }
        if mask & UInt32(IN_CLOSE_WRITE) != 0 { open.remove(file) }
        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            if missing.remove(file) == nil { appeared.insert(file) }
        }
        if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
            open.remove(file)
            if appeared.remove(file) == nil { missing.insert(file) }
        }
    }
}
#else
import Foundation

/// Without inotify the watcher polls: `wait` just sleeps.
final class ChangeSignal {
    init?(root: String) { return nil }
    var isSettled: Bool { false }
    func beginBurst() {}
    func watch(_ directories: [String]) {}
    func wait(milliseconds: Int) -> Int { 0 }
    func takeChanges() -> Set<String>? { nil }
}
#endif
