import PlancheckRules
import PlancheckYAML

/// Runs the small examples rule authors declare next to their rules (`plancheck rules test`): a rule author's
/// unit tests, kept in the pack itself.
public enum RuleExamples {
    public struct Result: Sendable {
        public var rule: Rule
        /// 1-based position among the rule's examples.
        public var index: Int
        public var expected: RuleExample.Expectation
        /// What the rule actually gave; nil when the example's own figures could not be read.
        public var actual: Outcome?
        public var location: SourceLocation
        /// Problems reading the example's figures.
        public var diagnostics: [Diagnostic]

        public var behavedAsDeclared: Bool {
            guard let actual, diagnostics.allSatisfy({ $0.severity != .error }) else { return false }
            switch expected {
            case .pass: return actual == .passed
            case .passWithinTolerance: return actual == .passedWithinTolerance
            case .fail: return actual == .failed
            case .notEvaluated: return actual == .notEvaluated
            }
        }
    }

    public static func run(_ pack: Pack, today: String = DateText.today()) -> [Result] {
        var results: [Result] = []
        for rule in pack.rules {
            for (offset, example) in rule.examples.enumerated() {
                results.append(run(example, index: offset + 1, rule: rule, pack: pack, today: today))
            }
        }
        return results
    }

    private static func run(_ example: RuleExample, index: Int, rule: Rule, pack: Pack, today: String) -> Result {
        let sink = DiagnosticSink()
        let applicable = pack.districts.filter { rule.applies(toDistrict: $0.code, kind: $0.kind) }
        let file = example.location.file
        // Context the example gives: for a district rule the one unit's (code nil), for a city rule per code.
        func context(_ entries: [(code: String?, figures: YAMLNode)], for code: String, what: String) -> [String: SubmittedFigure] {
            guard let entry = entries.first(where: { $0.code == nil || $0.code == code }) else { return [:] }
            return FigureReader(pack: pack, file: file, sink: sink, district: code).figures(entry.figures, what: what)
        }
        var submissions: [Submission] = []
        var quotas: [String: [String: LocatedQuantity]] = [:]
        for (position, entry) in example.districts.enumerated() {
            let district = entry.code.flatMap { pack.district($0) }
                ?? (position < applicable.count ? applicable[position] : applicable.first)
            guard let district else { continue }
            let figures = FigureReader(pack: pack, file: file, sink: sink, district: district.code)
                .figures(entry.figures, what: "indicators")
            let previous = context(example.previous, for: district.code, what: "previous")
            for (key, quota) in context(example.quotas, for: district.code, what: "quotas") {
                quotas[key, default: [:]][district.code] = LocatedQuantity(quantity: quota.quantity, location: quota.location,
                                                                           written: quota.text)
            }
            submissions.append(Submission(
                file: file, districtCode: district.code, districtCodeLocation: example.location,
                districtKind: district.kind, year: pack.plan.year, figures: FigureTable(figures),
                previous: FigureTable(previous), unusable: [:], deviations: [], rootLocation: example.location))
        }
        var pack = pack
        if let city = example.city {
            // The whole's figures the example states stand in for the pack's.
            for (key, figure) in FigureReader(pack: pack, file: file, sink: sink, district: "").figures(city, what: "city") {
                pack.cityFigures[key] = LocatedQuantity(quantity: figure.quantity, location: figure.location, written: figure.text)
            }
        }
        var options = CheckOptions()
        options.today = today
        let evaluator = Evaluator(pack: pack, quotas: quotas)
        var actual: Outcome?
        switch rule.scope {
        case .district:
            actual = submissions.first.map { evaluator.districtResult(rule, submission: $0).outcome } ?? nil
        case .city:
            var scoped = pack
            if example.complete {
                // The listed districts stand for the whole set.
                let listed = Set(submissions.map(\.districtCode))
                scoped.districts = pack.districts.filter { listed.contains($0.code) }
            }
            actual = Evaluator(pack: scoped, quotas: quotas).wholeResult(rule, submissions: submissions, options: options).outcome
        }
        return Result(rule: rule, index: index, expected: example.expect, actual: actual, location: example.location,
                      diagnostics: sink.diagnostics)
    }
}
