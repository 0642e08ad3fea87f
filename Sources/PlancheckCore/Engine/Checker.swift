import PlancheckYAML

/// Runs every rule of a pack over a set of submissions and returns the findings in a deterministic order.
public enum Checker {
    /// - Parameter jobs: threads to evaluate rules on (nil: one per processor); rules are independent of each other,
    ///   and their findings are gathered in rule order, so the result does not depend on it.
    public static func check(pack: Pack, submissions: [Submission], options: CheckOptions = CheckOptions(),
                             jobs: Int? = nil) -> [Finding] {
        FindingOrder.sorted(unsortedFindings(pack: pack, submissions: submissions, options: options, jobs: jobs))
    }

    /// The findings of `check` before sorting, for callers that add findings of their own and sort once.
    static func unsortedFindings(pack: Pack, submissions: [Submission], options: CheckOptions,
                                 jobs: Int?) -> [Finding] {
        var findings: [Finding] = []
        let bySubmission = submissions.filter { $0.districtKind != nil }
        findings += duplicateSubmissions(bySubmission)
        let evaluator = Evaluator(pack: pack, quotas: options.quotas)
        let rules = pack.rules
        // Small runs (one file, the tests) stay on the calling thread: starting workers would cost more than it saves.
        let workers = bySubmission.count < 16 ? 1 : (jobs ?? Parallel.defaultJobs)
        let perRule = Parallel.map(count: rules.count, jobs: workers) { index -> [Finding] in
            let rule = rules[index]
            switch rule.scope {
            case .district:
                var findings: [Finding] = []
                for submission in bySubmission {
                    guard let kind = submission.districtKind,
                          rule.applies(toDistrict: submission.districtCode, kind: kind) else { continue }
                    findings.append(evaluator.districtFinding(rule, submission: submission))
                }
                return findings
            case .city:
                return [evaluator.cityFinding(rule, submissions: bySubmission, options: options)]
            }
        }
        findings.reserveCapacity(findings.count + perRule.reduce(0) { $0 + $1.count })
        for ruleFindings in perRule { findings += ruleFindings }
        Deviations.apply(to: &findings, submissions: bySubmission, pack: pack, today: options.today)
        return findings
    }

    /// Two files for the same district make every sum count it twice: refuse the second.
    private static func duplicateSubmissions(_ submissions: [Submission]) -> [Finding] {
        var seen: [String: Submission] = [:]
        var findings: [Finding] = []
        for submission in submissions {
            if let first = seen[submission.districtCode] {
                var finding = Finding(code: DiagnosticCode.duplicateSubmission.rawValue, severity: .error,
                                      message: Message(.duplicateSubmission, [
                                          "code": .text(submission.districtCode), "other": .text(first.file.path)]),
                                      district: submission.districtCode, location: submission.districtCodeLocation)
                finding.help = Message(.helpDuplicateSubmission)
                findings.append(finding)
            } else {
                seen[submission.districtCode] = submission
            }
        }
        return findings
    }
}

/// The order findings are reported in: by file, then position, then code; city-wide results last, by rule id.
enum FindingOrder {
    /// A stable sort of the findings' indices by small keys, then one pass to gather: a `Finding` is large (a rule,
    /// messages, quantities), and a sort that moves the findings themselves spent most of a large run copying them.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        struct Key {
            var file: String?
            var offset: Int
            var code: String
            var district: String
        }
        let keys = findings.map {
            Key(file: $0.file, offset: $0.location?.span.start.offset ?? Int.max, code: $0.code, district: $0.district ?? "")
        }
        let order = keys.withUnsafeBufferPointer { keys in
            Array(keys.indices).sorted { left, right in
                let a = keys[left], b = keys[right]
                // Findings of one file share its path string, so equal paths are usually found without comparing bytes.
                if a.file != b.file {
                    guard let fileA = a.file else { return false }  // no file (city-wide): last
                    guard let fileB = b.file else { return true }
                    return fileA < fileB
                }
                if a.offset != b.offset { return a.offset < b.offset }
                if a.code != b.code { return a.code < b.code }
                if a.district != b.district { return a.district < b.district }
                return left < right
            }
        }
        return order.map { findings[$0] }
    }
}
