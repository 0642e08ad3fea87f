/// Everything a reporter needs to render one run: reporters read only this, never the files or the pack again.
public struct Report: Sendable {
    public var findings: [Finding]
    public var pack: Pack
    /// The submission files checked, in order.
    public var files: [String]
    /// Files that could not be used as submissions at all (reported as findings too); they make the exit status 2.
    public var unusableFiles: [String] = []
    public var language: Language
    /// Whether passing results are listed too (they are always counted).
    public var showPasses: Bool = false
    /// Paths below this folder are shown relative to it (the CLI passes the working directory), so that reports
    /// name files the way a repository does and SARIF can use relative URIs.
    public var baseDirectory: String?

    public init(findings: [Finding], pack: Pack, files: [String], language: Language) {
        self.findings = findings
        self.pack = pack
        self.files = files
        self.language = language
    }

    /// Counts for the summary line and the exit code.
    public struct Counts: Sendable, Equatable {
        public var errors = 0, warnings = 0, notes = 0
        public var passed = 0, withinTolerance = 0, failed = 0, acknowledged = 0, notEvaluated = 0, notCheckable = 0
        public var evaluated: Int { passed + withinTolerance + failed + acknowledged }
    }

    public var counts: Counts {
        var counts = Counts()
        for finding in findings {
            if let outcome = finding.outcome {
                switch outcome {
                case .passed: counts.passed += 1
                case .passedWithinTolerance: counts.withinTolerance += 1
                case .failed: counts.failed += 1
                case .acknowledged: counts.acknowledged += 1
                case .notEvaluated: counts.notEvaluated += 1
                case .notCheckable: counts.notCheckable += 1
                }
            }
            guard finding.outcome == nil || finding.outcome == .failed else { continue }
            switch finding.severity {
            case .error: counts.errors += 1
            case .warning: counts.warnings += 1
            case .note: counts.notes += 1
            }
        }
        return counts
    }
}

/// One output format. Each format is one type behind this protocol.
public protocol Reporter {
    func render(_ report: Report) -> String
}
