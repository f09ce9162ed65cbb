import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Knows how much stack the current thread has left, so deep recursion becomes an error instead of a crash.
///
/// Nesting and call limits bound recursion in *levels*, but the stack a level costs depends on
/// the build (debug frames are several times larger) and the thread (Darwin gives secondary
/// threads 512 KiB, Linux usually 8 MiB). Checking the real stack pointer against the thread's
/// real stack bounds makes "no input can overflow the stack" hold everywhere.
struct StackGuard {
    /// Stack kept free below the last check, for the frames that run between two checks.
    static let margin: UInt = 128 * 1024
    /// Budget used when the thread's stack bounds cannot be read.
    static let fallbackBudget: UInt = 256 * 1024

    private let limit: UInt

    init() {
        let current = StackGuard.currentAddress()
        // Every thread, the main one too, reads its bounds once and keeps them in its own slot: the main thread's
        // are costly to read on Linux (glibc parses /proc/self/maps), and asking `Thread.isMainThread` to tell
        // them apart cost two system calls (gettid, getpid) on every render.
        let lowest = StackGuard.threadLowest()
        if let lowest, current > lowest + StackGuard.margin {
            limit = lowest + StackGuard.margin
        } else {
            limit = current > StackGuard.fallbackBudget ? current - StackGuard.fallbackBudget : 0
        }
    }

    /// Whether the stack (which grows downwards on every supported platform) has reached the limit.
    var isExhausted: Bool { StackGuard.currentAddress() < limit }

    #if !canImport(Darwin) && (canImport(Glibc) || canImport(Musl))
    private typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32

    /// `pthread_getattr_np` is a GNU extension the Glibc module does not export; it is looked up once at run time.
    private static let getAttributes: GetAttributes? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "pthread_getattr_np") else { return nil }
        return unsafeBitCast(symbol, to: GetAttributes.self)
    }()
    #endif

    /// A thread's stack bounds never change, but reading them costs a system call on Linux (glibc asks for the
    /// thread's CPU affinity too), and a guard is made for every render: a site renders ten thousand pages on
    /// a few threads. So each thread remembers its own, in a thread-specific slot (0: not read yet).
    private static let lowestKey: pthread_key_t? = {
        var key = pthread_key_t()
        return pthread_key_create(&key, nil) == 0 ? key : nil
    }()

    private static func threadLowest() -> UInt? {
        guard let key = lowestKey else { return lowestStackAddress() }
        if let stored = pthread_getspecific(key) { return UInt(bitPattern: stored) }
        guard let lowest = lowestStackAddress() else { return nil }
        _ = pthread_setspecific(key, UnsafeRawPointer(bitPattern: lowest))
        return lowest
    }

    @inline(never)
    private static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// The lowest address of the current thread's stack, if the platform tells.
    private static func lowestStackAddress() -> UInt? {
        #if canImport(Darwin)
        let thread = pthread_self()
        let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
        let size = UInt(pthread_get_stacksize_np(thread))
        return top > size ? top - size : nil
        #elseif canImport(Glibc) || canImport(Musl)
        guard let getAttributes = StackGuard.getAttributes else { return nil }
        var attributes = pthread_attr_t()
        guard getAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        return UInt(bitPattern: address)
        #else
        return nil
        #endif
    }
}
