import PlancheckRules
import PlancheckSystem
import PlancheckYAML

/// What a run says beyond its results: what was checked and what it counted.
public struct RunSummary: Sendable {
    public var pack: Pack
    /// The submission files reported on, in report order.
    public var files: [String]
    /// Files that could not be used as submissions at all (reported as diagnostics too); they make the status 2.
    public var unusableFiles: [String] = []
    /// Counts over every result of the run, kept or not.
    public var tally = Tally()
    /// Whether a diagnostic said an input could not be read or parsed at all.
    public var inputUnusable = false
    /// The rules about the whole that got no verdict for want of inputs, grouped: every output says what they lack.
    public var incompleteTotals = IncompleteTotals()

    public init(pack: Pack, files: [String]) {
        self.pack = pack
        self.files = files
    }

    /// The exit status: 0 nothing at or above `failOn`, 1 something at or above it, 2 unusable input.
    /// - Parameter gateWhole: whether failed rules about the whole (a city total) count; a pre-commit hook run
    ///   shows them without letting them block a commit that changes one unit.
    public func exitCode(failOn: Severity, gateWhole: Bool = true) -> Int32 {
        // A file that loaded as no submission at all (empty, not a mapping, no district code) was not checked: the
        // gate must fail closed, not pass on the files it could read.
        if !unusableFiles.isEmpty || inputUnusable { return 2 }
        let failing = tally.failing(at: failOn) - (gateWhole ? 0 : tally.failedWholeRules.failing(at: failOn))
        return failing > 0 ? 1 : 0
    }
}

/// What a run hands on as it goes: the files it will check, then its results in report order.
///
/// The work a consumer does per result that does not depend on order (building an entry, rendering it) goes in
/// `prepare`, which the run calls on its worker threads, file by file; `consume` then gets the prepared results in
/// report order on the run's own thread.
public protocol ResultConsumer {
    associatedtype Preparer: ResultPreparer = PassingOn
    /// Prepares each result the consumer will get, on any thread.
    var preparer: Preparer { get }
    /// Called once, before any result, with the files reported on in report order.
    mutating func begin(files: [String])
    mutating func consume(_ prepared: Preparer.Prepared)
}

/// The order-free work on each result, done on the run's worker threads.
public protocol ResultPreparer: Sendable {
    associatedtype Prepared: Sendable
    func prepare(_ result: CheckResult) -> Prepared
}

/// Hands results on as they are.
public struct PassingOn: ResultPreparer {
    public init() {}
    public func prepare(_ result: CheckResult) -> CheckResult { result }
}

extension ResultConsumer {
    public mutating func begin(files: [String]) {}
}

extension ResultConsumer where Preparer == PassingOn {
    public var preparer: PassingOn { PassingOn() }
}

/// A whole run, collected: for tests, examples and outputs that need every result at once.
public struct RunResult: Sendable, ResultConsumer {
    public var summary: RunSummary
    /// In report order: every diagnostic and every failed or acknowledged rule result; passes and results that were
    /// not evaluated only when the run kept them (`RunOptions.keepAllResults`).
    public var results: [CheckResult] = []

    public init(summary: RunSummary, results: [CheckResult] = []) {
        self.summary = summary
        self.results = results
    }

    public var pack: Pack { summary.pack }
    public var files: [String] { summary.files }
    public var tally: Tally { summary.tally }
    public var unusableFiles: [String] { summary.unusableFiles }

    public func exitCode(failOn: Severity) -> Int32 { summary.exitCode(failOn: failOn) }

    public mutating func consume(_ result: CheckResult) { results.append(result) }
}

