import Foundation
import Testing

/// The ways editors save a file, step by step with the system calls they make, for the watcher's tests.
/// Every step follows the one before after `pause` microseconds (none in an editor, unless the system
/// descheduled it); `chunked` leaves at least 2 ms between its two writes.
enum EditorSave: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// `open(O_TRUNC)`, one write, close (VS Code's default, nano, most tools).
    case inPlace
    /// Truncate, write half, 2 ms later the rest (a large buffer written in chunks).
    case chunked
    /// Write a temporary file beside it and rename it over the original (atomic save: VS Code's
    /// `files.saveAtomically`, Sublime Text, Emacs with `file-precious-flag`).
    case temporaryThenRename
    /// Vim's default with `writebackup`: rename the original to `name~`, write a new file, delete the backup.
    /// For a moment the file does not exist.
    case vimBackupRename
    /// JetBrains' "safe write": write `name___jb_tmp___`, rename the original to `name___jb_old___`, rename the
    /// temporary file into place, delete the old one.
    case jetBrainsSafeWrite

    var testDescription: String { rawValue }

    /// Saves `text` at `path` this way; false if a step failed.
    func save(_ text: String, at path: String, pause: useconds_t = 0) -> Bool {
        let data = Array(text.utf8)
        let step = { () -> Bool in
            if pause > 0 { usleep(pause) }
            return true
        }
        switch self {
        case .inPlace:
            return write(data, to: path)
        case .chunked:
            let descriptor = open(path, O_WRONLY | O_TRUNC | O_CREAT, 0o644)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            let half = data.count / 2
            guard Foundation.write(descriptor, data, half) == half else { return false }
            usleep(max(2_000, pause))
            return data[half...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) } == data.count - half
        case .temporaryThenRename:
            let directory = (path as NSString).deletingLastPathComponent
            let temporary = directory + "/." + (path as NSString).lastPathComponent + ".tmp"
            return write(data, to: temporary) && step() && rename(temporary, path) == 0
        case .vimBackupRename:
            return rename(path, path + "~") == 0 && step() && write(data, to: path) && step() && unlink(path + "~") == 0
        case .jetBrainsSafeWrite:
            return write(data, to: path + "___jb_tmp___") && step() && rename(path, path + "___jb_old___") == 0
                && step() && rename(path + "___jb_tmp___", path) == 0 && step() && unlink(path + "___jb_old___") == 0
        }
    }

    private func write(_ data: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CREAT, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return Foundation.write(descriptor, data, data.count) == data.count
    }
}
