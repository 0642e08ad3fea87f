import PlancheckRules
import PlancheckValues
import PlancheckYAML

/// What became of a rule for one reporting unit (or for the whole, for aggregate rules).
public enum Outcome: String, Sendable, CaseIterable {
    case passed
    /// Missed the target but within the rule's tolerance band.
    case passedWithinTolerance = "passed_within_tolerance"
    case failed
    /// Failed, but the submission declares a justified deviation for this rule: still shown everywhere.
    case acknowledged
    /// Could not be evaluated: `RuleResult.notEvaluated` says why, unit by unit.
    case notEvaluated = "not_evaluated"
    /// The rule is recorded for coverage but cannot be checked on submissions.
    case notCheckable = "not_checkable"

    public var isPass: Bool { self == .passed || self == .passedWithinTolerance }
}

/// One rule's outcome for one reporting unit or for the whole, with the evidence the engine used. It holds data
/// only: names are references (indicator keys, unit codes) that the report resolves in its language.
public struct RuleResult: Sendable {
    public var rule: Rule
    /// The reporting unit's code; nil for a result about the whole (a city total).
    public var unit: String?
    /// The unit's submission file.
    public var file: String?
    public var outcome: Outcome
    public var severity: Severity
    /// The figure the result is about (the value's first figure in the unit's file), else the unit's code.
    public var location: SourceLocation?
    /// The comparison as judged; nil when the rule could not be judged. For a total over an incomplete set, the
    /// comparison over the units that did submit.
    public var evidence: Evidence?
    /// What the rule lacked, when it was not evaluated for want of inputs.
    public var missing: MissingInputs?
    /// Why the expression could not be evaluated (a unit clash, division by zero, overflow).
    public var evaluationError: Message?
    /// A figure written as a direction (保持正增长) where the rule needs a number: a failure of its own kind.
    public var qualitative: QualitativeStatement?
    /// A share whose part exceeds its whole (民生支出 above 一般公共预算支出): impossible, so an error whatever the
    /// rule's severity; most likely one figure is in the wrong unit.
    public var partExceedsWhole = false
    /// Figures the unit wrote with words around the number (`6%以上`): the number was checked, not the words.
    public var qualifiedFigures: [QualifiedFigure] = []
    /// The deviation that acknowledges this failure.
    public var deviation: Deviation?
    /// A deviation for this failure whose date has passed: the failure stands.
    public var expiredDeviation: Deviation?

    public init(rule: Rule, unit: String?, file: String?, outcome: Outcome, location: SourceLocation?) {
        self.rule = rule
        self.unit = unit
        self.file = file
        self.outcome = outcome
        self.severity = rule.severity
        self.location = location
    }

    /// Whether the result counts towards the exit status at `failOn`. Acknowledged deviations do not.
    public func fails(at failOn: Severity) -> Bool { outcome == .failed && severity >= failOn }

    /// Whether every output lists it: failures, acknowledged failures, and passes within tolerance (a near miss an
    /// officer should see, listed as a note); the rest are counted, and listed only when passes are shown.
    public var isReportable: Bool { outcome == .failed || outcome == .acknowledged || outcome == .passedWithinTolerance }
}

/// The comparison the engine made, in exact decimals.
public struct Evidence: Sendable {
    /// The checked value, in the unit it was judged in.
    public var value: Quantity
    /// What the value is held to, in the same unit (for 下降 t%: −t; for 与…同步: the other figure).
    public var expected: Quantity
    public var relation: Relation
    /// The tolerance applied (in the unit of a difference: percentage points for percent), if any.
    public var tolerance: Quantity?
    /// The band of values that pass, tolerance included: both edges in the judged unit, nil where unbounded.
    /// Nil when the relation has no tolerance.
    public var band: Band?
    /// value − expected, signed, for every outcome: a shortfall is negative for "at least", a surplus positive.
    public var gap: Quantity
    /// How the value was made.
    public var shape: Shape
    /// The figures that went into the value and the target, each where it is written.
    public var figures: [EvidenceFigure]

    public struct Band: Sendable, Equatable {
        public var lower: Quantity?
        public var upper: Quantity?
    }

    public enum Shape: Sendable {
        /// One figure, or arithmetic the report shows only as its figures.
        case plain
        /// A share: numerator ÷ denominator.
        case share(part: Quantity, whole: Quantity)
        /// An aggregate over units: each unit's contribution.
        case aggregate(ExpressionFunction, contributions: [Contribution])
    }
}

/// A figure the engine read, named by reference.
public struct EvidenceFigure: Sendable {
    public var indicator: String
    /// As the expression names it: nil for the unit's own figure, else the whole's (`city.`), the year before's
    /// (`prev.`) or the unit's quota (`quota.`).
    public var qualifier: PathQualifier?
    /// The reporting unit whose figure it is; nil for the whole's figures.
    public var unit: String?
    public var quantity: Quantity
    public var location: SourceLocation?
}

/// One unit's part in an aggregate.
public struct Contribution: Sendable {
    public var unit: String
    public var quantity: Quantity
    public var location: SourceLocation?
}

/// What a rule lacked, unit by unit: it is not evaluated (or, for an incomplete set under
/// `--require-all-districts`, failed) because of these.
public struct MissingInputs: Sendable {
    /// Units the rule covers that sent no file.
    public var unitsWithoutFile: [String] = []
    /// Units that sent more than one file, with their files: any total would count them twice, so none includes
    /// them.
    public var unitsSubmittedTwice: [UnitFiles] = []
    /// Figures absent, or present but unusable (`unusableAt`), each distinct one once.
    public var figures: [MissingFigure] = []

    public init(unitsWithoutFile: [String] = [], unitsSubmittedTwice: [UnitFiles] = [], figures: [MissingFigure] = []) {
        self.unitsWithoutFile = unitsWithoutFile
        self.unitsSubmittedTwice = unitsSubmittedTwice
        self.figures = figures
    }
}

/// A reporting unit and the files it sent.
public struct UnitFiles: Sendable, Equatable {
    public var unit: String
    public var files: [String]

    public init(unit: String, files: [String]) {
        self.unit = unit
        self.files = files
    }
}

/// A figure a rule needed and did not get.
public struct MissingFigure: Sendable, Hashable {
    public var indicator: String
    /// The unit whose figure it is; nil for the whole's figures.
    public var unit: String?
    public var qualifier: PathQualifier?
    /// Where an unusable figure is written (its diagnostic is reported there); nil when it is absent.
    public var unusableAt: SourceLocation?

    public init(indicator: String, unit: String?, qualifier: PathQualifier?, unusableAt: SourceLocation? = nil) {
        self.indicator = indicator
        self.unit = unit
        self.qualifier = qualifier
        self.unusableAt = unusableAt
    }

    public static func == (left: MissingFigure, right: MissingFigure) -> Bool {
        left.indicator == right.indicator && left.unit == right.unit && left.qualifier == right.qualifier
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(indicator)
        hasher.combine(unit)
        hasher.combine(qualifier)
    }
}

/// A qualitative figure where a number was needed.
public struct QualitativeStatement: Sendable {
    public var indicator: String
    public var bound: QualitativeBound
    public var text: String
    public var location: SourceLocation
}

/// A figure written with words around its number.
public struct QualifiedFigure: Sendable {
    public var text: String
    public var qualifier: String
}
