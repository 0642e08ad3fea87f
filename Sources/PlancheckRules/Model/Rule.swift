import PlancheckValues
import PlancheckYAML

public enum Severity: String, Sendable, CaseIterable, Comparable {
    case note, warning, error

    var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A plan target encoded as data.
///
/// A value type whose fields live in one shared, copy-on-write box: every finding about a rule carries the rule (a
/// large run has one finding per rule and district), and copying some 600 bytes of fields, a dozen of them
/// reference-counted, into each one was a large part of such a run's time and memory. Copies now share the box
/// until one of them is changed.
public struct Rule: Sendable {
    private struct Fields {
        var id: String
        var packID: String
        var title: LocalizedText
        var citation: Citation
        var qualifier: String?
        var reading: LocalizedText?
        var scope: RuleScope
        var appliesTo: Applicability
        var severity: Severity
        var check: Check
        var examples: [RuleExample]
        var location: SourceLocation
    }

    private final class Box: @unchecked Sendable {
        // Mutated only by the setters below, after `uniqueBox()`: never while another copy (or thread) can see it.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(id: String, packID: String, title: LocalizedText, citation: Citation, qualifier: String?,
         reading: LocalizedText?, scope: RuleScope, appliesTo: Applicability, severity: Severity, check: Check,
         examples: [RuleExample], location: SourceLocation) {
        box = Box(Fields(id: id, packID: packID, title: title, citation: citation, qualifier: qualifier,
                         reading: reading, scope: scope, appliesTo: appliesTo, severity: severity, check: check,
                         examples: examples, location: location))
    }

    private mutating func uniqueBox() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    public var id: String {
        get { box.fields.id }
        set { uniqueBox().fields.id = newValue }
    }
    public var packID: String {
        get { box.fields.packID }
        set { uniqueBox().fields.packID = newValue }
    }
    public var title: LocalizedText {
        get { box.fields.title }
        set { uniqueBox().fields.title = newValue }
    }
    public var citation: Citation {
        get { box.fields.citation }
        set { uniqueBox().fields.citation = newValue }
    }
    /// The plan's wording that decided the reading (以上, 左右, 力争, ...).
    public var qualifier: String? {
        get { box.fields.qualifier }
        set { uniqueBox().fields.qualifier = newValue }
    }
    /// Why the check reads the clause the way it does, when the wording alone does not say.
    public var reading: LocalizedText? {
        get { box.fields.reading }
        set { uniqueBox().fields.reading = newValue }
    }
    public var scope: RuleScope {
        get { box.fields.scope }
        set { uniqueBox().fields.scope = newValue }
    }
    public var appliesTo: Applicability {
        get { box.fields.appliesTo }
        set { uniqueBox().fields.appliesTo = newValue }
    }
    public var severity: Severity {
        get { box.fields.severity }
        set { uniqueBox().fields.severity = newValue }
    }
    public var check: Check {
        get { box.fields.check }
        set { uniqueBox().fields.check = newValue }
    }
    public var examples: [RuleExample] {
        get { box.fields.examples }
        set { uniqueBox().fields.examples = newValue }
    }
    /// Where the rule's `id` is written.
    public var location: SourceLocation {
        get { box.fields.location }
        set { uniqueBox().fields.location = newValue }
    }

    /// Whether the rule concerns a district of `kind` with `code`.
    public func applies(toDistrict code: String, kind: String) -> Bool {
        switch appliesTo {
        case .all: return true
        case .kinds(let kinds): return kinds.contains(kind)
        case .districts(let codes): return codes.contains(code)
        }
    }
}

public struct Citation: Sendable {
    /// The plan's part: a numeral (二, 3) read as 第二部分 / part 二, or the part's own name as free text
    /// (主要预期目标), shown as written. Empty for a local decision.
    public var part: String
    public var section: String?
    public var item: String?
    /// The verbatim clause of the plan (or of the decision) this rule encodes.
    public var clause: String
    /// Set when the rule comes from a local decision rather than a clause of the plan.
    public var decision: LocalDecision?

