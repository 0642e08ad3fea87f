/// One `plancheck check`: find the files, load the pack and the submissions, check, and say how it went.
/// The CLI is a thin layer over this.
public struct CheckRun: Sendable {
    /// Nil when the run could not produce one.
    public var report: Report?

    public init(report: Report?) {
        self.report = report
    }

    /// The exit status: 0 nothing at or above `failOn`, 1 findings at or above it, 2 unusable input.
    public func exitCode(failOn: Severity) -> Int32 {
        guard let report else { return 2 }
        let unreadable = report.findings.contains {
            $0.code == DiagnosticCode.fileUnreadable.rawValue || $0.code == DiagnosticCode.yamlSyntax.rawValue
                || $0.code == DiagnosticCode.yamlLimit.rawValue
        }
        // A file that loaded as no submission at all (empty, not a mapping, no district code) was not checked:
        // the gate must fail closed, not pass on the files it could read.
        if unreadable || !report.unusableFiles.isEmpty { return 2 }
        return report.findings.contains { $0.fails(at: failOn) } ? 1 : 0
    }

    /// - Parameter jobs: how many threads load files and evaluate rules; nil for one per processor. The report is
    ///   the same whatever the number.
    public static func run(paths: [String], pack: Pack, options: CheckOptions, language: Language,
                           jobs: Int? = nil) -> CheckRun {
        let jobs = jobs ?? Parallel.defaultJobs
        let (files, problems) = InputCollection.collect(paths)
        var findings = problems
        var submissions: [Submission] = []
        submissions.reserveCapacity(files.count)
        // Each file is read, parsed and turned into figures on its own; its tree is dropped as soon as its figures
        // are read, so at most `jobs` trees exist at a time.
        let loaded = Parallel.map(count: files.count, jobs: jobs) { SubmissionLoader.load(path: files[$0], pack: pack) }
        var unusable: [String] = []
        for (index, result) in loaded.enumerated() {
            findings += result.findings
            if let submission = result.submission { submissions.append(submission) } else { unusable.append(files[index]) }
        }
        // Unsorted: the one sort below orders these and the loading findings together (the sort is stable, so this
        // gives exactly the order of sorting twice).
        Checker.appendFindings(to: &findings, pack: pack, submissions: submissions, options: options, jobs: jobs)
        // The figures have done their work (findings carry copies of what they show): free them before sorting and
        // reporting, the other memory-hungry steps of a large run.
        submissions = []
        if !options.severityOverrides.isEmpty {
            for index in findings.indices {
                if let override = options.severityOverrides[findings[index].code] { findings[index].severity = override }
            }
        }
        FindingOrder.sort(&findings)
        var report = Report(findings: findings, pack: pack, files: files, language: language)
        report.unusableFiles = unusable
        return CheckRun(report: report)
    }
}

/// Finds the pack to use: a folder given with `--rules`, or the default pack built into the binary.
public enum PackLocator {
    /// A folder is always linted; the built-in pack, proven lint-clean by the tests, only with `lintBuiltIn`
    /// (`plancheck rules lint`).
    public static func load(_ path: String?, lintBuiltIn: Bool = false) -> PackLoadResult {
        if let path {
            return PackLoader.load(from: FolderPackSource(folder: path))
        }
        return PackLoader.load(from: DefaultPack.source, lint: lintBuiltIn)
    }
}
