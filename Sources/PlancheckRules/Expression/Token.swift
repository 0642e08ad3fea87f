// Tokens produced by the lexer. Internal: the public surface is the syntax tree.

struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Digits with an optional unit; `unitSpan` is nil when there is no unit.
        case number(raw: String, numberSpan: ExpressionSpan, unit: String?, unitSpan: ExpressionSpan?)
        /// A dotted path of ASCII identifiers, one span per component.
        case path(components: [String], componentSpans: [ExpressionSpan])
        case plus, minus, star, slash
        case leftParenthesis, rightParenthesis, comma
        case comparison(ComparisonOperator)
        case and, or, not
        /// End of input; its span is empty, at the end of the text.
        case end
    }

    var kind: Kind
    var span: ExpressionSpan
    /// The source text of the token, as written.
    var text: String

    /// Whether this token, met where an operator was expected, means an operator is missing (`a b`, `5 x`,
    /// `5 (b)`). `-` is left out: after an operand it is a subtraction.
    var startsOperandAfterOperand: Bool {
        switch kind {
        case .number, .path, .leftParenthesis, .not: true
        default: false
        }
    }
}
