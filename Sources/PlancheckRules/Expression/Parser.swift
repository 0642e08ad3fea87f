// The parser: precedence climbing over the token array, building the tree with spans.
//
// Grammar, lowest precedence first:
//
//   expression     := or
//   or             := and ( ("or" | "||") and )*
//   and            := not ( ("and" | "&&") not )*
//   not            := ("not" | "!") not | comparison
//   comparison     := additive ( compareOp additive )?        -- at most one: `a < b < c` is an error
//   compareOp      := ">=" | ">" | "<=" | "<" | "==" | "!=" | "≥" | "≤" | "≠"
//   additive       := multiplicative ( ("+" | "-") multiplicative )*
//   multiplicative := unary ( ("*" | "/") unary )*
//   unary          := "-" unary | primary
//   primary        := number | path | name "(" ( expression ( "," expression )* )? ")" | "(" expression ")"
//
// Tokens:
//
//   number := digits ( "." digits )? ( ("e" | "E") ("+" | "-")? digits )? unit?     -- ASCII digits only
//   unit   := spaces? ( "%" | "‰" | "pp" | cjk+ ( "/" cjk+ )* )                   -- `75%`, `14.8 万人`, `元/人`
//   path   := ident ( "." ident )*                                                 -- no spaces around "."
//   ident  := [A-Za-z_] [A-Za-z0-9_]*                                              -- except and, or, not
//
// On top of the grammar: operands of arithmetic and comparisons must be numbers, operands of and/or/not
// conditions (fields may be either); calls must name a function of the table with a valid arity; `city`,
// `prev` and `quota` only start a path; aggregates follow `aggregateScopeErrors`; limits are enforced.
//
// Recursion only happens on nesting (parentheses, call arguments, prefix operators); each nesting step
// goes through `enter`, which enforces the depth limit, so the stack stays bounded whatever the input.

extension Expression {
    /// Parses an expression, checks it against the function table, the aggregate rules and `limits`, and
    /// returns its syntax tree. Throws the first error, located in `text`.
    ///
    /// - Parameter expecting: `.condition` for a rule's check, `.number` for a computed figure; `.either`
    ///   accepts both. A bare field path satisfies either, since its type is only known at evaluation.
    public static func parse(
        _ text: String,
        expecting sort: ValueSort = .either,
        limits: ExpressionLimits = .default
    ) throws(ExpressionSyntaxError) -> Expression {
        try checkLength(text, limits: limits)
        var lexer = Lexer(text)
        let tokens = try lexer.tokenize()
        var parser = Parser(lexer: lexer, tokens: tokens, limits: limits)
        let parsed = try parser.parseWhole()
        if let error = parsed.expression.aggregateScopeErrors().first { throw error }
        try parser.require(parsed, toBe: sort)
        return parsed.expression
    }

    /// Rejects over-long text before building anything proportional to it.
    private static func checkLength(_ text: String, limits: ExpressionLimits) throws(ExpressionSyntaxError) {
        var count = 0
        var bytes = 0
        var limitByte = 0
        for scalar in text.unicodeScalars {
            if count == limits.maximumLength { limitByte = bytes }
            count += 1
            bytes += UTF8.width(scalar)
        }
        guard count > limits.maximumLength else { return }
        let excess = text.utf8.dropFirst(limitByte)
        throw ExpressionSyntaxError(
            kind: .tooLong(limit: limits.maximumLength),
            span: ExpressionSpan(startColumn: limits.maximumLength, endColumn: count, startByte: limitByte, endByte: bytes),
            token: String(decoding: excess, as: UTF8.self)
        )
    }
}

/// A parsed operand together with its extent in the source, parentheses included; operators use the
/// latter for their own spans and for "this operand" diagnostics.
struct Parsed {
    var expression: Expression
    var span: ExpressionSpan
}

struct Parser {
    let lexer: Lexer
    let tokens: [Token]
    let limits: ExpressionLimits
    private var index = 0
    private var depth = 0
    private var nodeCount = 0

    init(lexer: Lexer, tokens: [Token], limits: ExpressionLimits) {
        self.lexer = lexer
        self.tokens = tokens
        self.limits = limits
    }

    // Binding powers. `not` sits between `and` and the comparisons; unary minus above `*` and `/`.
    static let orPrecedence = 1
    static let andPrecedence = 2
    static let notPrecedence = 3
    static let comparisonPrecedence = 4
    static let additivePrecedence = 5
    static let multiplicativePrecedence = 6
    static let negatePrecedence = 7

    private enum Infix {
        case logical(LogicalOperator)
        case comparison(ComparisonOperator)
        case arithmetic(BinaryOperator)
    }

