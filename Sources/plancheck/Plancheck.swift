import ArgumentParser
import PlancheckCore
import PlancheckSystem

@main
struct Plancheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plancheck",
        abstract: "Check plan submissions against a development plan's rule pack. 按规划规则包检查各报送单位的计划数据。",
        discussion: """
        Exit status: 0 no failure at or above --fail-on (default: error); 1 failures at or above it; 2 unusable \
        input (a file that is not YAML or cannot be read, an invalid rule pack, configuration or quota table, a \
        usage error, a report that cannot be written). An unusable file never hides the findings of the others: \
        they are all reported, then the status is 2. See docs/exit-codes.md.

        In a data repository the nearest .plancheck.yml (or --config FILE) names the pack, the submissions, \
        quota tables, severity overrides and output defaults; command-line options win over it. \
        See docs/guides/data-repo-maintainer.md.
        退出码：0 无达到 --fail-on 级别的问题；1 有此类问题；2 输入不可用（含配置错误、用法错误）。
        """,
        version: PlancheckVersion.current,
        subcommands: [Check.self, RulesCommand.self, Explain.self, Init.self, Schema.self],
        defaultSubcommand: Check.self
    )

    /// As ArgumentParser's, except that usage errors exit with 2 (the documented status for unusable input)
    /// instead of 64, so that a CI job can tell "the check failed" (1) from "the check could not run" (2).
    static func main() {
        rejectUnknownCommand(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Output.error(fullMessage(for: error) + "\n")
                terminateProcess(2)
            }
            exit(withError: error)
        }
    }
}

extension Plancheck {
    /// Every command line words can start with, and the nested ones under their group (`rules lint`).
    static var commandNames: [String] {
        var names = ["help"]
        for command in configuration.subcommands {
            let name = command.configuration.commandName ?? command._commandName
            names.append(name)
            names += command.configuration.subcommands.map { "\(name) \($0.configuration.commandName ?? $0._commandName)" }
        }
        return names
    }

    /// `check` is the default command, so `plancheck lint` would check a file called `lint` and say "file not
    /// found". A first word that is no command, no option and no existing path is a usage error instead, with the
    /// command it most likely meant.
    static func rejectUnknownCommand(_ arguments: [String]) {
        guard let word = arguments.first, !word.hasPrefix("-"), !word.contains("/"), !word.contains("."),
              !FileSystem.exists(word) else { return }
        let names = commandNames
        if names.contains(word) { return }
        let language = Environment.defaultLanguage
        var text = "plancheck: " + Message(.cliUnknownCommand, ["word": .text(word)]).rendered(in: language, vocabulary: .neutral)
        let nested = names.filter { $0.hasSuffix(" " + word) }
        if let suggestion = nested.first ?? Suggestions.closest(to: word, in: names) {
            text += "\n  " + Message(.helpDidYouMean, ["suggestion": .text("plancheck " + suggestion)]).rendered(in: language, vocabulary: .neutral)
        }
        Output.error(text + "\n")
        terminateProcess(2)
    }
}

/// Options shared by the commands that read a pack and print for people.
struct CommonOptions: ParsableArguments {
    // `--pack` is the name the data-repository documents use; `--rules` came first. Both stay.
    @Option(name: [.customLong("rules"), .customLong("pack")],
            help: "The rule pack: a folder, or the built-in pack's id (default: the configuration's, else the built-in \(DefaultPack.id) pack). 规则包目录或内置规则包编号。")
    var rules: String?

    /// The pack folder in force: `--rules`, else the configuration's; nil for the built-in pack, which `--rules`
    /// may also name by its id (`--rules shenyang-2025`) where no folder of that name exists.
    private func packFolder(_ configuration: Configuration?) -> String? {
        if let rules { return Self.folder(rules, resolved: rules) }
        guard let configuration, let rules = configuration.rules else { return nil }
        return Self.folder(rules, resolved: configuration.resolve(rules))
    }

    /// A pack as a configuration or `--rules` names it: the folder, or nil for the built-in pack's id where no
    /// folder of that name exists.
    private static func folder(_ written: String, resolved: String) -> String? {
        if written == DefaultPack.id, !FilePaths.exists(resolved) { return nil }
        return resolved
    }