    public init(part: String, section: String? = nil, item: String? = nil, clause: String, decision: LocalDecision? = nil) {
        self.part = part
        self.section = section
        self.item = item
        self.clause = clause
        self.decision = decision
    }

    /// Whether `part` is a numeral (二, 十二, 3) rather than a name.
    public var partIsNumeral: Bool {
        !part.isEmpty && part.allSatisfy { "零〇一二三四五六七八九十百".contains($0) || ("0"..."9").contains($0) }
    }
}

/// A rule's source when it is not the plan: a local decision, named by its document (沈政发〔2025〕3号).
public struct LocalDecision: Sendable {
    public var document: String
    public var issuer: LocalizedText?
    public var date: String?

    public init(document: String, issuer: LocalizedText? = nil, date: String? = nil) {
        self.document = document
        self.issuer = issuer
        self.date = date
    }
}

public enum RuleScope: String, Sendable {
    /// Each applicable district's own figures are held to the target.
    case district
    /// One check of an aggregate over all applicable districts (a city total).
    case city
}

public enum Applicability: Sendable {
    case all
    case kinds([String])
    case districts([String])
}

public enum Check: Sendable {
    case compare(Comparison)
    /// Recorded for coverage: the target cannot be checked on district submissions, for this reason.
    case notCheckable(LocalizedText)
}

/// `value <relation> target`, with an optional tolerance.
public struct Comparison: Sendable {
    public var value: RuleExpression
    public var relation: Relation
    public var target: RuleExpression
    public var tolerance: Tolerance?
    /// Where the relation key (`at_least:` ...) is written.
    public var relationLocation: SourceLocation
}

public enum Relation: Sendable, Equatable {
    case atLeast, moreThan, atMost, lessThan, equals
    /// 左右: a band around the target.
    case about(BandSides)
    /// 下降 t%: the signed change must be at most −t.
    case decreaseAtLeast
    /// 与…同步: the value kept within a tolerance of the target.
    case inStepWith(BandSides)

    /// The key rule files use for this relation.
    public var key: String {
        switch self {
        case .atLeast: return "at_least"
        case .moreThan: return "more_than"
        case .atMost: return "at_most"
        case .lessThan: return "less_than"
        case .equals: return "equals"
        case .about: return "about"
        case .decreaseAtLeast: return "decrease_at_least"
        case .inStepWith: return "in_step_with"
        }
    }

    /// The mathematical sign used when a finding shows its arithmetic.
    public var symbol: String {
        switch self {
        case .atLeast: return "≥"
        case .moreThan: return ">"
        case .atMost: return "≤"
        case .lessThan: return "<"
        case .equals: return "="
        case .about, .inStepWith: return "≈"
        case .decreaseAtLeast: return "≤ −"
        }
    }
}

/// Which edges of a band bind. The sides are mirror images: on a binding side a value inside the band is "passed
/// within tolerance" and one beyond it fails; on a free side any value passes; the target itself passes.
public enum BandSides: String, Sendable, CaseIterable {
    /// Only falling below the band fails (a unit planning above the whole's growth target is fine).
    case lower
    /// Only rising above the band fails (城镇调查失业率5.5%左右: a lower rate is fine).
    case upper
    case both

    public var bindsBelow: Bool { self != .upper }
    public var bindsAbove: Bool { self != .lower }
}

public enum Tolerance: Sendable, Equatable {
    /// In percentage points (for values in percent).
    case points(ExactDecimal)
    /// A fraction of the target (`{relative: 5%}` is stored as 0.05).
    case relative(ExactDecimal)
    /// An amount in the value's own unit.
    case absolute(Quantity)
}

/// An expression as written in a rule file, parsed, with where it was written.
public struct RuleExpression: Sendable {
    public var text: String
    public var expression: Expression
    /// The whole scalar the expression was written in.
    public var location: SourceLocation
    /// Where the expression's first character is in the file, when the text maps 1:1 onto the file (a plain or
    /// quoted scalar on one line without escapes); lets a diagnostic point at one token of the expression.
    public var textOrigin: SourceMark?