    private static func infix(_ kind: Token.Kind) -> (operator: Infix, precedence: Int)? {
        switch kind {
        case .or: (.logical(.or), orPrecedence)
        case .and: (.logical(.and), andPrecedence)
        case .comparison(let op): (.comparison(op), comparisonPrecedence)
        case .plus: (.arithmetic(.add), additivePrecedence)
        case .minus: (.arithmetic(.subtract), additivePrecedence)
        case .star: (.arithmetic(.multiply), multiplicativePrecedence)
        case .slash: (.arithmetic(.divide), multiplicativePrecedence)
        default: nil
        }
    }

    // MARK: Token access

    /// The token array always ends with `.end`, and `advance` never moves past it.
    private var current: Token { tokens[index] }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private var atEnd: Bool {
        if case .end = current.kind { return true }
        return false
    }

    private var atRightParenthesis: Bool {
        if case .rightParenthesis = current.kind { return true }
        return false
    }

    private var atComma: Bool {
        if case .comma = current.kind { return true }
        return false
    }

    // MARK: Errors and limits

    private func error(_ kind: ExpressionSyntaxError.Kind, at span: ExpressionSpan) -> ExpressionSyntaxError {
        ExpressionSyntaxError(kind: kind, span: span, token: lexer.text(of: span))
    }

    private mutating func enter(_ span: ExpressionSpan) throws(ExpressionSyntaxError) {
        depth += 1
        if depth > limits.maximumDepth { throw error(.tooDeep(limit: limits.maximumDepth), at: span) }
    }

    private mutating func leave() { depth -= 1 }

    private mutating func countNode(at span: ExpressionSpan) throws(ExpressionSyntaxError) {
        nodeCount += 1
        if nodeCount > limits.maximumNodes { throw error(.tooManyNodes(limit: limits.maximumNodes), at: span) }
    }

    /// Static sort check: a condition where a number is needed, or the reverse. Paths pass either way.
    func require(_ operand: Parsed, toBe sort: ValueSort) throws(ExpressionSyntaxError) {
        switch (sort, operand.expression.sort) {
        case (.number, .condition): throw error(.expectedNumber, at: operand.span)
        case (.condition, .number): throw error(.expectedCondition, at: operand.span)
        default: return
        }
    }

    /// The error for a missing `)` (or `,`) after an operand inside `open`.
    private func closingError(open: Token, expected: ExpectedSyntax) -> ExpressionSyntaxError {
        if atEnd { return error(.unclosedParenthesis, at: open.span) }
        if current.startsOperandAfterOperand { return error(.missingOperator, at: current.span) }
        return error(.unexpectedToken(expected: expected), at: current.span)
    }

    // MARK: Grammar

    mutating func parseWhole() throws(ExpressionSyntaxError) -> Parsed {
        if atEnd {
            let whole = lexer.span(0, lexer.scalars.count)
            throw error(.emptyExpression, at: whole)
        }
        let parsed = try parseExpression(minimumPrecedence: Self.orPrecedence)
        if atEnd { return parsed }
        if atRightParenthesis { throw error(.unmatchedClosingParenthesis, at: current.span) }
        if current.startsOperandAfterOperand { throw error(.missingOperator, at: current.span) }
        throw error(.unexpectedToken(expected: .operatorOrEnd), at: current.span)
    }

    /// Precedence climbing: a prefix operand, then every infix operator binding at least as tightly as
    /// `minimumPrecedence`. Left operands accumulate in the loop (left associativity without recursion).
    private mutating func parseExpression(minimumPrecedence: Int) throws(ExpressionSyntaxError) -> Parsed {
        var left = try parsePrefix(minimumPrecedence: minimumPrecedence)
        // Set while `left` is a comparison built by this loop, to reject `a < b < c` with a precise error.
        var leftIsComparison = false
        while let (infix, precedence) = Self.infix(current.kind), precedence >= minimumPrecedence {
            let operatorToken = advance()
            let expression: Expression
            let right: Parsed
            switch infix {
            case .comparison(let op):
                if leftIsComparison { throw error(.chainedComparison, at: operatorToken.span) }
                right = try parseExpression(minimumPrecedence: precedence + 1)
                try require(left, toBe: .number)
                try require(right, toBe: .number)
                expression = .comparison(ComparisonExpression(
                    operator: op, left: left.expression, right: right.expression,
                    operatorSpan: operatorToken.span, span: left.span.merged(with: right.span)))
                leftIsComparison = true
            case .arithmetic(let op):
                right = try parseExpression(minimumPrecedence: precedence + 1)
                try require(left, toBe: .number)
                try require(right, toBe: .number)
                expression = .binary(BinaryExpression(
                    operator: op, left: left.expression, right: right.expression,
                    operatorSpan: operatorToken.span, span: left.span.merged(with: right.span)))
                leftIsComparison = false
            case .logical(let op):
                right = try parseExpression(minimumPrecedence: precedence + 1)
                try require(left, toBe: .condition)
                try require(right, toBe: .condition)
                expression = .logical(LogicalExpression(
                    operator: op, left: left.expression, right: right.expression,
                    operatorSpan: operatorToken.span, span: left.span.merged(with: right.span)))
                leftIsComparison = false
            }
            try countNode(at: operatorToken.span)
            left = Parsed(expression: expression, span: left.span.merged(with: right.span))
        }
        return left
    }

