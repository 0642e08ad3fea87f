// Syntax errors of the expression language.
//
// The error is data, not prose: user-facing text (Chinese and English) comes from the diagnostics catalogue,
// keyed by `kind`. The English `debugDescription` here is only for tests and logs.

/// What the parser was looking for when it met something else.
public enum ExpectedSyntax: Sendable, Hashable {
    /// A number, a field path, a function call, `(`, `-` or `not`.
    case operand
    /// An operator, or the end of the expression.
    case operatorOrEnd
    /// The `)` closing a parenthesised expression.
    case closingParenthesis
    /// `,` before another argument, or the `)` closing the argument list.
    case commaOrClosingParenthesis
}

/// A syntax error in an expression, located in the expression's own text.
public struct ExpressionSyntaxError: Error, Sendable, Hashable, CustomDebugStringConvertible {
    public enum Kind: Sendable, Hashable {
        // Characters and tokens.
        /// A character that has no meaning in an expression (`#`, `^`, `。`, …).
        case unexpectedCharacter
        /// Full-width digits such as `７５`: numbers must use ASCII digits.
        case fullWidthDigit
        /// A look-alike of an operator or punctuation mark, such as full-width `（`, `，`, `％`, or `×`, `÷`, `−`.
        /// `replacement` is the character to type instead.
        case confusableCharacter(replacement: String)
        /// A name that is not ASCII, such as `人口`: field names are ASCII identifiers. (Chinese text is only
        /// allowed as a unit directly after a number, as in `14.8万人`.)
        case nonASCIIName
        /// A number that is cut short or has extra parts: `1.`, `.5`, `1.2.3`, `1e+`.
        case malformedNumber
        /// An ASCII word glued to a number, such as `5km` or `3x`: units are `%`, `‰`, `pp` or Chinese units.
        case unknownUnit
        /// A unit (`%`, `‰`) that does not follow a number literal, as in `(a / b)%`.
        case misplacedUnit
        /// A path with an empty or non-identifier component: `a.`, `a..b`, `a.1`.
        case malformedPath
        /// A lone `=`; equality is written `==`.
        case singleEquals
        /// An operator written in another language's style: `=>`, `=<`, `<>`, `&`, `|`, `AND`, ….
        /// `replacement` is the operator to write instead.
        case misspelledOperator(replacement: String)

        // Grammar.
        /// The expression is empty or only white space.
        case emptyExpression
        /// A token that cannot appear here.
        case unexpectedToken(expected: ExpectedSyntax)
        /// The expression ends where more was needed (the span is empty, at the end of the text).
        case unexpectedEnd(expected: ExpectedSyntax)
        /// Two operands in a row, as in `a b` or `5 x`: an operator is probably missing.
        case missingOperator
        /// A `(` (of a group or a call) that is never closed; the span is the `(`.
        case unclosedParenthesis
        /// A `)` without a matching `(`.
        case unmatchedClosingParenthesis
        /// `a < b < c`: comparisons do not chain; the span is the second comparison operator.
        case chainedComparison
        /// A condition (comparison or and/or/not) where a number is needed, as in `(a > b) + 1`.
        case expectedNumber
        /// A number where a condition is needed, as in `a and 5` or `not x + 1`.
        case expectedCondition

        // Names.
        /// `city`, `prev` or `quota` used alone, without the field it qualifies.
        case incompletePath
        /// `city`, `prev` or `quota` after the first component of a path, as in `gdp.prev`.
        case misplacedQualifier
        /// A call to a function that is not in the function table; `suggestion` is the closest known name.
        case unknownFunction(suggestion: String?)
        /// A call with too few or too many arguments; the span is the whole call.
        case wrongArity(function: ExpressionFunction, minimum: Int, maximum: Int?, actual: Int)

        // Aggregates.
        /// An aggregate inside another aggregate's argument, as in `sum(mean(x))`.
        case nestedAggregate
        /// An aggregate whose argument refers to no per-district field, as in `sum(5)` or `sum(city.gdp)`.
        case aggregateWithoutDistrictField

        // Limits (see `ExpressionLimits`).
        /// The text is longer than `limit` Unicode scalars; the span is the part beyond the limit.
        case tooLong(limit: Int)
        /// Parentheses, calls, `-` and `not` are nested deeper than `limit`; the span is the token that
        /// went one level too deep.
        case tooDeep(limit: Int)
        /// The expression has more than `limit` syntax nodes.
        case tooManyNodes(limit: Int)
    }

