import PlancheckRules
import PlancheckSystem

/// A check over a data repository's configured submissions that reports on some of them only.
///
/// A pre-commit hook passes the files that changed. Checking those files alone would sum city totals over one
/// district and call them "not evaluated"; checking everything would bury the author's own problems under the
/// other districts'. So the whole configured set is evaluated, and the report keeps what concerns the chosen
/// files plus every city-wide result: a change to one district that breaks a city total says so.
public struct ReportScope: Sendable {
    /// The evaluated submissions, as they are named in findings.
    public var evaluated: [String]
    /// The evaluated submissions reported on (a subset of `evaluated`, same spelling).
    public var reported: [String]
    /// Given files that are not configured submissions (other YAML files a hook passes: workflows, the
    /// configuration itself): left out of the check.
    public var skipped: [String]
    /// Given paths that do not exist.
    public var problems: [Diagnostic]

    public init(evaluated: [String], reported: [String], skipped: [String] = [], problems: [Diagnostic] = []) {
        self.evaluated = evaluated
        self.reported = reported
        self.skipped = skipped
        self.problems = problems
    }

    /// Chooses, among the configured submissions, those named by `paths` (files, or folders walked as
    /// `plancheck check` walks them). Paths are compared by their real location, so `2025/a.yml`,
    /// `./2025/a.yml` and an absolute path name the same file.
    public static func select(paths: [String], configured: [String]) -> ReportScope {
        let (given, problems) = InputCollection.collect(paths)
        var byLocation: [String: String] = [:]
        for file in configured { byLocation[canonical(file)] = file }
        var reported: [String] = []
        var skipped: [String] = []
        var seen: Set<String> = []
        for file in given {
            let location = canonical(file)
            if let name = byLocation[location] {
                if seen.insert(location).inserted { reported.append(name) }
            } else {
                skipped.append(file)
            }
        }
        let order = Dictionary(configured.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        reported.sort { (order[$0] ?? 0) < (order[$1] ?? 0) }
        return ReportScope(evaluated: configured, reported: reported, skipped: skipped, problems: problems)
    }

    /// The real path of `path` (symbolic links and `.`/`..` resolved), or `path` itself when it cannot be resolved.
    static func canonical(_ path: String) -> String {
        FilePaths.realPath(path) ?? path
    }
}

extension CheckRun {
    /// Checks every file of `scope.evaluated` together (so aggregates see the whole set) and reports on
    /// `scope.reported`, the given paths that are missing, and the results about the whole.
    public static func stream<Consumer: ResultConsumer>(scope: ReportScope, pack: Pack, options: CheckOptions,
                                                        run: RunOptions = RunOptions(), into consumer: inout Consumer) -> RunSummary {
        var run = run
        run.unreportedFiles = Set(scope.evaluated).subtracting(scope.reported)
        return stream(paths: scope.evaluated, pack: pack, options: options, run: run, extraProblems: scope.problems,
                      into: &consumer)
    }

    /// `stream(scope:…)`, collected.
    public static func run(scope: ReportScope, pack: Pack, options: CheckOptions, run: RunOptions = RunOptions()) -> RunResult {
        var collected = RunResult(summary: RunSummary(pack: pack, files: []))
        collected.summary = stream(scope: scope, pack: pack, options: options, run: run, into: &collected)
        return collected
    }
}
