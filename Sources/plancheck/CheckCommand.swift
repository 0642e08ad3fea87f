import ArgumentParser
import PlancheckCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check submission files or folders against the rule pack. 检查报送文件或目录。",
        discussion: """
        Folders are searched for .yml/.yaml files (hidden and build folders skipped). City totals are evaluated \
        over all files checked together; when some districts are missing they are "not evaluated" and the \
        missing districts are named (use --require-all-districts to make that an error).

        Formats: text (for people; the default), json (schema plancheck-report/1, see docs/json-format.md), \
        sarif (SARIF 2.1.0 for code scanning), github (workflow commands that annotate pull requests), \
        junit (JUnit XML for Jenkins and GitLab), markdown (a CI job summary). One run can write several: \
        --format picks what goes to standard output (or to --output FILE), and each --report FORMAT=FILE \
        writes one more. Files are written atomically.

        Exit status: 0 no failure at or above --fail-on; 1 failures at or above it (acknowledged deviations \
        never count); 2 unusable input (a file that is not YAML or cannot be read, an invalid rule pack, a \
        usage error, a report that cannot be written). Every readable file is still checked and reported when \
        another one is unusable.

        例：plancheck check Examples/shenyang-2025 --lang zh
        例：plancheck check submissions --report sarif=plancheck.sarif --report markdown=summary.md
        """
    )

    @Argument(help: "Submission files or folders. 报送文件或目录。")
    var paths: [String] = []

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: text, json, sarif, github, junit or markdown. 输出格式。")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the --format output to FILE instead of standard output.",
                                                      valueName: "file"))
    var output: String?

    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Also write FORMAT to FILE (repeatable), e.g. --report sarif=plancheck.sarif --report markdown=summary.md.",
        valueName: "format=file"))
    var reports: [String] = []

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error, warning or note.")
    var failOn: Severity = .error

    @Flag(name: .customLong("require-all-districts"), help: "A city total over an incomplete set of districts is an error, not \"not evaluated\".")
    var requireAllDistricts = false

    @Flag(name: .customLong("show-passes"), help: "List passing results too (they are always counted in the summary).")
    var showPasses = false

    @Option(name: .long, help: "The day deviations' expiry dates are compared with (YYYY-MM-DD; default: today).")
    var today: String?

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("give the submission files or folders to check, e.g. `plancheck check Examples/shenyang-2025`")
        }
        if let today, !DateText.isValidDay(today) {
            throw ValidationError("--today must be a date in the form YYYY-MM-DD")
        }
        _ = try destinations()
    }

    /// Every report to write: the --format one (to --output, or nil for standard output), then each --report.
    func destinations() throws -> [(format: ReportFormat, path: String?)] {
        var result: [(format: ReportFormat, path: String?)] = [(format, output)]
        let formats = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        for spec in reports {
            guard let equals = spec.firstIndex(of: "="),
                  let chosen = ReportFormat(rawValue: String(spec[..<equals]).lowercased()),
                  spec.index(after: equals) < spec.endIndex else {
                throw ValidationError(Message(.cliBadReportSpec, ["formats": .text(formats)]).rendered(in: common.language))
            }
            result.append((chosen, String(spec[spec.index(after: equals)...])))
        }
        var seen: Set<String> = []
        for path in result.compactMap(\.path) {
            if !seen.insert(path).inserted {
                throw ValidationError(Message(.cliSameFileTwice, ["path": .text(path)]).rendered(in: common.language))
            }
        }
        return result
    }

    func run() throws {
        let destinations = try destinations()
        let pack = try common.loadPack()
        var options = CheckOptions()
        options.requireAllDistricts = requireAllDistricts
        if let today { options.today = today }
        let run = CheckRun.run(paths: paths, pack: pack, options: options, language: common.language)
        guard var report = run.report else { throw ExitCode(2) }
        report.showPasses = showPasses
        report.baseDirectory = Environment.currentDirectory

        var status = run.exitCode(failOn: failOn)
        for (format, path) in destinations {
            // Colour is for a terminal: never in a file.
            let text = format.reporter(useColor: path == nil && common.useColor).render(report)
            guard let path else {
                Output.print(text)
                continue
            }
            do {
                try AtomicFile.write(text, to: path)
            } catch {
                let reason: String
                switch error {
                case .exists(let existing): reason = existing
                case .cannotWrite(_, let code): reason = Environment.errorText(code)
                }
                Output.error("plancheck: " + Message(.cliCannotWrite, ["path": .text(path), "reason": .text(reason)])
                    .rendered(in: common.language) + "\n")
                status = 2
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

extension ReportFormat: ExpressibleByArgument {}
