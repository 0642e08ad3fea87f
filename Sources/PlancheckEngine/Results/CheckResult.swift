import PlancheckRules
import PlancheckYAML

/// One thing a run reports: a problem with an input, or a rule's outcome. Outputs list them in one order.
public enum CheckResult: Sendable {
    case diagnostic(Diagnostic)
    case rule(RuleResult)

    /// The code shown for it: a `PC…` code or a rule id. For ordering, tests and configuration, never for deciding
    /// what a result is (match on the case for that).
    public var code: String {
        switch self {
        case .diagnostic(let diagnostic): return diagnostic.code.rawValue
        case .rule(let result): return result.rule.id
        }
    }

    public var severity: Severity {
        switch self {
        case .diagnostic(let diagnostic): return diagnostic.severity
        case .rule(let result): return result.severity
        }
    }

    /// The rule's outcome; nil for diagnostics.
    public var outcome: Outcome? {
        if case .rule(let result) = self { return result.outcome }
        return nil
    }

    public var file: String? {
        switch self {
        case .diagnostic(let diagnostic): return diagnostic.file
        case .rule(let result): return result.file
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .diagnostic(let diagnostic): return diagnostic.location
        case .rule(let result): return result.location
        }
    }

    /// The reporting unit concerned; nil for results about the whole and for problems in packs.
    public var unit: String? {
        switch self {
        case .diagnostic(let diagnostic): return diagnostic.unit
        case .rule(let result): return result.unit
        }
    }

    public var diagnostic: Diagnostic? {
        if case .diagnostic(let diagnostic) = self { return diagnostic }
        return nil
    }

    public var ruleResult: RuleResult? {
        if case .rule(let result) = self { return result }
        return nil
    }

    /// Whether every output lists it: diagnostics, failures and acknowledged failures.
    public var isReportable: Bool {
        switch self {
        case .diagnostic: return true
        case .rule(let result): return result.isReportable
        }
    }

    public func fails(at failOn: Severity) -> Bool {
        switch self {
        case .diagnostic(let diagnostic): return diagnostic.fails(at: failOn)
        case .rule(let result): return result.fails(at: failOn)
        }
    }
}
