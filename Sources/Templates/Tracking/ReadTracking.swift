import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The one place that knows which recorder, if any, the current thread's render reads into.
///
/// Reads are recorded where they happen: `OrderedDictionary`'s accessors note every read of a tagged mapping,
/// the renderer notes every template it looks up by name, and a site's filters note the files they read
/// (`noteFile`). Nothing has to declare what it depends on. Pages render on many threads at once, so the
/// recorder is per thread (a thread-specific slot); with none installed, a read of a tagged mapping costs one
/// slot lookup, and a read of an untagged one nothing beyond testing its tag.
public enum ReadTracking {
    /// The slot holding the current thread's recorder, unretained: `recording` keeps it alive.
    private static let slot: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "pthread_key_create failed (\(status))")
        return key
    }()

    /// Runs `body` with `recorder` receiving this thread's reads, then puts back whatever was installed before
    /// (so recordings nest: an inner one sees only what its body reads, the outer one nothing of it unless
    /// told; see `Renderer`'s `{% cache %}`).
    public static func recording<Result, Failure: Error>(_ recorder: ReadRecorder,
                                                         _ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        let previous = pthread_getspecific(slot)
        _ = pthread_setspecific(slot, Unmanaged.passUnretained(recorder).toOpaque())
        defer {
            _ = pthread_setspecific(slot, previous)
            withExtendedLifetime(recorder) {}
        }
        return try body()
    }

    /// The recorder installed on this thread, if any.
    public static var current: ReadRecorder? {
        guard let pointer = pthread_getspecific(slot) else { return nil }
        return Unmanaged<ReadRecorder>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Whether a recorder is installed on this thread: a filter can skip fingerprinting a file when not.
    public static var isRecording: Bool { pthread_getspecific(slot) != nil }

    /// Records that a tagged mapping's `key` (nil: the whole mapping) was read: `OrderedDictionary`'s accessors
    /// call it, and a site's filter may too for what it reads that is not a value. Out of line, so that the
    /// accessors calling it stay small.
    @inline(never)
    public static func noteRead(_ origin: UInt32, _ key: String?) {
        guard let pointer = pthread_getspecific(slot) else { return }
        Unmanaged<ReadRecorder>.fromOpaque(pointer).takeUnretainedValue().noteRead(origin, key)
    }

    /// Records that the template `name` was looked up.
    @inline(never)
    static func noteTemplate(_ name: String) {
        guard let pointer = pthread_getspecific(slot) else { return }
        Unmanaged<ReadRecorder>.fromOpaque(pointer).takeUnretainedValue().noteTemplate(name)
    }

    /// Records that a filter read the file at the root-relative `path`, whose bytes have `fingerprint`
    /// (`ReadRecorder.unreadable` when the read failed). Does nothing when no recorder is installed.
    public static func noteFile(_ path: String, fingerprint: UInt64) {
        current?.noteFile(path, fingerprint: fingerprint)
    }
}
