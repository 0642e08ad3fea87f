/// Declared deviations: a failure a district has justified becomes "acknowledged" and stays visible; a
/// deviation that has expired, or that excuses nothing, is itself a finding.
enum Deviations {
    static func apply(to findings: [Finding], submissions: [Submission], pack: Pack, today: String) -> [Finding] {
        var findings = findings
        var extra: [Finding] = []
        for submission in submissions {
            for deviation in submission.deviations {
                guard pack.rule(deviation.ruleID) != nil else { continue }  // reported on load
                let matches = findings.indices.filter {
                    findings[$0].code == deviation.ruleID && findings[$0].district == submission.districtCode
                        && findings[$0].outcome == .failed
                }
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
        return findings + extra
    }
}