    /// The location of a part of the expression (the whole scalar when the text does not map onto the file).
    public func location(of span: ExpressionSpan) -> SourceLocation {
        guard let origin = textOrigin else { return location }
        let start = SourceMark(line: origin.line, column: origin.column + span.startColumn, offset: origin.offset + span.startByte)
        let end = SourceMark(line: origin.line, column: origin.column + span.endColumn, offset: origin.offset + span.endByte)
        return SourceLocation(file: location.file, span: SourceSpan(start: start, end: end))
    }
}

/// A small case a rule author declares next to the rule; `plancheck rules test` runs them.
public struct RuleExample: Sendable {
    public enum Expectation: String, Sendable, CaseIterable {
        case pass, passWithinTolerance = "pass_within_tolerance", fail, notEvaluated = "not_evaluated"
    }

    public var expect: Expectation
    /// For district rules: the one district's figures. For city rules: figures per district code.
    public var districts: [(code: String?, figures: YAMLNode)]
    /// For city rules: treat the listed districts as the complete set.
    public var complete: Bool
    /// Previous-year figures (`prev.KEY`): for district rules the one unit's (code nil), for city rules per code.
    public var previous: [(code: String?, figures: YAMLNode)] = []
    /// Quotas (`quota.KEY`), shaped as `previous`.
    public var quotas: [(code: String?, figures: YAMLNode)] = []
    /// Figures of the whole (`city.KEY`) that stand in for the pack's own in this example.
    public var city: YAMLNode?
    public var location: SourceLocation
}

extension Pack {
    /// The tolerance `comparison` is judged with when its values are in `unit`: its own, or for 左右 (`about`) the
    /// pack's default — the percent default for values in percent, the other default for everything else (‰
    /// included). The one place this is decided: the engine, the rule reference and the charts all ask here.
    public func tolerance(of comparison: Comparison, unit: Unit) -> Tolerance? {
        comparison.tolerance ?? defaultTolerance(for: comparison.relation, unit: unit)
    }

    /// The tolerance a relation has when the rule states none: the pack's 左右 default for `about`, none otherwise.
    public func defaultTolerance(for relation: Relation, unit: Unit) -> Tolerance? {
        guard case .about = relation else { return nil }
        return unit == .percent ? defaultAboutTolerance.percent : defaultAboutTolerance.other
    }

    /// The unit an expression's value is in when it can be told without figures: a literal's unit, or a plain
    /// indicator's catalogue unit.
    public func statedUnit(of expression: Expression) -> Unit? {
        switch expression {
        case .number(let literal):
            guard let unit = literal.unit else { return .dimensionless }
            return Unit.parse(unit)
        case .path(let path):
            return path.field.last.flatMap { indicator($0)?.unit }
        default:
            return nil
        }
    }
}

extension Tolerance {
    /// The tolerance as an amount in `unit` around `target` (a value in `unit`); nil when it cannot be expressed
    /// in that unit.
    public func amount(in unit: Unit, target: ExactDecimal) -> ExactDecimal? {
        switch self {
        case .points(let points):
            return (try? Quantity(value: points, unit: .percent).converted(to: unit))?.value ?? points
        case .relative(let fraction):
            return target.magnitude.multiplying(by: fraction) ?? .zero
        case .absolute(let amount):
            return (try? amount.converted(to: unit))?.value
        }
    }
}

extension Comparison {
    /// The indicators summed in the value, in order (`share(sum(a), sum(b))` gives a, b): the terms of a total, read
    /// from the expression tree.
    public var aggregatedIndicators: [String] {
        var keys: [String] = []
        func walk(_ node: Expression) {
            switch node {
            case .call(let call):
                if call.isAggregate, call.arguments.count == 1, case .path(let path) = call.arguments[0] {
                    keys.append(path.field.joined(separator: "."))
                } else {
                    call.arguments.forEach(walk)
                }
            case .unary(let unary): walk(unary.operand)
            case .binary(let binary):
                walk(binary.left)
                walk(binary.right)
            default: break
            }
        }
        walk(value.expression)
        return keys
    }
}
