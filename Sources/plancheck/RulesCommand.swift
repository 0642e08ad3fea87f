import ArgumentParser
import PlancheckCore
import PlancheckSystem

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with rule packs: lint, list, test their examples. 规则包：检查、列出、运行示例。",
        subcommands: [Lint.self, List.self, Test.self, Doc.self]
    )

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a rule pack: unknown keys, bad expressions, unknown indicators, unit clashes, contradictions.")

        @OptionGroup var common: CommonOptions

        func run() throws {
            let (path, language) = try common.packPathAndLanguage()
            let result = PackLocator.load(path, lintBuiltIn: true)
            let reporter = TextReporter(useColor: common.useColor, width: Output.width(of: .standardOutput) ?? TextReporter.unwrapped)
            for finding in result.diagnostics {
                Output.print(reporter.render(finding, language: language, pack: result.pack) + "\n")
            }
            if result.pack == nil || result.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
            if !result.diagnostics.isEmpty { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the pack's rules (id, severity, scope, title), or with --indicators its indicators (key, unit, who must report it, name). 列出规则或指标。")

        @OptionGroup var common: CommonOptions

        @Flag(name: .long, help: "List the indicators a submission may give instead of the rules. 列出指标。")
        var indicators = false

        func run() throws {
            let setting = try common.setting()
            let pack = setting.pack, language = setting.language
            if indicators {
                for indicator in pack.indicators {
                    let required = indicator.requiredFor.isEmpty ? "-" : indicator.requiredFor.joined(separator: ",")
                    Output.print("\(indicator.key)\t\(indicator.unit.symbol)\t\(required)\t\(indicator.name[language])\n")
                }
                return
            }
            for rule in pack.rules {
                let scope = pack.vocabulary.word(rule.scope == .city ? "whole" : "unit", in: language) ?? ""
                Output.print("\(rule.id)\t\(rule.severity.rawValue)\t\(scope)\t\(rule.title[language])\n")
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the examples declared in the pack and check each behaves as declared.")

        @OptionGroup var common: CommonOptions

        func run() throws {
            let setting = try common.setting()
            let pack = setting.pack, language = setting.language
            let results = RuleExamples.run(pack)
            let reporter = TextReporter(useColor: common.useColor, width: Output.width(of: .standardOutput) ?? TextReporter.unwrapped)
            var failed = 0
            for result in results where !result.behavedAsDeclared {
                failed += 1
                let actual = result.actual?.rawValue ?? "—"
                Output.print("\(result.location.description): "
                    + Message(.ruleExampleFailed, ["rule": .text(result.rule.id), "index": .number(result.index),
                                                   "expected": .text(result.expected.rawValue),
                                                   "actual": .text(actual)]).rendered(in: language, vocabulary: pack.vocabulary) + "\n")
                for finding in result.diagnostics {
                    Output.print(reporter.render(finding, language: language, pack: pack) + "\n")
                }
            }
            Output.print(Message(.ruleExamplesSummary, [
                "examples": .number(results.count), "rules": .number(Set(results.map(\.rule.id)).count),
                "passed": .number(results.count - failed), "failed": .number(failed)]).rendered(in: language, vocabulary: pack.vocabulary) + "\n")
            // The pack's scenarios: files checked together, outcomes expected per rule and unit.
            let scenarios = PackScenarios.run(pack)
            for failure in scenarios.failures {
                let expectation = failure.expectation
                let what = [expectation.rule ?? expectation.code, expectation.unit].compactMap { $0 }.joined(separator: " ")
                Output.print("\(expectation.location.description): " + Message(.scenarioFailed, [
                    "scenario": .text(failure.scenario.id), "expectation": .text(what),
                    "actual": .text(failure.actual)]).rendered(in: language, vocabulary: pack.vocabulary) + "\n")
            }
            if scenarios.scenarios > 0 {
                Output.print(Message(.scenarioSummary, [
                    "scenarios": .number(scenarios.scenarios), "expectations": .number(scenarios.expectations),
                    "passed": .number(scenarios.expectations - scenarios.failures.count),
                    "failed": .number(scenarios.failures.count)]).rendered(in: language, vocabulary: pack.vocabulary) + "\n")
            }
            if failed > 0 || !scenarios.failures.isEmpty { throw ExitCode(1) }
        }
    }

    struct Doc: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the pack's Markdown reference (Chinese first, English alongside). 生成规则包的 Markdown 参考文档。",
            discussion: """
            Every rule gets an anchor equal to its lowercased id (findings link to `<doc>#<rule-id>`). The output \
            depends only on the pack. The built-in pack's reference is committed as docs/rules/\(DefaultPack.id).md: \
            swift run plancheck rules doc --output docs/rules/\(DefaultPack.id).md
            """)

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: "Write to this file (atomically) instead of standard output. 输出文件。")
        var output: String?

        func run() throws {
            let setting = try common.setting()
            try GeneratedOutput.emit(RuleReference.markdown(setting.pack), to: output, overwrite: true, language: setting.language)
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule (citation, plan text, reading, the check, an example) or a built-in code (PC021). 解释一条规则或内置代码。",
        discussion: """
        Without --lang both languages are printed, the one of LANG first; --lang zh|en prints only that one \
        (add --both to print both with that one first). A built-in code (PC001…PC055) is explained by its \
        description and an input that triggers it and one that does not. --codes writes the Markdown reference of \
        every built-in code (docs/diagnostic-codes.md is this output).
        例：plancheck explain M01 --lang zh
        例：plancheck explain PC021
        """)

    @Argument(help: "Rule id, e.g. M01, or built-in code, e.g. PC021 (case does not matter). 规则编号或内置代码。")
    var id: String?

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Print both languages, the --lang one first. 同时输出中英文。")
    var both = false

    @Flag(name: .long, help: "Write the reference of every built-in code (Markdown). 输出全部内置代码的说明。")
    var codes = false

    @Option(name: .long, help: "With --codes: write to this file (atomically) instead of standard output. 输出文件。")
    var output: String?

    func validate() throws {
        if codes == (id != nil) { throw ValidationError("give a rule id or a code, or --codes") }
        if output != nil && !codes { throw ValidationError("--output goes with --codes") }
    }

    func run() throws {
        if codes {
            try GeneratedOutput.emit(CodeExplainer.reference(), to: output, overwrite: true, language: common.language)
            return
        }
        let id = self.id ?? ""
        if let code = DiagnosticCode.named(id) {
            let language = common.language
            let languages = common.lang != nil && !both ? [language] : [language] + Language.allCases.filter { $0 != language }
            Output.print(languages.map { CodeExplainer.text(code, language: $0) }.joined(separator: "\n"))
            return
        }
        let setting = try common.setting()
        let pack = setting.pack, language = setting.language
        guard let rule = PackLookup.rule(id, in: pack) else {
            var text = "plancheck: " + Message(.unknownRuleID, ["id": .text(id), "pack": .text(pack.id)]).rendered(in: language, vocabulary: pack.vocabulary)
            let candidates = pack.rules.map(\.id) + DiagnosticCode.allCases.map(\.rawValue)
            if let suggestion = PackLookup.closestRuleID(to: id, in: pack) ?? Suggestions.closest(to: id.uppercased(), in: candidates) {
                text += "\n  " + Message(.helpDidYouMean, ["suggestion": .text(suggestion)]).rendered(in: language, vocabulary: pack.vocabulary)
            }
            Output.error(text + "\n")
            throw ExitCode(2)
        }
        let languages = common.lang != nil && !both ? [language] : [language] + Language.allCases.filter { $0 != language }
        Output.print(languages.map { RuleExplainer.text(rule, pack: pack, language: $0) }.joined(separator: "\n"))
    }
}
