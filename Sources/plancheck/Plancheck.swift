import ArgumentParser
import PlancheckCore

@main
struct Plancheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plancheck",
        abstract: "Check district plan submissions against a development plan's rule pack. 按规划规则包检查各区县计划报送数据。",
        discussion: """
        Exit status: 0 no finding at or above --fail-on; 1 findings at or above it; 2 unusable input \
        (a file that is not YAML, an invalid rule pack, a usage error) or a command that is not implemented yet.
        退出码：0 无达到 --fail-on 级别的问题；1 有此类问题；2 输入不可用或命令尚未实现。
        """,
        version: PlancheckVersion.current,
        subcommands: [Check.self, RulesCommand.self, Explain.self, Init.self, Schema.self],
        defaultSubcommand: Check.self
    )
}

/// Options shared by the commands that read a pack and print for people.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The rule pack folder (default: the built-in shenyang-2025 pack). 规则包目录。")
    var rules: String?

    @Option(name: .long, help: "Language of messages: zh or en (default: from LANG). 输出语言。")
    var lang: Language?

    @Option(name: .long, help: "Colour: auto, always or never (NO_COLOR is honoured).")
    var color: ColorChoice = .auto

    var language: Language { lang ?? Environment.defaultLanguage }
    var useColor: Bool { color.enabled }

    /// Loads the pack, printing its problems; exits 2 when it is unusable.
    func loadPack() throws -> Pack {
        let result = PackLocator.load(rules)
        if !result.findings.isEmpty {
            let reporter = TextReporter(useColor: useColor)
            for finding in result.findings {
                Output.error(reporter.render(finding, language: language, pack: nil) + "\n")
            }
        }
        guard let pack = result.pack else { throw ExitCode(2) }
        return pack
    }
}

extension Language: ExpressibleByArgument {}

enum ColorChoice: String, ExpressibleByArgument {
    case auto, always, never

    var enabled: Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return Environment.value("NO_COLOR") == nil && Output.stdoutIsTerminal
        }
    }
}

extension Severity: ExpressibleByArgument {}
