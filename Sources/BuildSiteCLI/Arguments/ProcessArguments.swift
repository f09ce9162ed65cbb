/// This process's command-line arguments, or nothing when the platform could not give them.
///
/// On Linux the Swift runtime reads the arguments from `/proc/self/cmdline`. Where `/proc` is not mounted (a
/// bare chroot or container) it finds none and reports zero arguments, not even the program's name, which a
/// real `exec` always has. Parsed as usual, zero arguments would mean "build the current folder into
/// ./site" — a build nobody asked for, in a folder nobody named. So that case is told apart and refused.
enum ProcessArguments {
    /// The arguments after the program's name; nil when the platform gave none at all.
    static func current() -> [String]? {
        CommandLine.argc == 0 ? nil : Array(CommandLine.arguments.dropFirst())
    }

    /// What to print when `current()` is nil.
    static let unavailable = "error: cannot read this process's command-line arguments (is /proc mounted?); "
        + "refusing to guess which site to build"
}
