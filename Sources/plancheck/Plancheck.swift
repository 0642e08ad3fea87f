import ArgumentParser
import PlancheckCore

@main
struct Plancheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plancheck",
        abstract: "Check district plan submissions against a development plan's rule pack. 按规划规则包检查各区县计划报送数据。",
        discussion: """
        Exit status: 0 no failure at or above --fail-on (default: error); 1 failures at or above it; 2 unusable \
        input (a file that is not YAML or cannot be read, an invalid rule pack, a usage error, a report that \
        cannot be written) or a command that is not implemented yet. An unusable file never hides the findings \
        of the others: they are all reported, then the status is 2. See docs/exit-codes.md.
        退出码：0 无达到 --fail-on 级别的问题；1 有此类问题；2 输入不可用（含用法错误）或命令尚未实现。
        """,
        version: PlancheckVersion.current,
        subcommands: [Check.self, RulesCommand.self, Explain.self, Init.self, Schema.self],
        defaultSubcommand: Check.self
    )

    /// As ArgumentParser's, except that usage errors exit with 2 (the documented status for unusable input)
    /// instead of 64, so that a CI job can tell "the check failed" (1) from "the check could not run" (2).
    static func main() {
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
