import PlancheckRules
import PlancheckSystem
import PlancheckYAML

/// Runs a pack's rules over submissions: each unit's own rules as its file arrives, the rules about the whole once
/// every file is in.
public enum Checker {
    /// Every result for `submissions`, passes included, in report order: for tests and the rule examples.
    public static func check(pack: Pack, submissions: [Submission], options: CheckOptions = CheckOptions()) -> [CheckResult] {
        var results: [CheckResult] = duplicateSubmissions(submissions).map { .diagnostic($0) }
        let evaluator = Evaluator(pack: pack, quotas: options.quotas)
        for submission in submissions {
            let unit = checkUnit(submission, pack: pack, evaluator: evaluator, today: options.today)
            results += unit.results.map { .rule($0) } + unit.diagnostics.map { .diagnostic($0) }
        }
        checkWhole(pack: pack, submissions: submissions, options: options, evaluator: evaluator, jobs: 1) {
            results.append(.rule($0))
        }
        ResultOrder.sort(&results)
        return results
    }

    /// The unit's own rules over its submission, its deviations applied.
    static func checkUnit(_ submission: Submission, pack: Pack, evaluator: Evaluator,
                          today: String) -> (results: [RuleResult], diagnostics: [Diagnostic]) {
        guard let kind = submission.districtKind else { return ([], []) }
        var results: [RuleResult] = []
        for rule in pack.rules where rule.scope == .district && rule.applies(toDistrict: submission.districtCode, kind: kind) {
            results.append(evaluator.districtResult(rule, submission: submission))
        }
        let diagnostics = Deviations.apply(to: &results, submission: submission, pack: pack, today: today)
        return (results, diagnostics)
    }

    /// The rules about the whole, over every submission of a registered unit, handed to `each` in rule-id order. They
    /// are made as many at a time as there are workers, each handed on before the next ones are made, so that the
    /// contributions of every unit to every total are never all held at once.
    static func checkWhole(pack: Pack, submissions: [Submission], options: CheckOptions, evaluator: Evaluator,
                           jobs: Int, each: (RuleResult) -> Void) {
        let inRegistry = submissions.filter { $0.districtKind != nil }
        let duplicated = unitsSubmittedTwice(inRegistry)
        let rules = pack.rules.filter { $0.scope == .city }.sorted { $0.id < $1.id }
        // Small runs stay on this thread: starting workers would cost more than it saves.
        let workers = inRegistry.count < 16 ? 1 : jobs
        for start in stride(from: 0, to: rules.count, by: workers) {
            let end = min(rules.count, start + workers)
            Parallel.map(count: end - start, jobs: workers) {
                evaluator.wholeResult(rules[start + $0], submissions: inRegistry, duplicated: duplicated, options: options)
            }.forEach(each)
        }
    }

    /// Units with more than one file, each with its files in file order.
    static func unitsSubmittedTwice(_ submissions: [Submission]) -> [String: UnitFiles] {
        var files: [String: [String]] = [:]
        for submission in submissions { files[submission.districtCode, default: []].append(submission.file.path) }
        var twice: [String: UnitFiles] = [:]
        for (unit, paths) in files where paths.count > 1 { twice[unit] = UnitFiles(unit: unit, files: paths) }
        return twice
    }

    /// Two files for the same unit would make every total count it twice: the second is reported (and totals that
    /// include the unit are not evaluated).
    static func duplicateSubmissions(_ submissions: [Submission]) -> [Diagnostic] {
        var seen: [String: Submission] = [:]
        var diagnostics: [Diagnostic] = []
        for submission in submissions where submission.districtKind != nil {
            if let first = seen[submission.districtCode] {
                diagnostics.append(duplicate(submission, of: first))
            } else {
                seen[submission.districtCode] = submission
            }
        }
        return diagnostics
    }

    /// PC034 on `submission`, a second file for the unit of `first`.
    static func duplicate(_ submission: Submission, of first: Submission) -> Diagnostic {
        var diagnostic = Diagnostic(.duplicateSubmission, .error, Message(.duplicateSubmission, [
            "code": .text(submission.districtCode), "other": .path(first.file.path)]),
                                    location: submission.districtCodeLocation, unit: submission.districtCode)
        diagnostic.labels = [Diagnostic.Label(first.districtCodeLocation, Message(.labelFirstSubmission))]
        diagnostic.help = Message(.helpDuplicateSubmission)
        return diagnostic
    }
}

/// The order results are reported in: by file, then position, then code; results about the whole last, by rule id.
enum ResultOrder {
    private struct Key {
        var file: String?
        var offset: Int
        var code: String
        var unit: String

        init(_ result: CheckResult) {
            file = result.file
            offset = result.location?.span.start.offset ?? Int.max
            code = result.code
            unit = result.unit ?? ""
        }

        /// Whether this key sorts before `other`; equal keys keep their order.
        func precedes(_ other: Key) -> Bool {
            if file != other.file {
                guard let file else { return false }  // no file (the whole): last
                guard let otherFile = other.file else { return true }
                return file < otherFile
            }
            if offset != other.offset { return offset < other.offset }
            if code != other.code { return code < other.code }
            return unit < other.unit
        }
    }

    static func precedes(_ a: CheckResult, _ b: CheckResult) -> Bool { Key(a).precedes(Key(b)) }

    /// A stable sort by small keys, the results then gathered once.
    static func sort(_ results: inout [CheckResult]) {
        let keys = results.map(Key.init)
        let order = keys.indices.sorted { keys[$0].precedes(keys[$1]) || (!keys[$1].precedes(keys[$0]) && $0 < $1) }
        results = order.map { results[$0] }
    }
}
