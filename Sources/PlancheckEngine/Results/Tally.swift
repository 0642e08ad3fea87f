import PlancheckRules

/// How many results had each outcome: one type for the headline, the per-unit and per-rule tables, JSON and HTML,
/// so that they agree by construction.
public struct OutcomeCounts: Sendable, Equatable {
    public var passed = 0, withinTolerance = 0, failed = 0, acknowledged = 0, notEvaluated = 0, notCheckable = 0

    public init() {}

    /// Passed, including passed within tolerance.
    public var passedInAll: Int { passed + withinTolerance }
    /// Results with a verdict: passed (also within tolerance), failed, or failed and acknowledged.
    public var evaluated: Int { passed + withinTolerance + failed + acknowledged }
    public var isEmpty: Bool { self == OutcomeCounts() }

    public mutating func add(_ outcome: Outcome) {
        switch outcome {
        case .passed: passed += 1
        case .passedWithinTolerance: withinTolerance += 1
        case .failed: failed += 1
        case .acknowledged: acknowledged += 1
        case .notEvaluated: notEvaluated += 1
        case .notCheckable: notCheckable += 1
        }
    }
}

/// How many things to act on there are at each severity.
public struct SeverityCounts: Sendable, Equatable {
    public var errors = 0, warnings = 0, notes = 0

    public init() {}

    public mutating func add(_ severity: Severity) {
        switch severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .note: notes += 1
        }
    }

    /// How many are at `failOn` or above.
    public func failing(at failOn: Severity) -> Int {
        switch failOn {
        case .error: return errors
        case .warning: return errors + warnings
        case .note: return errors + warnings + notes
        }
    }

    public mutating func add(_ other: SeverityCounts) {
        errors += other.errors
        warnings += other.warnings
        notes += other.notes
    }
}

/// Everything a run counted, whether or not it kept the results: passes are counted as they are made and kept only
/// when an output lists them.
public struct Tally: Sendable {
    public var outcomes = OutcomeCounts()
    /// What counts towards the exit status, by severity: diagnostics and failed rules (acknowledged ones do not).
    public var severities = SeverityCounts()
    /// Of those, the failed rules alone.
    public var failedRules = SeverityCounts()
    /// Of those, the failed rules about the whole (`unit == nil`).
    public var failedWholeRules = SeverityCounts()
    /// Rule outcomes per reporting unit, and for the whole.
    public var byUnit: [String: OutcomeCounts] = [:]
    public var whole = OutcomeCounts()
    /// What to act on per reporting unit: its diagnostics and its failed rules, by severity.
    public var severitiesByUnit: [String: SeverityCounts] = [:]
    /// Rule outcomes per rule id.
    public var byRule: [String: OutcomeCounts] = [:]

    public var errors: Int { severities.errors }
    public var warnings: Int { severities.warnings }
    public var notes: Int { severities.notes }

    public init() {}

    public mutating func count(_ result: CheckResult) {
        switch result {
        case .diagnostic(let diagnostic):
            countSeverity(diagnostic.severity, unit: diagnostic.unit)
        case .rule(let rule):
            outcomes.add(rule.outcome)
            if let unit = rule.unit { byUnit[unit, default: OutcomeCounts()].add(rule.outcome) } else { whole.add(rule.outcome) }
            byRule[rule.rule.id, default: OutcomeCounts()].add(rule.outcome)
            if rule.outcome == .failed {
                countSeverity(rule.severity, unit: rule.unit)
                failedRules.add(rule.severity)
                if rule.unit == nil { failedWholeRules.add(rule.severity) }
            }
        }
    }

    /// How many results count towards the exit status at `failOn`.
    public func failing(at failOn: Severity) -> Int { severities.failing(at: failOn) }

    private mutating func countSeverity(_ severity: Severity, unit: String?) {
        severities.add(severity)
        if let unit { severitiesByUnit[unit, default: SeverityCounts()].add(severity) }
    }
}
