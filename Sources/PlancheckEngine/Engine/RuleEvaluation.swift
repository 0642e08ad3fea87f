import PlancheckRules
import PlancheckYAML

/// Evaluates one rule for one unit, or for the whole, into a `RuleResult`.
extension Evaluator {
    func districtResult(_ rule: Rule, submission: Submission) -> RuleResult {
        var result = RuleResult(rule: rule, unit: submission.districtCode, file: submission.file.path,
                                outcome: .notEvaluated, location: submission.districtCodeLocation)
        guard case .compare(let comparison) = rule.check else {
            result.outcome = .notCheckable
            return result
        }
        var trace = Trace()
        do {
            let value = try number(comparison.value.expression, district: submission, districts: [], trace: &trace)
            let target = try number(comparison.target.expression, district: submission, districts: [], trace: &trace)
            result.location = primaryLocation(trace, fallback: submission.districtCodeLocation)
            judge(&result, comparison: comparison, value: value, target: target, trace: trace)
            // "6%以上" fails "高于6%": the words around the number were not part of the check.
            if result.outcome != .passed { result.qualifiedFigures = trace.qualified }
        } catch {
            unevaluated(&result, failure: error, trace: trace)
        }
        return result
    }

    /// - Parameters:
    ///   - submissions: every usable submission of the run, in file order.
    ///   - duplicated: units that sent more than one file (`Checker.unitsSubmittedTwice`): no total counts them.
    func wholeResult(_ rule: Rule, submissions: [Submission], duplicated: [String: UnitFiles] = [:],
                     options: CheckOptions) -> RuleResult {
        var result = RuleResult(rule: rule, unit: nil, file: nil, outcome: .notEvaluated, location: nil)
        guard case .compare(let comparison) = rule.check else {
            result.outcome = .notCheckable
            return result
        }
        let applies = { (submission: Submission) -> Bool in
            guard let kind = submission.districtKind else { return false }
            return rule.applies(toDistrict: submission.districtCode, kind: kind)
        }
        // Most whole rules concern every unit: then the array is shared, not copied submission by submission.
        var inScope = submissions.allSatisfy(applies) ? submissions : submissions.filter(applies)
        let seen = Set(inScope.map(\.districtCode))
        // A unit sent twice would be counted twice: it is left out of the total, which then waits for it like a unit
        // without a file (PC034 names the files).
        let twice = pack.districts.compactMap { seen.contains($0.code) ? duplicated[$0.code] : nil }
        if !twice.isEmpty { inScope.removeAll { duplicated[$0.districtCode] != nil } }
        let absent = pack.districts.filter { rule.applies(toDistrict: $0.code, kind: $0.kind) && !seen.contains($0.code) }
            .map(\.code)
        var trace = Trace()
        do {
            let value = try number(comparison.value.expression, district: nil, districts: inScope, trace: &trace)
            let target = try number(comparison.target.expression, district: nil, districts: inScope, trace: &trace)
            judge(&result, comparison: comparison, value: value, target: target, trace: trace)
            if !absent.isEmpty || !twice.isEmpty, result.evaluationError == nil {
                // The comparison over the units that count stays as evidence; the verdict waits for the rest.
                result.missing = MissingInputs(unitsWithoutFile: absent, unitsSubmittedTwice: twice)
                result.outcome = options.requireAllDistricts && !absent.isEmpty ? .failed : .notEvaluated
            }
        } catch {
            unevaluated(&result, failure: error, trace: trace)
            if result.missing != nil {
                // With no unit to count, no figure is lacking: the units are.
                if inScope.isEmpty { result.missing?.figures = [] }
                result.missing?.unitsWithoutFile = absent
                result.missing?.unitsSubmittedTwice = twice
            }
        }
        return result
    }

    private func primaryLocation(_ trace: Trace, fallback: SourceLocation) -> SourceLocation {
        trace.figures.first { $0.location?.file.path == fallback.file.path }?.location ?? fallback
    }

    /// Why a rule was not evaluated, or failed to evaluate.
    private func unevaluated(_ result: inout RuleResult, failure: EvaluationFailure, trace: Trace) {
        switch failure {
        case .missing(let figures):
            result.outcome = .notEvaluated
            // A total over many files misses the same figures again and again: each distinct one once.
            var seen: Set<MissingFigure> = []
            result.missing = MissingInputs(figures: figures.filter { seen.insert($0).inserted })
            // A unit's figure that is written but unusable: the result points at it (its diagnostic is there).
            if let file = result.file,
               let place = figures.lazy.compactMap(\.unusableAt).first(where: { $0.file.path == file }) {
                result.location = place
            }
        case .qualitative(let figure):
            result.outcome = .failed
            // At the statement when it is in the unit's own file; last year's (`prev.`) stays a figure of the
            // evidence, so that the result is still reported in its own file's place.
            if result.file == nil || figure.location.file.path == result.file { result.location = figure.location }
            result.qualitative = figure
        case .invalid(let message, _):
            result.outcome = .notEvaluated
            result.evaluationError = message
        }
    }
}
