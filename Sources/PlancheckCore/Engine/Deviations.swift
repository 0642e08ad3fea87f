/// Declared deviations: a failure a district has justified becomes "acknowledged" and stays visible; a
/// deviation that has expired, or that excuses nothing, is itself a finding.
enum Deviations {
    /// Updates `findings` in place and appends the deviations' own findings (in place: a run has a finding per rule
    /// and district, and copying them all cost more than applying the deviations).
    static func apply(to findings: inout [Finding], submissions: [Submission], pack: Pack, today: String) {
        var extra: [Finding] = []
        // The failures each deviation could excuse, found through one index rather than a scan of every finding
        // per deviation (which made a run quadratic in the number of files). Outcomes only change from failed to
        // acknowledged below, and a finding acknowledged by one deviation no longer matches a later one, so the
        // index is filtered again at each use.
        let rulesWithDeviations = Set(submissions.lazy.flatMap { $0.deviations.map(\.ruleID) })
        var failures: [FailureKey: [Int]] = [:]
        if !rulesWithDeviations.isEmpty {
            for index in findings.indices where findings[index].outcome == .failed
                && rulesWithDeviations.contains(findings[index].code) {
                failures[FailureKey(code: findings[index].code, district: findings[index].district), default: []]
                    .append(index)
            }
        }
        for submission in submissions {
            for deviation in submission.deviations {
                guard pack.rule(deviation.ruleID) != nil else { continue }  // reported on load
                let matches = (failures[FailureKey(code: deviation.ruleID, district: submission.districtCode)] ?? [])
                    .filter { findings[$0].outcome == .failed }
                // A deviation that excuses nothing is reported as such, whatever its date: that is the fix to make.
                if matches.isEmpty {
                    var finding = Finding(code: DiagnosticCode.deviationUnused.rawValue, severity: .warning,
                                          message: Message(.deviationUnused, ["id": .text(deviation.ruleID)]),
                                          district: submission.districtCode, location: deviation.location)
                    finding.help = Message(.helpRemoveDeviation)
                    extra.append(finding)
                    continue
                }
                if let expires = deviation.expires, expires < today {
                    var finding = Finding(code: DiagnosticCode.deviationExpired.rawValue, severity: .warning,
                                          message: Message(.deviationExpired, [
                                              "id": .text(deviation.ruleID), "date": .text(expires)]),
                                          district: submission.districtCode, location: deviation.location)
                    finding.help = Message(.helpRenewDeviation)
                    extra.append(finding)
                    for index in matches {
                        findings[index].notes.append(Message(.noteDeviationExpired, ["date": .text(expires)]))
                    }
                    continue
                }
                for index in matches {
                    findings[index].outcome = .acknowledged
                    findings[index].deviation = deviation
                    findings[index].notes.append(Message(.noteDeviation, [
                        "reason": .text(deviation.reason), "approver": .text(deviation.approvedBy),
                        "document": .text(deviation.document ?? "—")]))
                }
            }
        }
        findings += extra
    }

    private struct FailureKey: Hashable {
        var code: String
        var district: String?
    }
}
