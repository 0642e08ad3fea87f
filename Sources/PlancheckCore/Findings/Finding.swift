import PlancheckValues
import PlancheckYAML

/// What became of a rule for one district (or for the city, for aggregate rules).
public enum Outcome: String, Sendable, CaseIterable {
    case passed
    /// Missed the target but within the rule's declared tolerance.
    case passedWithinTolerance = "passed_within_tolerance"
    case failed
    /// Failed, but the submission declares a justified deviation for this rule: still shown everywhere.
    case acknowledged
    /// Could not be evaluated (an optional figure is missing, an aggregate's district set is incomplete, ...).
    case notEvaluated = "not_evaluated"
    /// The rule is recorded for coverage but cannot be checked on district submissions.
    case notCheckable = "not_checkable"

    public var isPass: Bool { self == .passed || self == .passedWithinTolerance }
}

/// A figure involved in a finding, with where it was written.
public struct FindingFigure: Sendable {
    /// What the figure is (an indicator's name, "target", ...).
    public var label: MessageArgument
    public var quantity: Quantity
    public var location: SourceLocation?
    /// The district whose figure this is, in aggregates.
    public var district: String?

    public init(label: MessageArgument, quantity: Quantity, location: SourceLocation?, district: String? = nil) {
        self.label = label
        self.quantity = quantity
        self.location = location
        self.district = district
    }
}

/// One result the checker reports: a rule's outcome for a district (or the city), or a problem with an input
/// file (then `outcome` is nil and `code` is one of the built-in `PC…` codes).
public struct Finding: Sendable {
    /// A rule id, or a built-in diagnostic code (`DiagnosticCode`).
    public var code: String
    /// The rule, for rule findings: title, citation and documentation come from it.
    public var rule: Rule?
    public var severity: Severity
    public var outcome: Outcome?
    public var message: Message
    /// The district code concerned; nil for city-wide results and for problems in rule packs.
    public var district: String?
    /// The file the finding is about (a submission, or a rule file).
    public var file: String?
    /// The primary location: the offending figure or text.
    public var location: SourceLocation?
    /// Other figures involved: a share's numerator and denominator, an aggregate's contributions.
    public var figures: [FindingFigure] = []
    public var actual: Quantity?
    public var expected: Quantity?
    /// actual − expected, in the rule's unit, for failures.
    public var gap: Quantity?
    /// Districts an aggregate had no figure for.
    public var missingDistricts: [String] = []
    /// The deviation that acknowledges this failure, if any.
    public var deviation: Deviation?
    public var notes: [Message] = []
    public var help: Message?

    public init(code: String, rule: Rule? = nil, severity: Severity, outcome: Outcome? = nil, message: Message,
                district: String? = nil, file: String? = nil, location: SourceLocation? = nil) {
        self.code = code
        self.rule = rule
        self.severity = severity
        self.outcome = outcome
        self.message = message
        self.district = district
        self.file = file ?? location?.file.path
        self.location = location
    }

    /// Whether the finding is something to act on (not a pass, and not a coverage record).
    public var isReportable: Bool {
        guard let outcome else { return true }
        switch outcome {
        case .failed, .acknowledged: return true
        case .passed, .passedWithinTolerance, .notEvaluated, .notCheckable: return false
        }
    }

    /// Whether the finding counts towards the exit code at `failOn` severity. Acknowledged deviations do not.
    public func fails(at failOn: Severity) -> Bool {
        if let outcome, outcome != .failed { return false }
        return severity >= failOn
    }
}