    /// Prefix operators and primaries.
    private mutating func parsePrefix(minimumPrecedence: Int) throws(ExpressionSyntaxError) -> Parsed {
        let token = current
        switch token.kind {
        case .minus:
            advance()
            try enter(token.span)
            let operand = try parsePrefix(minimumPrecedence: Self.negatePrecedence)
            leave()
            try require(operand, toBe: .number)
            try countNode(at: token.span)
            let span = token.span.merged(with: operand.span)
            return Parsed(expression: .unary(UnaryExpression(
                operator: .negate, operand: operand.expression, operatorSpan: token.span, span: span)), span: span)

        case .not:
            // `a + not b`, `a == not b`: a condition cannot be an arithmetic or comparison operand.
            guard minimumPrecedence <= Self.notPrecedence else {
                throw error(.unexpectedToken(expected: .operand), at: token.span)
            }
            advance()
            try enter(token.span)
            let operand = try parseExpression(minimumPrecedence: Self.notPrecedence)
            leave()
            try require(operand, toBe: .condition)
            try countNode(at: token.span)
            let span = token.span.merged(with: operand.span)
            return Parsed(expression: .unary(UnaryExpression(
                operator: .not, operand: operand.expression, operatorSpan: token.span, span: span)), span: span)

        case .number(let raw, let numberSpan, let unit, let unitSpan):
            advance()
            try countNode(at: token.span)
            return Parsed(expression: .number(NumberLiteral(
                raw: raw, unit: unit, span: token.span, numberSpan: numberSpan, unitSpan: unitSpan)), span: token.span)

        case .path(let components, let componentSpans):
            advance()
            if case .leftParenthesis = current.kind {
                return try parseCall(name: token, components: components)
            }
            try checkQualifiers(components, componentSpans, span: token.span)
            try countNode(at: token.span)
            return Parsed(expression: .path(PathReference(
                components: components, span: token.span, componentSpans: componentSpans)), span: token.span)

        case .leftParenthesis:
            advance()
            try enter(token.span)
            let inner = try parseExpression(minimumPrecedence: Self.orPrecedence)
            guard atRightParenthesis else { throw closingError(open: token, expected: .closingParenthesis) }
            let close = advance()
            leave()
            return Parsed(expression: inner.expression, span: token.span.merged(with: close.span))

        case .end:
            throw error(.unexpectedEnd(expected: .operand), at: token.span)

        default:
            throw error(.unexpectedToken(expected: .operand), at: token.span)
        }
    }

    /// `city`, `prev` and `quota` qualify a field, so they must come first and be followed by one.
    private func checkQualifiers(_ components: [String], _ spans: [ExpressionSpan], span: ExpressionSpan) throws(ExpressionSyntaxError) {
        if components.count == 1, PathQualifier(rawValue: components[0]) != nil {
            throw error(.incompletePath, at: span)
        }
        for (component, componentSpan) in zip(components, spans).dropFirst()
        where PathQualifier(rawValue: component) != nil {
            throw error(.misplacedQualifier, at: componentSpan)
        }
    }

    /// `name(arguments)`; the current token is the `(`.
    private mutating func parseCall(name: Token, components: [String]) throws(ExpressionSyntaxError) -> Parsed {
        // Checked before the arguments so that the first error reported is the leftmost one.
        guard components.count == 1, let function = ExpressionFunction(name: components[0]) else {
            throw error(.unknownFunction(suggestion: ExpressionFunction.suggestion(for: name.text)), at: name.span)
        }
        let open = advance()
        try enter(open.span)
        var arguments: [Parsed] = []
        let close: Token
        if atRightParenthesis {
            close = advance()
        } else {
            while true {
                arguments.append(try parseExpression(minimumPrecedence: Self.orPrecedence))
                if atComma { advance(); continue }
                if atRightParenthesis { close = advance(); break }
                throw closingError(open: open, expected: .commaOrClosingParenthesis)
            }
        }
        leave()
        let span = name.span.merged(with: close.span)
        let signature = function.signature
        guard signature.accepts(argumentCount: arguments.count) else {
            throw error(.wrongArity(
                function: function, minimum: signature.minimumArguments,
                maximum: signature.maximumArguments, actual: arguments.count), at: span)
        }
        for argument in arguments { try require(argument, toBe: signature.argumentSort) }
        try countNode(at: name.span)
        return Parsed(expression: .call(CallExpression(
            function: function, arguments: arguments.map(\.expression), nameSpan: name.span, span: span)), span: span)
    }
}
