import PlancheckYAML

/// Turns a rule and the figures it concerns into one finding.
extension Evaluator {
    func districtFinding(_ rule: Rule, submission: Submission) -> Finding {
        var finding = Finding(code: rule.id, rule: rule, severity: rule.severity, outcome: .notEvaluated,
                              message: Message(.outcomePassed), district: submission.districtCode,
                              file: submission.file.path, location: submission.districtCodeLocation)
        guard case .compare(let comparison) = rule.check else {
            return notCheckable(finding, rule)
        }
        var trace = Trace()
        do {
            let value = try number(comparison.value.expression, district: submission, districts: [], trace: &trace)
            let target = try number(comparison.target.expression, district: submission, districts: [], trace: &trace)
            finding.figures = trace.figures
            finding.location = primaryLocation(trace, fallback: submission.districtCodeLocation)
            finding = judge(finding, rule: rule, comparison: comparison, value: value, target: target)
            if finding.outcome != .passed {
                // "6%以上" fails "高于6%": say that the words around the number were not part of the check.
                finding.notes += trace.qualified.map {
                    Message(.noteQualifierWritten, ["text": .text($0.text), "qualifier": .text($0.qualifier)])
                }
            }
            return finding
        } catch {
            finding.figures = trace.figures
            return unevaluated(finding, rule: rule, comparison: comparison, failure: error)
        }
    }

    func cityFinding(_ rule: Rule, submissions: [Submission], options: CheckOptions) -> Finding {
        var finding = Finding(code: rule.id, rule: rule, severity: rule.severity, outcome: .notEvaluated,
                              message: Message(.outcomePassed), district: nil, file: nil, location: nil)
        guard case .compare(let comparison) = rule.check else {
            return notCheckable(finding, rule)
        }
        let applies = { (submission: Submission) -> Bool in
            guard let kind = submission.districtKind else { return false }
            return rule.applies(toDistrict: submission.districtCode, kind: kind)
        }
        // Most city rules concern every district: then the array is shared, not copied submission by submission.
        let inScope = submissions.allSatisfy(applies) ? submissions : submissions.filter(applies)
        let expected = pack.districts.filter { rule.applies(toDistrict: $0.code, kind: $0.kind) }.map(\.code)
        let present = Set(inScope.map(\.districtCode))
        let absent = expected.filter { !present.contains($0) }
        var trace = Trace()
        do {
            let value = try number(comparison.value.expression, district: nil, districts: inScope, trace: &trace)
            let target = try number(comparison.target.expression, district: nil, districts: inScope, trace: &trace)
            finding.figures = trace.figures
            if !absent.isEmpty {
                finding.missingDistricts = absent
                finding.actual = value
                finding.expected = target
                if options.requireAllDistricts {
                    finding.outcome = .failed
                    finding.message = Message(.outcomeIncompleteRequired, [
                        "count": .number(absent.count), "districts": .text(districtNames(absent))])
                } else {
                    finding.outcome = .notEvaluated
                    finding.message = Message(.outcomeIncompleteSet, [
                        "count": .number(absent.count), "districts": .text(districtNames(absent))])
                    finding.help = Message(.helpIncompleteSet)
                }
                return finding
            }
            return judge(finding, rule: rule, comparison: comparison, value: value, target: target)
        } catch {
            finding.figures = trace.figures
            finding.missingDistricts = absent
            return unevaluated(finding, rule: rule, comparison: comparison, failure: error)
        }
    }

    private func notCheckable(_ finding: Finding, _ rule: Rule) -> Finding {
        var finding = finding
        finding.outcome = .notCheckable
        if case .notCheckable(let reason) = rule.check {
            finding.message = Message(.outcomeNotCheckable, ["reason": .localized(reason)])
        }
        return finding
    }

    func districtNames(_ codes: [String]) -> String {
        codes.map { code in pack.district(code).map { "\($0.name.zh)(\(code))" } ?? code }.joined(separator: "、")
    }

    private func primaryLocation(_ trace: Trace, fallback: SourceLocation) -> SourceLocation {
        trace.figures.first { $0.location?.file.path == fallback.file.path }?.location ?? fallback
    }

    /// Why a rule was not evaluated, or failed to evaluate.
    private func unevaluated(_ finding: Finding, rule: Rule, comparison: Comparison,
                             failure: EvaluationFailure) -> Finding {
        var finding = finding
        switch failure {
        case .missing(let allFigures):
            finding.outcome = .notEvaluated
            // A city total over many files misses the same figures again and again: name each distinct one once.
            // The name is a function of the missing figure, so this gives the same list as naming them all.
            var seen: Set<MissingFigure> = []
            let figures = allFigures.filter { seen.insert($0).inserted }
            let names = figures.map { figure -> String in
                let name = pack.indicator(figure.key)?.name.zh ?? figure.key
                let prefix: String
                switch figure.qualifier {
                case .city: prefix = "city."
                case .previousYear: prefix = "prev."
                case .quota: prefix = "quota."
                case nil: prefix = ""
                }
                if let district = figure.district, finding.district == nil {
                    return "\(prefix)\(figure.key)（\(name)）@\(pack.district(district)?.name.zh ?? district)"
                }
                return "\(prefix)\(figure.key)（\(name)）"
            }
            var unique: [String] = []
            for name in names where !unique.contains(name) { unique.append(name) }
            finding.message = Message(.outcomeMissingFigures, ["figures": .text(unique.joined(separator: ", "))])
            if finding.district == nil {
                let districts = Set(figures.compactMap(\.district))
                finding.missingDistricts = pack.districts.map(\.code).filter { districts.contains($0) }
            }
        case .qualitative(let key, let bound, let figure):
            finding.outcome = .failed
            finding.location = figure.location
            let name = pack.indicator(key)?.name ?? LocalizedText(zh: key, en: key)
            finding.message = Message(.outcomeQualitative, [
                "name": .localized(name), "text": .text(figure.text), "target": .text(comparison.target.text)])
            finding.help = Message(.helpQualitative, ["bound": .text(bound.rawValue)])
        case .invalid(let message, _):
            finding.code = rule.id
            finding.outcome = .notEvaluated
            finding.message = Message(.outcomeEvaluationError, ["reason": .message(message)])
        }
        return finding
    }
}