    /// What went wrong.
    public var kind: Kind
    /// Where, in the expression's text.
    public var span: ExpressionSpan
    /// The offending source text (empty at the end of the input).
    public var token: String

    public init(kind: Kind, span: ExpressionSpan, token: String) {
        self.kind = kind
        self.span = span
        self.token = token
    }

    /// An English one-liner for tests and logs, e.g. `column 7: unexpected end of expression, expected an operand`.
    public var debugDescription: String {
        let location = span.isEmpty || span.columnCount == 1
            ? "column \(span.startColumn)"
            : "columns \(span.startColumn)..<\(span.endColumn)"
        return "\(location): \(Self.englishMessage(kind, token: token))"
    }

    static func englishMessage(_ kind: Kind, token: String) -> String {
        switch kind {
        case .unexpectedCharacter:
            return "unexpected character '\(token)'"
        case .fullWidthDigit:
            return "full-width digits '\(token)': use ASCII digits 0-9"
        case .confusableCharacter(let replacement):
            return "'\(token)' looks like an operator but is not one: use '\(replacement)'"
        case .nonASCIIName:
            return "'\(token)' is not a field name: field names are ASCII (letters, digits, _); Chinese text is only allowed as a unit right after a number"
        case .malformedNumber:
            return "malformed number '\(token)'"
        case .unknownUnit:
            return "'\(token)' is not a unit: units are %, ‰, pp or Chinese units such as 万人; did you mean an operator?"
        case .misplacedUnit:
            return "unit '\(token)' must directly follow a number literal"
        case .malformedPath:
            return "malformed field path '\(token)': each part after '.' must be a name"
        case .singleEquals:
            return "'=' is not an operator: use '==' to compare"
        case .misspelledOperator(let replacement):
            return "'\(token)' is not an operator: use '\(replacement)'"
        case .emptyExpression:
            return "empty expression"
        case .unexpectedToken(let expected):
            return "unexpected '\(token)', expected \(describe(expected))"
        case .unexpectedEnd(let expected):
            return "unexpected end of expression, expected \(describe(expected))"
        case .missingOperator:
            return "unexpected '\(token)' after a complete operand: is an operator missing?"
        case .unclosedParenthesis:
            return "this '(' is never closed"
        case .unmatchedClosingParenthesis:
            return "')' without a matching '('"
        case .chainedComparison:
            return "comparisons cannot be chained: write 'a < b and b < c' instead of 'a < b < c'"
        case .expectedNumber:
            return "'\(token)' is a condition, but a number is needed here"
        case .expectedCondition:
            return "'\(token)' is a number, but a condition (a comparison, and/or/not) is needed here"
        case .incompletePath:
            return "'\(token)' must be followed by a field name, as in '\(token).gdp'"
        case .misplacedQualifier:
            return "'\(token)' can only be the first part of a path, as in '\(token).gdp'"
        case .unknownFunction(let suggestion):
            if let suggestion { return "unknown function '\(token)'; did you mean '\(suggestion)'?" }
            return "unknown function '\(token)'"
        case .wrongArity(let function, let minimum, let maximum, let actual):
            let expected: String
            switch maximum {
            case nil: expected = "at least \(minimum)"
            case minimum?: expected = "\(minimum)"
            case let maximum?: expected = "\(minimum) to \(maximum)"
            }
            return "\(function.rawValue) takes \(expected) argument\(expected == "1" ? "" : "s"), got \(actual)"
        case .nestedAggregate:
            return "aggregate '\(token)' cannot be used inside another aggregate"
        case .aggregateWithoutDistrictField:
            return "'\(token)' aggregates over the reporting units, so its argument must use a figure they report"
        case .tooLong(let limit):
            return "expression is longer than \(limit) characters"
        case .tooDeep(let limit):
            return "expression is nested more than \(limit) levels deep"
        case .tooManyNodes(let limit):
            return "expression has more than \(limit) parts"
        }
    }

    private static func describe(_ expected: ExpectedSyntax) -> String {
        switch expected {
        case .operand: return "a number, field, function call or '('"
        case .operatorOrEnd: return "an operator or the end of the expression"
        case .closingParenthesis: return "')'"
        case .commaOrClosingParenthesis: return "',' or ')'"
        }
    }
}
