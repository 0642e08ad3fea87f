import PlancheckYAML

/// Runs every rule of a pack over a set of submissions and returns the findings in a deterministic order.
public enum Checker {
    public static func check(pack: Pack, submissions: [Submission], options: CheckOptions = CheckOptions()) -> [Finding] {
        var findings: [Finding] = []
        let bySubmission = submissions.filter { $0.districtKind != nil }
        findings += duplicateSubmissions(bySubmission)
        let evaluator = Evaluator(pack: pack, quotas: options.quotas)
        for rule in pack.rules {
            switch rule.scope {
            case .district:
                for submission in bySubmission {
                    guard let kind = submission.districtKind,
                          rule.applies(toDistrict: submission.districtCode, kind: kind) else { continue }
                    findings.append(evaluator.districtFinding(rule, submission: submission))
                }
            case .city:
                findings.append(evaluator.cityFinding(rule, submissions: bySubmission, options: options))
            }
        }
        findings = Deviations.apply(to: findings, submissions: bySubmission, pack: pack, today: options.today)
        return FindingOrder.sorted(findings)
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
    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { left, right in
            let a = left.element, b = right.element
            let fileA = a.file ?? "\u{10FFFF}", fileB = b.file ?? "\u{10FFFF}"
            if fileA != fileB { return fileA < fileB }
            let offsetA = a.location?.span.start.offset ?? Int.max, offsetB = b.location?.span.start.offset ?? Int.max
            if offsetA != offsetB { return offsetA < offsetB }
            if a.code != b.code { return a.code < b.code }
            if (a.district ?? "") != (b.district ?? "") { return (a.district ?? "") < (b.district ?? "") }
            return left.offset < right.offset
        }.map(\.element)
    }
}
