import ArgumentParser
import PlancheckCore

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
            let result = PackLocator.load(common.rules)
            let reporter = TextReporter(useColor: common.useColor)
            for finding in result.findings {
                Output.print(reporter.render(finding, language: common.language, pack: result.pack) + "\n")
            }
            if result.pack == nil || result.findings.contains(where: { $0.severity == .error }) { throw ExitCode(2) }
            if !result.findings.isEmpty { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the pack's rules (id, severity, scope, title).")

        @OptionGroup var common: CommonOptions

        func run() throws {
            let pack = try common.loadPack()
            let language = common.language
            for rule in pack.rules {
                let scope = rule.scope == .city ? (language == .zh ? "全市" : "city") : (language == .zh ? "区县" : "district")
                Output.print("\(rule.id)\t\(rule.severity.rawValue)\t\(scope)\t\(rule.title[language])\n")
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the examples declared in the pack and check each behaves as declared.")

        @OptionGroup var common: CommonOptions

        func run() throws {
            let pack = try common.loadPack()
            let language = common.language
            let results = RuleExamples.run(pack)
            let reporter = TextReporter(useColor: common.useColor)
            var failed = 0
            for result in results where !result.behavedAsDeclared {
                failed += 1
                let actual = result.actual?.rawValue ?? "—"
                Output.print("\(result.location.description): "
                    + Message(.ruleExampleFailed, ["rule": .text(result.rule.id), "index": .number(result.index),
                                                   "expected": .text(result.expected.rawValue),
                                                   "actual": .text(actual)]).rendered(in: language) + "\n")
                for finding in result.findings {
                    Output.print(reporter.render(finding, language: language, pack: pack) + "\n")
                }
            }
            Output.print(Message(.ruleExamplesSummary, [
                "examples": .number(results.count), "rules": .number(Set(results.map(\.rule.id)).count),
                "passed": .number(results.count - failed), "failed": .number(failed)]).rendered(in: language) + "\n")
            if failed > 0 { throw ExitCode(1) }
        }
    }

    struct Doc: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the pack's Markdown reference (not implemented yet).")

        func run() throws {
            Output.error("plancheck rules doc: not implemented yet. 尚未实现。\n")
            throw ExitCode(2)
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain one rule: its plan clause, reading and check.")

    @Argument(help: "Rule id, e.g. SY25-M01.")
    var id: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let pack = try common.loadPack()
        guard let rule = pack.rule(id) else {
            Output.error("plancheck: no rule \(id) in \(pack.id). 规则包中没有该规则。\n")
            throw ExitCode(2)
        }
        for language in [common.language] + Language.allCases.filter({ $0 != common.language }) {
            Output.print(RuleExplanation.text(rule, pack: pack, language: language) + "\n")
        }
    }
}
