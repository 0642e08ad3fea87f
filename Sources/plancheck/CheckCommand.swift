import ArgumentParser
import PlancheckCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check submission files or folders against the rule pack. 检查报送文件或目录。",
        discussion: """
        Folders are searched for .yml/.yaml files (hidden and build folders skipped). City totals are evaluated \
        over all files checked together; when some districts are missing they are "not evaluated" and the \
        missing districts are named (use --require-all-districts to make that an error).
        例：plancheck check Examples/shenyang-2025 --lang zh
        """
    )

    @Argument(help: "Submission files or folders. 报送文件或目录。")
    var paths: [String] = []

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format. Only `text` is available in this version.")
    var format: String = "text"

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
    }

    func run() throws {
        guard format == "text" else {
            Output.error("plancheck: --format \(format) is not implemented yet (only text is). 尚未实现 --format \(format)。\n")
            throw ExitCode(2)
        }
        let pack = try common.loadPack()
        var options = CheckOptions()
        options.requireAllDistricts = requireAllDistricts
        if let today { options.today = today }
        let run = CheckRun.run(paths: paths, pack: pack, options: options, language: common.language)
        guard var report = run.report else { throw ExitCode(2) }
        report.showPasses = showPasses
        Output.print(TextReporter(useColor: common.useColor).render(report))
        let status = run.exitCode(failOn: failOn)
        if status != 0 { throw ExitCode(status) }
    }
}
