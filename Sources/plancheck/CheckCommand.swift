import ArgumentParser
import PlancheckCore
import PlancheckSystem

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check submission files or folders against the rule pack. 检查报送文件或目录。",
        discussion: """
        Folders are searched for .yml/.yaml files (hidden and build folders skipped). Totals over all units are evaluated \
        over all files checked together; when some units are missing they are "not evaluated" and the \
        missing units are named (use --require-all-districts to make that an error).

        Formats: text (for people; the default), concise (path:line:column: severity[code] message, one line \
        each, for editors and grep), json (schema plancheck-report/2, see docs/json-format.md), \
        sarif (SARIF 2.1.0 for code scanning), github (workflow commands that annotate pull requests), \
        junit (JUnit XML for Jenkins and GitLab), markdown (a CI job summary). One run can write several: \
        --format picks what goes to standard output (or to --output FILE), and each --report FORMAT=FILE \
        writes one more. Files are written atomically.

        Exit status: 0 no failure at or above --fail-on; 1 failures at or above it (acknowledged deviations \
        never count); 2 unusable input (a file that is not YAML or cannot be read, an invalid rule pack, a \
        usage error, a report that cannot be written). Every readable file is still checked and reported when \
        another one is unusable.

        In a data repository (a .plancheck.yml in the working directory or a parent, or --config FILE): without \
        paths the submissions it selects are checked; with paths (as a pre-commit hook passes the changed files) \
        only those are reported on, while totals over all units are still evaluated over every configured submission, so \
        that a change to one unit that breaks a total says so. Given files the configuration does not \
        select (workflows, other YAML) are skipped. Without a configuration and without paths: exit status 2. \
        A repository of several plan years (`packs:` in .plancheck.yml) is checked one year at a time, each with its \
        own pack, into the same outputs (the exit status is the worst year's); a unit's file without a previous: \
        section takes its previous-year figures from its file of the year before.

        --fix applies the certain fixes (a figure's spelling: full-width or variant characters, Chinese numerals, \
        thousands separators; a near-miss indicator key; a retired code) to the files, then reports what \
        is left; --diff prints them as a unified diff instead. `plancheck check -` reads one submission from \
        standard input (--stdin-filename names it); with --fix the fixed text is printed.

        With --hook (the pre-commit hook's entry), failed totals over all units are shown but do not fail the commit, \
        which gates on the changed files' own findings; CI runs without --hook and gates on everything. \
        `hook_gates_totals: true` in the configuration makes the hook gate on them too.

        例：plancheck check Examples/\(DefaultPack.id) --lang zh
        例：plancheck check 2025/ --fix
        例：plancheck check submissions --report sarif=plancheck.sarif --report markdown=summary.md
        """
    )

    @Argument(help: "Submission files or folders (default: the submissions .plancheck.yml selects); - reads one submission from standard input. 报送文件或目录；- 表示从标准输入读取。")
    var paths: [String] = []

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp(
        "With -: the name the submission from standard input has in reports (and, in a data repository, the configured submission it stands for).",
        valueName: "path"))
    var stdinFilename: String?

    @Flag(name: [.short, .long], help: "Print only the summary (text and concise formats); no findings, no hints. 只输出汇总。")
    var quiet = false

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: text, concise, json, sarif, github, junit, markdown or html. 输出格式。")
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the --format output to FILE instead of standard output.",
                                                      valueName: "file"))
    var output: String?

    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Also write FORMAT to FILE (repeatable), e.g. --report sarif=plancheck.sarif --report markdown=summary.md.",
        valueName: "format=file"))
    var reports: [String] = []

    @Option(name: .customLong("quotas"), help: ArgumentHelp(
        "A quota table (plancheck-quotas/1), repeatable; replaces the configuration's `quotas`. 配额表。",
        valueName: "file"))
    var quotas: [String] = []

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error, warning or note (default: error).")
    var failOn: Severity?

    @Flag(name: .customLong("require-all-districts"), inversion: .prefixedNo,
          help: "A total over an incomplete set of reporting units is an error, not \"not evaluated\".")
    var requireAllDistricts: Bool?

    @Flag(name: .long, help: ArgumentHelp(
        "Run as the pre-commit hook: failed rules about the whole set (its totals) are shown but do not make the exit status 1, unless the configuration says `hook_gates_totals: true`. 提交钩子模式。"))
    var hook = false

    @Flag(name: .customLong("show-passes"), help: "List passing results too (they are always counted in the summary).")
    var showPasses = false

    @Option(name: .long, help: "The day deviations' expiry dates are compared with (YYYY-MM-DD; default: today).")
    var today: String?

    @Flag(name: .long, help: ArgumentHelp(
        "Apply the certain fixes (full-width or variant characters in figures, a near-miss indicator key, a retired unit code) to the files, then report what is left. 自动修正。"))
    var fix = false

    @Flag(name: .long, help: "Print the fixes --fix would make as a unified diff, and change nothing (exit status 1 when there are some). 以 diff 形式显示修正。")
    var diff = false

    @Option(name: .long, help: "Threads for loading files and evaluating rules (default: one per processor); the report is the same for any number.")
    var jobs: Int?

    func validate() throws {
        if paths.contains("-") && paths.count > 1 {
            throw ValidationError("- (standard input) cannot be combined with other paths")
        }
        if stdinFilename != nil && paths != ["-"] {
            throw ValidationError("--stdin-filename names standard input: give - as the path")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1")
        }
        if let today, !DateText.isValidDay(today) {
            throw ValidationError("--today must be a date in the form YYYY-MM-DD")
        }
        _ = try commandLineDestinations()
    }

    /// The reports asked for on the command line: the --format one (to --output, or nil for standard output),
    /// then each --report.
    func commandLineDestinations() throws -> [(format: ReportFormat, path: String?)] {
        var result: [(format: ReportFormat, path: String?)] = [(format, output)]
        let formats = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        for spec in reports {
            guard let equals = spec.firstIndex(of: "="),
                  let chosen = ReportFormat(rawValue: String(spec[..<equals]).lowercased()),
                  spec.index(after: equals) < spec.endIndex else {
                throw ValidationError(Message(.cliBadReportSpec, ["formats": .text(formats)]).rendered(in: common.language, vocabulary: .neutral))
            }
            result.append((chosen, String(spec[spec.index(after: equals)...])))
        }
        try Self.rejectSameFileTwice(result, language: common.language)
        return result
    }

    /// Every report to write: the command line's, then the configuration's `reports` of the formats the command
    /// line does not also write to a file (its paths are relative to the configuration's folder).
    func destinations(_ configuration: Configuration?, language: Language) throws -> [(format: ReportFormat, path: String?)] {
        var result = try commandLineDestinations()
        if let configuration {
            let given = Set(result.filter { $0.path != nil }.map(\.format))
            for (name, path) in configuration.reports {
                guard let chosen = ReportFormat(rawValue: name), !given.contains(chosen) else { continue }
                result.append((chosen, configuration.resolve(path)))
            }
        }
        try Self.rejectSameFileTwice(result, language: language)
        return result
    }

    private static func rejectSameFileTwice(_ destinations: [(format: ReportFormat, path: String?)], language: Language) throws {
        var seen: Set<String> = []
        for path in destinations.compactMap(\.path) where !seen.insert(path).inserted {
            throw ValidationError(Message(.cliSameFileTwice, ["path": .text(path)]).rendered(in: language, vocabulary: .neutral))
        }
    }

    func run() throws {
        let setting = try common.setting()
        let configuration = setting.configuration, language = setting.language
        let destinations: [(format: ReportFormat, path: String?)]
        do {
            destinations = try self.destinations(configuration, language: language)
        } catch let error as ValidationError {
            Output.error("plancheck: " + error.message + "\n")
            throw ExitCode(2)
        }
        if !quotas.isEmpty, setting.groups.count > 1, let configuration {
            fail(Message(.cliQuotasWithPacks, ["config": .text(displayName(configuration.file))]), language: language,
                 vocabulary: setting.pack.vocabulary)
        }
        var options = CheckOptions()
        options.requireAllDistricts = requireAllDistricts ?? configuration?.requireAllDistricts ?? false
        options.severityOverrides = configuration?.severityOverrides ?? [:]
        if let today { options.today = today }
        if setting.groups.count > 1 {
            // Each year's globs, for a file saved in another year's folder (the first entry of a year names it).
            for group in setting.groups where options.yearSelections[group.pack.plan.year] == nil {
                options.yearSelections[group.pack.plan.year] = group.entry.submissions
            }
        }
        let failOn = self.failOn ?? configuration?.failOn ?? .error

        // Standard input (`-`): read once, then checked under its name as if it were that file.
        var runOptions = RunOptions(jobs: jobs)
        var checkedPaths = paths
        if paths == ["-"] {
            let name = stdinFilename ?? "<stdin>"
            do {
                runOptions.providedFiles[name] = try StandardInput.read()
            } catch {
                common.printDiagnostics(StandardInput.diagnostics(for: error), language: language)
                throw ExitCode(2)
            }
            checkedPaths = [name]
        }

        let collected = setting.configuration.map(InputCollection.collectGroups)
        guard let plan = try plannedRuns(setting, collected: collected, checkedPaths: checkedPaths,
                                         runOptions: &runOptions) else { return }
        var runs: [PlannedRun] = []
        for var planned in plan {
            var groupOptions = options
            groupOptions.quotas = try loadQuotas(planned.quotaFiles, pack: planned.pack, language: language)
            planned.options = groupOptions
            planned.run = runOptions
            runs.append(planned)
        }
        addPreviousYears(&runs, setting: setting, collected: collected?.files ?? [])

        if fix || diff {
            let fixes = runs.flatMap { planned in
                SourceFixes.plan(planned.inputs.run(pack: planned.pack, options: planned.options, run: planned.run)
                    .results.compactMap(\.diagnostic), pack: planned.pack)
            }
            if paths == ["-"] && !diff {
                // Standard input has no file to write: the fixed text goes to standard output, as editors expect.
                let text = runOptions.providedFiles.values.first ?? []
                Output.print(bytes: fixes.first(where: \.changes)?.fixed ?? text)
                return
            }
            if diff {
                let status = FixCommandOutput.printDiff(fixes, language: language, displayName: displayName)
                if status != 0 { throw ExitCode(status) }
                return
            }
            if !FixCommandOutput.write(fixes, language: language, displayName: displayName) { throw ExitCode(2) }
        }

        // Passes are counted, not kept, unless something lists them.
        let keepAll = showPasses || destinations.contains { $0.format.listsEveryResult }
        let contexts = runs.map { planned in
            var context = ReportContext(pack: planned.pack, language: language, showPasses: showPasses,
                                        baseDirectory: Environment.currentDirectory)
            context.documentationBase = configuration?.documentationURL
            context.codeHelp = CodeHelpText.provider(pack: planned.pack)
            if runs.count > 1 { context.selection = planned.selection }
            return context
        }
        let outputs = Outputs(destinations, context: contexts[0], runs: runs.count, useColor: common.useColor, quiet: quiet)
        var consumer = outputs.writer
        var status: Int32 = 0
        var shownOnly = 0
        let gateWhole = !hook || configuration?.hookGatesTotals == true
        for (index, planned) in runs.enumerated() {
            if index > 0 { outputs.writer.startRun(contexts[index]) }
            var run = planned.run
            run.keepAllResults = keepAll
            let summary = planned.inputs.stream(pack: planned.pack, options: planned.options, run: run, into: &consumer)
            outputs.writer.endRun(summary)
            status = max(status, summary.exitCode(failOn: failOn, gateWhole: gateWhole))
            shownOnly += summary.tally.failedWholeRules.failing(at: failOn)
        }
        let written = outputs.finish(language: language)
        if !fix, !quiet, format == .text || format == .concise, outputs.writer.fixable > 0 {
            note(Message(.fixableHint, ["count": .number(outputs.writer.fixable)]), language: language, vocabulary: setting.pack.vocabulary)
        }
        if !written { status = 2 }
        if !gateWhole && shownOnly > 0 {
            note(Message(.cliHookTotalsShown, ["count": .number(shownOnly)]), language: language, vocabulary: setting.pack.vocabulary)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// `path` relative to the working directory when it is below it, as the reports name files.
    func displayName(_ path: String) -> String {
        guard let base = Environment.currentDirectory, path.hasPrefix(base + "/") else { return path }
        return String(path.dropFirst(base.count + 1))
    }

    func note(_ message: Message, language: Language, vocabulary: Vocabulary) {
        Output.error("plancheck: " + message.rendered(in: language, vocabulary: vocabulary) + "\n")
    }

    func fail(_ message: Message, language: Language, vocabulary: Vocabulary) -> Never {
        Output.error("plancheck: " + message.rendered(in: language, vocabulary: vocabulary) + "\n")
        terminateProcess(2)
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// A check's outputs: each format written as the run goes, to standard output or to a file that appears whole, and
/// only once the run is over (until then it is a temporary file beside it).
private struct Outputs {
    let writer: ReportWriter
    private let standardOutput = StandardOutputSink()
    private var files: [(sink: AtomicFileWriter, path: String)] = []

    init(_ destinations: [(format: ReportFormat, path: String?)], context: ReportContext, runs: Int, useColor: Bool,
         quiet: Bool) {
        writer = ReportWriter(context: context, runs: runs)
        for (format, path) in destinations {
            // Colour is for a terminal: never in a file.
            // Colour and line breaks are for a terminal: never in a file.
            let width = path == nil ? Output.width(of: .standardOutput) ?? TextReporter.unwrapped : TextReporter.unwrapped
            let reporter = format.reporter(useColor: path == nil && useColor, quiet: quiet, width: width)
            if let path {
                let sink = AtomicFileWriter(path: path)
                files.append((sink, path))
                writer.add(reporter, to: sink)
            } else {
                writer.add(reporter, to: standardOutput)
            }
        }
    }

    /// Ends every output and writes the files; false when a file could not be written (said on standard error).
    func finish(language: Language) -> Bool {
        writer.finishDocument()
        standardOutput.flush()
        var written = true
        for (sink, path) in files {
            do {
                try sink.commit()
            } catch {
                let reason: String
                switch error {
                case .exists(let existing): reason = existing
                case .cannotWrite(_, let code): reason = Environment.errorText(code)
                }
                Output.error("plancheck: " + Message(.cliCannotWrite, ["path": .text(path), "reason": .text(reason)])
                    .rendered(in: language, vocabulary: .neutral) + "\n")
                written = false
            }
        }
        return written
    }
}
