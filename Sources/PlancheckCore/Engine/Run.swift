/// One `plancheck check`: find the files, load the pack and the submissions, check, and say how it went.
/// The CLI is a thin layer over this.
public struct CheckRun: Sendable {
    /// Problems with the pack itself; when any is an error there is no report.
    public var packFindings: [Finding]
    public var report: Report?

    /// The exit status: 0 nothing at or above `failOn`, 1 findings at or above it, 2 unusable input.
    public func exitCode(failOn: Severity) -> Int32 {
        guard let report else { return 2 }
        let unreadable = report.findings.contains {
            $0.code == DiagnosticCode.fileUnreadable.rawValue || $0.code == DiagnosticCode.yamlSyntax.rawValue
                || $0.code == DiagnosticCode.yamlLimit.rawValue
        }
        if unreadable { return 2 }
        return report.findings.contains { $0.fails(at: failOn) } ? 1 : 0
    }

    public static func run(paths: [String], pack: Pack, options: CheckOptions, language: Language) -> CheckRun {
        let (files, problems) = InputCollection.collect(paths)
        var findings = problems
        var submissions: [Submission] = []
        for path in files {
            let loaded = SubmissionLoader.load(path: path, pack: pack)
            findings += loaded.findings
            if let submission = loaded.submission { submissions.append(submission) }
        }
        findings += Checker.check(pack: pack, submissions: submissions, options: options)
        for index in findings.indices {
            if let override = options.severityOverrides[findings[index].code] { findings[index].severity = override }
        }
        let report = Report(findings: FindingOrder.sorted(findings), pack: pack, files: files, language: language)
        return CheckRun(packFindings: [], report: report)
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
