// The syntax tree of the expression language.
//
// Nodes are plain values: an indirect enum whose cases carry small structs, so the evaluator can switch
// exhaustively and still name the fields it needs. Every node keeps its span so that evaluation errors
// (unknown field, unit mismatch, division by zero) can point at the exact source text.
//
// Equality is structural: `==` compares operators, names, raw number and unit text and the tree shape, but
// ignores spans and the spelling of an operator (`>=` / `≥`, `and` / `&&`). That is what makes
// `parse(e.description) == e` a meaningful round-trip property.

/// An expression of the rule language, as parsed from a rule pack.
public indirect enum Expression: Sendable, Equatable {
    /// A number literal with an optional unit: `75%`, `0.5pp`, `14.8万人`, `42`.
    case number(NumberLiteral)
    /// A field reference: `gdp`, `city.gdp_growth`, `prev.gdp`, `quota.new_urban_jobs`.
    case path(PathReference)
    /// `-x` or `not c`.
    case unary(UnaryExpression)
    /// `a + b`, `a - b`, `a * b`, `a / b`.
    case binary(BinaryExpression)
    /// `a >= b` and the other comparisons; never chained.
    case comparison(ComparisonExpression)
    /// `a and b`, `a or b`.
    case logical(LogicalExpression)
    /// `name(arguments)`, for a function of the fixed table.
    case call(CallExpression)

    /// The source text this node was parsed from. For an operation this runs from its first operand to its
    /// last; parentheses around the whole node are not included (they are not part of the tree).
    public var span: ExpressionSpan {
        switch self {
        case .number(let node): node.span
        case .path(let node): node.span
        case .unary(let node): node.span
        case .binary(let node): node.span
        case .comparison(let node): node.span
        case .logical(let node): node.span
        case .call(let node): node.span
        }
    }

    /// Whether the value is a number or a condition, as far as syntax can tell (fields can be either).
    public var sort: ValueSort {
        switch self {
        case .number, .binary, .call: .number
        case .path: .either
        case .unary(let node): node.operator == .negate ? .number : .condition
        case .comparison, .logical: .condition
        }
    }

    /// The direct sub-expressions, left to right.
    public var children: [Expression] {
        switch self {
        case .number, .path: []
        case .unary(let node): [node.operand]
        case .binary(let node): [node.left, node.right]
        case .comparison(let node): [node.left, node.right]
        case .logical(let node): [node.left, node.right]
        case .call(let node): node.arguments
        }
    }
}

/// A number literal. The digits and the unit are kept as written; turning them into a quantity is the
/// units layer's job, which also keeps exact decimal text available (no binary rounding here).
public struct NumberLiteral: Sendable, Equatable {
    /// The number as written: ASCII digits, optional `.fraction`, optional `e±exponent` (`14.8`, `1e6`).
    public var raw: String
    /// The unit suffix as written, without surrounding spaces (`%`, `‰`, `pp`, `万人`, `元/人`), or nil.
    public var unit: String?
    /// The whole literal, from the first digit to the end of the unit.
    public var span: ExpressionSpan
    /// The digits only.
    public var numberSpan: ExpressionSpan
    /// The unit only, when there is one.
    public var unitSpan: ExpressionSpan?

    public init(raw: String, unit: String?, span: ExpressionSpan, numberSpan: ExpressionSpan, unitSpan: ExpressionSpan?) {
        self.raw = raw
        self.unit = unit
        self.span = span
        self.numberSpan = numberSpan
        self.unitSpan = unitSpan
    }

    public static func == (lhs: NumberLiteral, rhs: NumberLiteral) -> Bool {
        lhs.raw == rhs.raw && lhs.unit == rhs.unit
    }
}

/// The words that may start a path to say where a field is looked up.
public enum PathQualifier: String, Sendable, Hashable, CaseIterable {
    /// `city.x`: the city-wide figure.
    case city
    /// `prev.x`: the previous year's figure of the same district.
    case previousYear = "prev"
    /// `quota.x`: the district's quota assigned by the city plan.
    case quota
}

/// A reference to a field: ASCII identifiers joined by `.`.
public struct PathReference: Sendable, Equatable {
    /// The components as written, qualifier included: `["city", "gdp_growth"]`.
    public var components: [String]
    /// The whole path.
    public var span: ExpressionSpan
    /// One span per component, so a diagnostic can point at the unknown part of a path.
    public var componentSpans: [ExpressionSpan]

    public init(components: [String], span: ExpressionSpan, componentSpans: [ExpressionSpan]) {
        self.components = components
        self.span = span
        self.componentSpans = componentSpans
    }

    /// The qualifier, if the first component is one (`city`, `prev`, `quota`).
    public var qualifier: PathQualifier? {
        components.first.flatMap(PathQualifier.init(rawValue:))
    }

