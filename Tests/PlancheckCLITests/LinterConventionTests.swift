import Foundation
import Testing

/// The conventions of a linter, through the binary: one line per finding, standard input, a quiet summary, and a
/// mistyped command that is not taken for a file.
@Suite("linter conventions")
struct LinterConventionTests {
    static let examples = CLITests.root + "/Examples/shenyang-2025"
    static let shenhe = examples + "/210103-shenhe.yml"

    @Test("--format concise: path:line:column: severity[code] message, one line each, then the counts")
    func concise() throws {
        let result = try CLITests.plancheck(["check", "Examples/shenyang-2025", "--no-config", "--format", "concise",
                                             "--lang", "en", "--today", "2025-06-30"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "")
        let findings = lines.dropLast(2)
        #expect(findings.count > 10)
        let pattern = #/^(Examples/shenyang-2025/[^:]+\.yml):(\d+):(\d+): (error|warning|note|acknowledged|passed-within-tolerance)\[(PC\d{3}|SY25-[A-Z0-9-]+)\] .+$/#
        let whole = #/^[^:]+: (error|warning|note|acknowledged|passed-within-tolerance)\[SY25-[A-Z0-9-]+\] .+$/#
        // Totals without a verdict, one line per reason, headed by the whole (docs/editors.md).
        let incomplete = #/^city-wide: not-evaluated\[incomplete-totals\] .+$/#
        for line in findings {
            #expect(line.wholeMatch(of: pattern) != nil || line.wholeMatch(of: whole) != nil
                    || line.wholeMatch(of: incomplete) != nil, "\(line)")
        }
        #expect(findings.contains { $0.wholeMatch(of: incomplete) != nil })
        #expect(findings.contains { $0.hasPrefix("Examples/shenyang-2025/210103-shenhe.yml:13:16: note[PC025] ") })
        #expect(lines[lines.count - 2].hasSuffix("note(s)"))
        // The message follows --lang; the severity word does not, so one pattern matches both.
        let chinese = try CLITests.plancheck(["check", Self.shenhe, "--no-config", "--format", "concise", "--lang", "zh"])
        #expect(chinese.stdout.contains(":13:16: note[PC025] “５.５％”已按 5.5% 读取"), "\(chinese.stdout)")
    }

    @Test("check - reads one submission from standard input, named by --stdin-filename")
    func standardInput() throws {
        let text = try Data(contentsOf: URL(fileURLWithPath: Self.shenhe))
        let folder = try CLITests.temporaryFolder()
        let named = try Run.plancheck(["check", "-", "--stdin-filename", "2025/沈河.yml", "--no-config", "--format",
                                       "concise"], in: folder, input: text)
        #expect(named.status == 0, "\(named.output)")
        #expect(named.stdout.contains("2025/沈河.yml:13:16: note[PC025]"), "\(named.stdout)")
        let unnamed = try Run.plancheck(["check", "-", "--no-config", "--format", "concise"], in: folder, input: text)
        #expect(unnamed.stdout.contains("<stdin>:13:16: note[PC025]"), "\(unnamed.stdout)")
        // --fix on standard input prints the fixed text.
        let fixed = try Run.plancheck(["check", "-", "--no-config", "--fix"], in: folder, input: text)
        #expect(fixed.status == 0)
        #expect(fixed.stdout.contains("社会消费品零售总额增长: \"5.5%\"  # 全角"))
        #expect(fixed.stdout.components(separatedBy: "\n").count == String(decoding: text, as: UTF8.self).components(separatedBy: "\n").count)
        let mixed = try Run.plancheck(["check", "-", "a.yml", "--no-config"], in: folder, input: text)
        #expect(mixed.status == 2)
    }

    @Test("in a data repository, standard input stands for the configured submission it is named after")
    func standardInputInRepository() throws {
        let root = try DataRepository.make(configuration: "submissions: [\"2025/*.yml\"]\n")
        var text = try DataRepository.read(root + "/2025/210103-shenhe.yml")
        text = text.replacingOccurrences(of: "民生支出: \"842,000万元\"", with: "民生支出: \"1万元\"")
        let result = try Run.plancheck(["check", "-", "--stdin-filename", "2025/210103-shenhe.yml", "--format", "concise",
                                        "--lang", "en"], in: root, input: Data(text.utf8))
        // The edited text is checked, not the file on disk: its livelihood share fails.
        #expect(result.stdout.contains("2025/210103-shenhe.yml"), "\(result.output)")
        #expect(result.status == 1, "\(result.output)")
        #expect(!result.stdout.contains("210102-heping.yml"), "only the named submission is reported on")
    }

    @Test("--quiet prints the summary only")
    func quiet() throws {
        let result = try CLITests.plancheck(["check", "Examples/shenyang-2025", "--no-config", "--quiet", "--lang", "en",
                                             "--today", "2025-06-30"])
        #expect(result.status == 1)
        // The end of the report only: the totals without a verdict, then the summary.
        #expect(result.stdout.contains("\nSummary\n"), "\(result.stdout.prefix(200))")
        #expect(!result.stdout.contains("error[SY25-M01]"))
        #expect(!result.stdout.contains("-->"))
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let concise = try CLITests.plancheck(["check", Self.shenhe, "--no-config", "--quiet", "--format", "concise",
                                              "--lang", "en"])
        #expect(concise.stdout == "0 error(s), 0 warning(s), 6 note(s)\n")
    }

    @Test("a word that is neither a command nor a path is a usage error with a suggestion")
    func unknownCommand() throws {
        let lint = try CLITests.plancheck(["lint"], environment: ["LANG": "en_US.UTF-8"])
        #expect(lint.status == 2)
        #expect(lint.stderr.contains("`lint` is neither a command nor an existing file or folder"), "\(lint.stderr)")
        #expect(lint.stderr.contains("did you mean `plancheck rules lint`?"))
        let typo = try CLITests.plancheck(["chek"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("是否想写 `plancheck check`？"), "\(typo.stderr)")
        // An existing path is still checked, and a file name is still a path.
        #expect(try CLITests.plancheck(["Examples/shenyang-2025/210103-shenhe.yml", "--no-config"]).status == 0)
        let missing = try CLITests.plancheck(["missing.yml", "--no-config"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("PC001"))
    }
}
