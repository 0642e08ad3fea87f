import PlancheckEngine
import PlancheckRules
import PlancheckYAML

/// Runs a pack's scenarios (`plancheck rules test`): each scenario's files are loaded and checked together as one
/// run, and every expectation is looked up among the results — outcome, severity, line, and the words the report
/// shows in each language (message, notes and help together).
public enum PackScenarios {
    public struct Failure: Sendable {
        public var scenario: Scenario
        public var expectation: ScenarioExpectation
        /// What was found instead, in words for the rule author (not translated: ids, outcomes and texts).
        public var actual: String
    }

    public struct Summary: Sendable {
        public var scenarios = 0
        public var expectations = 0
        public var failures: [Failure] = []
    }

    public static func run(_ pack: Pack, today: String = DateText.today()) -> Summary {
        var summary = Summary()
        for scenario in pack.scenarios {
            summary.scenarios += 1
            summary.expectations += scenario.expectations.count
            summary.failures += run(scenario, pack: pack, today: today)
        }
        return summary
    }

    static func files(_ scenario: Scenario, pack: Pack) -> [SourceFile] {
        let folder = scenario.location.file.path + "#"
        var files = scenario.files.map { SourceFile(path: folder + $0.name, text: $0.text) }
        guard let template = scenario.everyUnit else { return files }
        let given = Set(scenario.files.compactMap { file in
            pack.districts.first { file.text.contains("\"\($0.code)\"") || file.text.contains("'\($0.code)'") }?.code
        })
        for district in pack.districts where !given.contains(district.code) && !scenario.omit.contains(district.code) {
            files.append(SourceFile(path: folder + district.code + ".yml",
                                    text: template.split(separator: "{district}", omittingEmptySubsequences: false)
                                        .joined(separator: district.code)))
        }
        return files
    }

    static func run(_ scenario: Scenario, pack: Pack, today: String) -> [Failure] {
        var results: [CheckResult] = []
        var submissions: [Submission] = []
        for file in files(scenario, pack: pack) {
            let loaded = SubmissionLoader.load(file, pack: pack)
            results += loaded.diagnostics.map { .diagnostic($0) }
            if let submission = loaded.submission { submissions.append(submission) }
        }
        var options = CheckOptions()
        options.today = today
        options.requireAllDistricts = scenario.requireAllDistricts
        results += Checker.check(pack: pack, submissions: submissions, options: options)
        let builders = Language.allCases.map { ($0, ReportEntry.Builder(pack: pack, language: $0)) }
        var failures: [Failure] = []
        for expectation in scenario.expectations {
            let candidates = results.filter { result in
                if let rule = expectation.rule {
                    return result.ruleResult?.rule.id == rule && result.ruleResult?.unit == expectation.unit
                }
                return result.diagnostic?.code.rawValue == expectation.code
                    && (expectation.unit == nil || result.unit == expectation.unit)
            }
            guard !candidates.isEmpty else {
                failures.append(Failure(scenario: scenario, expectation: expectation, actual: "no such result"))
                continue
            }
            // Any candidate that meets every part of the expectation will do.
            var problems: [String] = []
            let met = candidates.contains { result in
                var wrong: [String] = []
                if let outcome = expectation.outcome, result.outcome?.rawValue != outcome {
                    wrong.append("outcome \(result.outcome?.rawValue ?? "-")")
                }
                if let severity = expectation.severity, result.severity.rawValue != severity {
                    wrong.append("severity \(result.severity.rawValue)")
                }
                if let line = expectation.line, result.location?.span.start.line != line {
                    wrong.append("line \(result.location.map { String($0.span.start.line) } ?? "-")")
                }
                for (language, builder) in builders {
                    guard let words = expectation.words[language] else { continue }
                    let entry = builder.entry(result)
                    let shown = ([entry.text] + entry.notes.map(\.text) + [entry.help ?? ""]).joined(separator: "\n")
                    if !shown.contains(words) { wrong.append("\(language.rawValue) text “\(entry.text)”") }
                }
                if wrong.isEmpty { return true }
                problems.append(wrong.joined(separator: ", "))
                return false
            }
            if !met {
                failures.append(Failure(scenario: scenario, expectation: expectation, actual: problems.joined(separator: "; ")))
            }
        }
        return failures
    }
}