/// How a run keeps what it finds.
public struct RunOptions: Sendable {
    /// Hand on passes and not-evaluated results too (`--show-passes`, html and junit list them); otherwise they are
    /// only counted.
    public var keepAllResults = false
    /// Files (as collected) evaluated but not reported on: results about them are left out of the outputs and the
    /// tally, while the whole is still evaluated over every file.
    public var unreportedFiles: Set<String> = []
    /// Threads that load files and evaluate rules; nil for one per processor. The output does not depend on it.
    public var jobs: Int?
    /// Files whose text is already read, by the path the run names them with (standard input, under
    /// `--stdin-filename`): used instead of reading that path, which need not exist.
    public var providedFiles: [String: [UInt8]] = [:]
    /// Last year's submissions (a multi-year repository): each file's previous-year figures come from its unit's
    /// file of last year where it has no `previous:` section, and are compared with it where it has one. The files
    /// of last year that could not be used are said once, as notes among the run's problems.
    public var previousYear: PreviousYearFigures?

    public init(keepAllResults: Bool = false, unreportedFiles: Set<String> = [], jobs: Int? = nil) {
        self.keepAllResults = keepAllResults
        self.unreportedFiles = unreportedFiles
        self.jobs = jobs
    }
}

/// One `plancheck check`: find the files; load, check and hand on each file's results as it comes, in batches on
/// every processor; then the rules about the whole. The CLI is a thin layer over this.
///
/// Results are handed on in report order — files in path order, each file's results by position, the whole's
/// results last by rule id — so that an output can be written as the run goes and memory does not grow with the
/// number of files: only each unit's figures stay for the rules about the whole.
public enum CheckRun {
    /// Collects the whole run.
    public static func run(paths: [String], pack: Pack, options: CheckOptions, run: RunOptions = RunOptions()) -> RunResult {
        var collected = RunResult(summary: RunSummary(pack: pack, files: []))
        collected.summary = stream(paths: paths, pack: pack, options: options, run: run, into: &collected)
        return collected
    }

