import PlancheckRules

/// Declared deviations: a failure a unit has justified becomes "acknowledged" and stays visible; a deviation that
/// has expired, or that excuses nothing, is itself a diagnostic.
enum Deviations {
    /// Applies `submission`'s deviations to its own rule results (a deviation speaks for its unit's rules only) and
    /// returns the deviations' own diagnostics.
    static func apply(to results: inout [RuleResult], submission: Submission, pack: Pack, today: String) -> [Diagnostic] {
        guard !submission.deviations.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        for deviation in submission.deviations {
            guard pack.rule(deviation.ruleID) != nil else { continue }  // reported on load
            let matches = results.indices.filter {
                results[$0].outcome == .failed && results[$0].rule.id == deviation.ruleID
            }
            // A deviation that excuses nothing is reported as such, whatever its date: that is the fix to make.
            if matches.isEmpty {
                var diagnostic = Diagnostic(.deviationUnused, .warning, Message(.deviationUnused, ["id": .text(deviation.ruleID)]),
                                            location: deviation.location, unit: submission.districtCode)
                diagnostic.help = Message(.helpRemoveDeviation)
                diagnostics.append(diagnostic)
                continue
            }
            if let expires = deviation.expires, expires < today {
                var diagnostic = Diagnostic(.deviationExpired, .warning, Message(.deviationExpired, [
                    "id": .text(deviation.ruleID), "date": .text(expires)]), location: deviation.location,
                                            unit: submission.districtCode)
                diagnostic.help = Message(.helpRenewDeviation)
                diagnostics.append(diagnostic)
                for index in matches { results[index].expiredDeviation = deviation }
                continue
            }
            for index in matches {
                results[index].outcome = .acknowledged
                results[index].deviation = deviation
            }
        }
        return diagnostics
    }
}