    /// The components after the qualifier (all of them when there is none).
    public var field: ArraySlice<String> {
        qualifier == nil ? components[...] : components.dropFirst()
    }

    /// Whether the value differs from district to district: every path except `city.…`.
    public var isPerDistrict: Bool { qualifier != .city }

    /// `city.gdp_growth`.
    public var dottedName: String { components.joined(separator: ".") }

    public static func == (lhs: PathReference, rhs: PathReference) -> Bool {
        lhs.components == rhs.components
    }
}

public enum UnaryOperator: String, Sendable, Hashable {
    /// Arithmetic negation, `-x`.
    case negate = "-"
    /// Logical negation, `not c` (also written `!c`).
    case not
}

public struct UnaryExpression: Sendable, Equatable {
    public var `operator`: UnaryOperator
    public var operand: Expression
    public var operatorSpan: ExpressionSpan
    public var span: ExpressionSpan

    public init(operator: UnaryOperator, operand: Expression, operatorSpan: ExpressionSpan, span: ExpressionSpan) {
        self.operator = `operator`
        self.operand = operand
        self.operatorSpan = operatorSpan
        self.span = span
    }

    public static func == (lhs: UnaryExpression, rhs: UnaryExpression) -> Bool {
        lhs.operator == rhs.operator && lhs.operand == rhs.operand
    }
}

public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
}

public struct BinaryExpression: Sendable, Equatable {
    public var `operator`: BinaryOperator
    public var left: Expression
    public var right: Expression
    public var operatorSpan: ExpressionSpan
    public var span: ExpressionSpan

    public init(operator: BinaryOperator, left: Expression, right: Expression, operatorSpan: ExpressionSpan, span: ExpressionSpan) {
        self.operator = `operator`
        self.left = left
        self.right = right
        self.operatorSpan = operatorSpan
        self.span = span
    }

    public static func == (lhs: BinaryExpression, rhs: BinaryExpression) -> Bool {
        lhs.operator == rhs.operator && lhs.left == rhs.left && lhs.right == rhs.right
    }
}

/// Comparison operators; the raw value is the canonical spelling (`≥`, `≤`, `≠` are accepted on input).
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case greaterOrEqual = ">="
    case greater = ">"
    case lessOrEqual = "<="
    case less = "<"
    case equal = "=="
    case notEqual = "!="
}

public struct ComparisonExpression: Sendable, Equatable {
    public var `operator`: ComparisonOperator
    public var left: Expression
    public var right: Expression
    public var operatorSpan: ExpressionSpan
    public var span: ExpressionSpan

    public init(operator: ComparisonOperator, left: Expression, right: Expression, operatorSpan: ExpressionSpan, span: ExpressionSpan) {
        self.operator = `operator`
        self.left = left
        self.right = right
        self.operatorSpan = operatorSpan
        self.span = span
    }

    public static func == (lhs: ComparisonExpression, rhs: ComparisonExpression) -> Bool {
        lhs.operator == rhs.operator && lhs.left == rhs.left && lhs.right == rhs.right
    }
}

/// Boolean connectives; the raw value is the canonical spelling (`&&`, `||` are accepted on input).
public enum LogicalOperator: String, Sendable, Hashable {
    case and
    case or
}

public struct LogicalExpression: Sendable, Equatable {
    public var `operator`: LogicalOperator
    public var left: Expression
    public var right: Expression
    public var operatorSpan: ExpressionSpan
    public var span: ExpressionSpan

    public init(operator: LogicalOperator, left: Expression, right: Expression, operatorSpan: ExpressionSpan, span: ExpressionSpan) {
        self.operator = `operator`
        self.left = left
        self.right = right
        self.operatorSpan = operatorSpan
        self.span = span
    }

    public static func == (lhs: LogicalExpression, rhs: LogicalExpression) -> Bool {
        lhs.operator == rhs.operator && lhs.left == rhs.left && lhs.right == rhs.right
    }
}

public struct CallExpression: Sendable, Equatable {
    public var function: ExpressionFunction
    public var arguments: [Expression]
    /// The function name.
    public var nameSpan: ExpressionSpan
    /// From the name to the closing `)`.
    public var span: ExpressionSpan

    public init(function: ExpressionFunction, arguments: [Expression], nameSpan: ExpressionSpan, span: ExpressionSpan) {
        self.function = function
        self.arguments = arguments
        self.nameSpan = nameSpan
        self.span = span
    }

    /// Whether this call is evaluated over all districts (`sum(x)`, `min(x)`, but not `min(a, b)`).
    public var isAggregate: Bool { function.isAggregate(argumentCount: arguments.count) }

    public static func == (lhs: CallExpression, rhs: CallExpression) -> Bool {
        lhs.function == rhs.function && lhs.arguments == rhs.arguments
    }
}