    /// Hands every result to `consumer` in report order, and returns the summary once all are handed on.
    /// - Parameter extraProblems: diagnostics about given paths that the run did not collect (a hook's missing
    ///   files), reported in their place among the files.
    public static func stream<Consumer: ResultConsumer>(
        paths: [String], pack: Pack, options: CheckOptions, run: RunOptions = RunOptions(),
        extraProblems: [Diagnostic] = [], into consumer: inout Consumer
    ) -> RunSummary {
        let jobs = run.jobs ?? Parallel.defaultJobs
        let provided = run.providedFiles
        let previousYear = run.previousYear
        var (collected, collectionProblems) = InputCollection.collect(paths.filter { provided[$0] == nil })
        collected += paths.filter { provided[$0] != nil && !collected.contains($0) }
        // Report order is path order, whatever order the paths were given in.
        let files = collected.enumerated().sorted { $0.element < $1.element || ($0.element == $1.element && $0.offset < $1.offset) }
            .map(\.element)
        var summary = RunSummary(pack: pack, files: files.filter { !run.unreportedFiles.contains($0) })
        consumer.begin(files: summary.files)
        let evaluator = Evaluator(pack: pack, quotas: options.quotas)

        // What is handed on: severity overrides applied, unreported files left out, passes only counted unless
        // kept. Decided on any thread; counting and handing on happen here, in report order.
        @Sendable func admit(_ result: CheckResult) -> CheckResult? {
            var result = result
            if let override = options.severityOverrides[result.code] {
                switch result {
                case .diagnostic(var diagnostic):
                    diagnostic.severity = override
                    result = .diagnostic(diagnostic)
                case .rule(var rule):
                    rule.severity = override
                    result = .rule(rule)
                }
            }
            if let file = result.file, run.unreportedFiles.contains(file) { return nil }
            if case .diagnostic(var diagnostic) = result, diagnostic.code == .wrongYear,
               case .number(let year)? = diagnostic.message.arguments["year"],
               let globs = options.yearSelections[year], diagnostic.help == nil {
                diagnostic.help = Message(.helpWrongYearFolder, [
                    "year": .number(year), "globs": .joined(globs.map { .text($0) }, separator: .comma)])
                result = .diagnostic(diagnostic)
            }
            return result
        }
        func count(_ result: CheckResult) {
            summary.tally.count(result)
            if result.diagnostic?.makesInputUnusable == true { summary.inputUnusable = true }
            if let rule = result.ruleResult, rule.unit == nil { summary.incompleteTotals.add(rule, pack: pack) }
        }
        @Sendable func hands(_ result: CheckResult) -> Bool { run.keepAllResults || result.isReportable }
        func take(_ result: CheckResult) {
            guard let result = admit(result) else { return }
            count(result)
            if hands(result) { consumer.consume(consumer.preparer.prepare(result)) }
        }
        // Problems with paths that are no files (missing, empty folders) go where their path sorts among the files.
        var problems = (collectionProblems + extraProblems + (previousYear?.runNotes ?? [])).map { CheckResult.diagnostic($0) }
        ResultOrder.sort(&problems)
        var nextProblem = 0
        func takeProblems(before file: String?) {
            while nextProblem < problems.count,
                  file == nil || (problems[nextProblem].file.map { $0 < file! } ?? false) {
                take(problems[nextProblem])
                nextProblem += 1
            }
        }

        var submissions: [Submission] = []
        submissions.reserveCapacity(files.count)
        var firstFile: [String: Submission] = [:]
        let preparer = consumer.preparer
        // In batches, so that what is not kept is dropped batch by batch rather than held for every file.
        let batch = max(64, jobs * 64)
        for start in stride(from: 0, to: files.count, by: batch) {
            let end = min(files.count, start + batch)
            let checked = Parallel.map(count: end - start, jobs: jobs) { offset -> CheckedFile<Consumer.Preparer.Prepared> in
                let path = files[start + offset]
                let loaded = provided[path].map {
                    SubmissionLoader.load(SourceFile(path: path, bytes: $0), pack: pack, previousYear: previousYear)
                } ?? SubmissionLoader.load(path: path, pack: pack, previousYear: previousYear)
                var results = loaded.diagnostics.map { CheckResult.diagnostic($0) }
                if let submission = loaded.submission {
                    let unit = Checker.checkUnit(submission, pack: pack, evaluator: evaluator, today: options.today)
                    results += unit.results.map { .rule($0) } + unit.diagnostics.map { .diagnostic($0) }
                }
                ResultOrder.sort(&results)
                let admitted = results.compactMap(admit)
                return CheckedFile(submission: loaded.submission, results: admitted,
                                   prepared: admitted.filter(hands).map(preparer.prepare))
            }
            for (offset, file) in checked.enumerated() {
                takeProblems(before: files[start + offset])
                // A second file for a unit: its totals would count the unit twice (they are not evaluated). Known
                // only here, in file order; said in its place among the file's results.
                var duplicate: CheckResult?
                if let submission = file.submission, submission.districtKind != nil {
                    if let first = firstFile[submission.districtCode] {
                        duplicate = .diagnostic(Checker.duplicate(submission, of: first))
                    } else {
                        firstFile[submission.districtCode] = submission
                    }
                }
                var prepared = file.prepared[...]
                for result in file.results {
                    if let pending = duplicate, ResultOrder.precedes(pending, result) {
                        take(pending)
                        duplicate = nil
                    }
                    count(result)
                    if hands(result), let next = prepared.popFirst() { consumer.consume(next) }
                }
                if let pending = duplicate { take(pending) }
                if let submission = file.submission {
                    submissions.append(submission)
                } else {
                    summary.unusableFiles.append(files[start + offset])
                }
            }
        }
        takeProblems(before: nil)
        summary.unusableFiles.removeAll { run.unreportedFiles.contains($0) }
        Checker.checkWhole(pack: pack, submissions: submissions, options: options, evaluator: evaluator, jobs: jobs) {
            take(.rule($0))
        }
        return summary
    }
}

/// One file, loaded and checked against its unit's rules: its results as admitted, in report order, and those the
/// consumer gets, prepared.
private struct CheckedFile<Prepared: Sendable>: Sendable {
    var submission: Submission?
    var results: [CheckResult]
    var prepared: [Prepared]
}