    @Option(name: .long, help: ArgumentHelp(
        "The configuration file (default: the nearest .plancheck.yml in the working directory or a parent). 配置文件。",
        valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore .plancheck.yml files. 不读取配置文件。")
    var noConfig = false

    @Option(name: .long, help: "Language of messages: zh or en (default: the configuration's, else from LANG). 输出语言。")
    var lang: Language?

    @Option(name: .long, help: "Colour: auto, always or never (auto honours NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE, CLICOLOR=0 and TERM=dumb).")
    var color: ColorChoice = .auto

    /// The language before any configuration is read (usage errors are reported before that).
    var language: Language { lang ?? Environment.defaultLanguage }
    var useColor: Bool { color.enabled(for: .standardOutput) }

    /// The configuration in force, the language and the pack: read once at the start of a command.
    /// Command-line options win over the configuration; problems with either file are printed and end the
    /// command with exit status 2.
    func setting() throws -> Setting {
        // Read once to learn the packs, then again against their rule ids (severity overrides name them).
        var configuration = try readConfiguration()
        let language = lang ?? configuration?.language ?? Environment.defaultLanguage
        var groups: [Setting.Group] = []
        if rules == nil, let configuration, !configuration.packs.isEmpty {
            // A repository of several plan years: a pack per `packs:` entry, each loaded once.
            var loaded: [String: Pack] = [:]
            for entry in configuration.packs {
                let folder = entry.rules.flatMap { Self.folder($0, resolved: configuration.resolve($0)) }
                let key = folder ?? ""
                let pack = try loaded[key] ?? loadPack(folder, language: language)
                loaded[key] = pack
                groups.append(Setting.Group(entry: entry, pack: pack))
            }
        } else {
            let pack = try loadPack(packFolder(configuration), language: language)
            let entry = configuration?.groups.first ?? PackGroup(rules: rules, submissions: [])
            // With `--rules`, one pack checks every configured submission.
            let submissions = configuration.map { $0.groups.flatMap(\.submissions) } ?? []
            groups = [Setting.Group(entry: PackGroup(rules: rules ?? entry.rules, submissions: submissions,
                                                     quotas: entry.quotas), pack: pack)]
        }
        if let configurationPath = configuration?.file {
            let second = ConfigurationLoader.load(path: configurationPath,
                                                  knownRules: Set(groups.flatMap { $0.pack.rules.map(\.id) }))
            printDiagnostics(second.diagnostics, language: language)
            if second.configuration == nil || second.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
            configuration = second.configuration
        }
        return Setting(configuration: configuration, language: language, groups: groups, useColor: useColor)
    }

    /// The pack folder and language in force, without loading the pack (for `rules lint`, which reports the
    /// pack's problems itself).
    func packPathAndLanguage() throws -> (String?, Language) {
        let configuration = try readConfiguration()
        let language = lang ?? configuration?.language ?? Environment.defaultLanguage
        return (packFolder(configuration), language)
    }

    /// The configuration file in force: `--config`, else the nearest `.plancheck.yml`; none with `--no-config`.
    var configurationPath: String? {
        if noConfig { return nil }
        return config ?? Environment.currentDirectory.flatMap(ConfigurationLoader.find(from:))
    }

    /// Reads the configuration file in force, if any. A file that cannot be read ends the command (exit 2);
    /// its other problems are reported once the pack is known (`setting()`).
    private func readConfiguration() throws -> Configuration? {
        guard let configurationPath else { return nil }
        let first = ConfigurationLoader.load(path: configurationPath)
        guard let loaded = first.configuration else {
            printDiagnostics(first.diagnostics, language: lang ?? Environment.defaultLanguage)
            throw ExitCode(2)
        }
        return loaded
    }

    private func loadPack(_ path: String?, language: Language) throws -> Pack {
        let result = PackLocator.load(path)
        printDiagnostics(result.diagnostics, language: language)
        guard let pack = result.pack else { throw ExitCode(2) }
        return pack
    }

    /// Problems with a pack, configuration or quota table, on standard error; `pack` names units when known.
    func printDiagnostics(_ diagnostics: [Diagnostic], language: Language, pack: Pack? = nil) {
        let reporter = TextReporter(useColor: color.enabled(for: .standardError),
                                    width: Output.width(of: .standardError) ?? TextReporter.unwrapped)
        for diagnostic in diagnostics {
            Output.error(reporter.render(diagnostic, language: language, pack: pack) + "\n")
        }
    }
}

/// What a command works with once the configuration is read.
struct Setting {
    /// A pack and the configured submissions it checks.
    struct Group {
        var entry: PackGroup
        var pack: Pack
    }

    var configuration: Configuration?
    var language: Language
    /// One per `packs:` entry of a repository of several plan years; otherwise the one pack in force.
    var groups: [Group]
    var useColor: Bool

    /// The pack commands other than `check` work with: the one in force, or in a repository of several plan
    /// years the newest year's (the plan being written), the last entry of that year.
    var pack: Pack { newestGroup.pack }

    /// The group of the newest plan year (its last entry when a year has several); `groups` is never empty.
    var newestGroup: Group {
        groups.max { $0.pack.plan.year <= $1.pack.plan.year }!
    }
}

extension Language: ExpressibleByArgument {}

enum ColorChoice: String, ExpressibleByArgument {
    case auto, always, never

    /// `always` and `never` are final. `auto` follows the conventions, in this order: `NO_COLOR` set (no-color.org)
    /// turns colour off; `FORCE_COLOR` or `CLICOLOR_FORCE` set to anything but `0` turns it on even in a pipe (a
    /// CI log that shows colours); `CLICOLOR=0` or `TERM=dumb` turns it off; otherwise colour when `descriptor`
    /// is a terminal.
    func enabled(for descriptor: FileDescriptor) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if Environment.value("NO_COLOR") != nil { return false }
            for name in ["FORCE_COLOR", "CLICOLOR_FORCE"] {
                if let value = Environment.value(name), value != "0" { return true }
            }
            if Environment.value("CLICOLOR") == "0" || Environment.value("TERM") == "dumb" { return false }
            return descriptor.isTerminal
        }
    }
}

extension Severity: ExpressibleByArgument {}
