/// The arguments of a plain build, read without ArgumentParser.
///
/// ArgumentParser describes every command by reflection before it reads a single argument: on a release build
/// that is about 13 million instructions of runtime type lookups (Mirror, protocol-conformance scans over
/// the statically linked Foundation) before any work starts, 3–4 ms on one core, while the microsite's whole
/// build takes under a hundred. So the common form, `build-site [build] [options]` with each option at
/// most once in its plain spelling, is read here; anything else (help, `--version`, a subcommand, a repeated
/// or bundled or unknown option, `--`, a value that starts with `-`) returns nil and goes to ArgumentParser,
/// which stays the one that explains mistakes. `QuickBuildArgumentsTests` compares the two on every form this
/// accepts.
enum QuickBuildArguments {
    /// The build command these arguments ask for, or nil when ArgumentParser must read them.
    static func command(_ arguments: [String]) -> BuildCommand? {
        var rest = arguments[...]
        if rest.first == "build" { rest = rest.dropFirst() }
        var values: [String: String] = [:]
        var flags: Set<String> = []
        while let argument = rest.popFirst() {
            if let name = valueOptions.first(where: { argument == $0 || argument.hasPrefix($0 + "=") }) {
                let value: String
                if argument == name {
                    guard let next = rest.popFirst() else { return nil }
                    value = next
                } else {
                    value = String(argument.dropFirst(name.count + 1))
                }
                guard !value.isEmpty, !value.hasPrefix("-"), values.updateValue(value, forKey: name) == nil else { return nil }
                continue
            }
            guard let flag = flagSpellings[argument], flags.insert(flag).inserted else { return nil }
        }
        // An on/off pair given both ways is ArgumentParser's to judge.
        if flags.contains("--incremental"), flags.contains("--no-incremental") { return nil }

        var command = BuildCommand()
        command.root = values["--root"] ?? "."
        command.output = values["--output"]
        command.drafts = flags.contains("--drafts")
        command.force = flags.contains("--force")
        command.noFragmentCache = flags.contains("--no-fragment-cache")
        command.templateMetrics = flags.contains("--template-metrics")
        command.incremental = flags.contains("--incremental")
        command.quiet = flags.contains("--quiet")
        command.verbose = flags.contains("--verbose")
        return command
    }

    private static let valueOptions = ["--root", "--output"]

    /// Each spelling of a flag, by the flag it sets (short forms alone, never bundled).
    private static let flagSpellings: [String: String] = [
        "--drafts": "--drafts", "--force": "--force", "--no-fragment-cache": "--no-fragment-cache",
        "--template-metrics": "--template-metrics", "--incremental": "--incremental",
        "--no-incremental": "--no-incremental", "--quiet": "--quiet", "-q": "--quiet",
        "--verbose": "--verbose", "-v": "--verbose",
    ]
}
