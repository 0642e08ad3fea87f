import PlancheckYAML

/// What one `plancheck check` produced: the results an output lists, the tally of all of them, and the files.
public struct RunResult: Sendable {
    public var pack: Pack
    /// The submission files checked, in order.
    public var files: [String]
    /// Files that could not be used as submissions at all (reported as diagnostics too); they make the status 2.
    public var unusableFiles: [String] = []
    /// In report order: every diagnostic and every failed or acknowledged rule result; passes and results that were
    /// not evaluated only when the run was asked to keep them (`RunOptions.keepAllResults`).
    public var results: [CheckResult]
    /// Counts over every result of the run, kept or not.
    public var tally: Tally
    /// Whether `results` holds every rule result (passes too).
    public var keptAllResults: Bool

    /// The exit status: 0 nothing at or above `failOn`, 1 something at or above it, 2 unusable input.
    public func exitCode(failOn: Severity) -> Int32 {
        // A file that loaded as no submission at all (empty, not a mapping, no district code) was not checked: the
        // gate must fail closed, not pass on the files it could read.
        if !unusableFiles.isEmpty || results.contains(where: { $0.diagnostic?.makesInputUnusable ?? false }) { return 2 }
        return results.contains { $0.fails(at: failOn) } ? 1 : 0
    }
}

/// How a run keeps what it finds.
public struct RunOptions: Sendable {
    /// Keep passes and not-evaluated results too (`--show-passes`, html and junit list them); otherwise they are
    /// only counted.
    public var keepAllResults = false
    /// Files (as collected) evaluated but not reported on: results about them are left out of the outputs and the
    /// tally, while the whole is still evaluated over every file.
    public var unreportedFiles: Set<String> = []
    /// Threads that load files and evaluate rules; nil for one per processor. The output does not depend on it.
    public var jobs: Int?

    public init(keepAllResults: Bool = false, unreportedFiles: Set<String> = [], jobs: Int? = nil) {
        self.keepAllResults = keepAllResults
        self.unreportedFiles = unreportedFiles
        self.jobs = jobs
    }
}

/// One `plancheck check`: find the files; load, check and count each file as it comes; then the rules about the
/// whole. The CLI is a thin layer over this.
public enum CheckRun {
    public static func run(paths: [String], pack: Pack, options: CheckOptions, run: RunOptions = RunOptions()) -> RunResult {
        let jobs = run.jobs ?? Parallel.defaultJobs
        let (files, problems) = InputCollection.collect(paths)
        let evaluator = Evaluator(pack: pack, quotas: options.quotas)
        var kept: [CheckResult] = []
        var tally = Tally()
        func take(_ result: CheckResult) {
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
            if let file = result.file, run.unreportedFiles.contains(file) { return }
            tally.count(result)
            if run.keepAllResults || result.isReportable { kept.append(result) }
        }
        problems.forEach { take(.diagnostic($0)) }

        // Each file is read, parsed, turned into figures and checked against its unit's rules on its own; its tree
        // is dropped as soon as its figures are read. What stays is the submission's figures (for the whole's
        // rules) and the results an output lists.
        struct Checked: Sendable {
            var submission: Submission?
            var diagnostics: [Diagnostic]
            var results: [RuleResult]
        }
        var submissions: [Submission] = []
        submissions.reserveCapacity(files.count)
        var unusable: [String] = []
        // In batches, so that the results not kept are dropped batch by batch rather than held for every file.
        let batch = max(64, jobs * 64)
        for start in stride(from: 0, to: files.count, by: batch) {
            let end = min(files.count, start + batch)
            let checked = Parallel.map(count: end - start, jobs: jobs) { offset -> Checked in
                let loaded = SubmissionLoader.load(path: files[start + offset], pack: pack)
                guard let submission = loaded.submission else {
                    return Checked(submission: nil, diagnostics: loaded.diagnostics, results: [])
                }
                let unit = Checker.checkUnit(submission, pack: pack, evaluator: evaluator, today: options.today)
                return Checked(submission: submission, diagnostics: loaded.diagnostics + unit.diagnostics,
                               results: unit.results)
            }
            for (offset, file) in checked.enumerated() {
                file.diagnostics.forEach { take(.diagnostic($0)) }
                file.results.forEach { take(.rule($0)) }
                if let submission = file.submission { submissions.append(submission) } else { unusable.append(files[start + offset]) }
            }
        }
        Checker.duplicateSubmissions(submissions).forEach { take(.diagnostic($0)) }
        Checker.checkWhole(pack: pack, submissions: submissions, options: options, evaluator: evaluator, jobs: jobs)
            .forEach { take(.rule($0)) }
        ResultOrder.sort(&kept)
        return RunResult(pack: pack, files: files.filter { !run.unreportedFiles.contains($0) },
                         unusableFiles: unusable.filter { !run.unreportedFiles.contains($0) },
                         results: kept, tally: tally, keptAllResults: run.keepAllResults)
    }
}

/// Finds the pack to use: a folder given with `--rules`, or the default pack built into the binary.
public enum PackLocator {
    public static func load(_ path: String?) -> PackLoadResult {
        if let path {
            return PackLoader.load(from: FolderPackSource(folder: path))
        }
        return PackLoader.load(from: DefaultPack.source)
    }
}
