// Canonical printing. `description` is the form a rule pack would be normalised to (and what diagnostics
// quote): canonical operator spellings (`>=`, `and`, `not`), single spaces around binary operators, units
// glued to their numbers, and only the parentheses the tree needs, so `parse(e.description) == e`.
// `debugDescription` is a fully parenthesised prefix form for tests, where the tree shape is the point.

extension Expression: CustomStringConvertible, CustomDebugStringConvertible {
    /// How tightly the node binds, matching the parser's precedence levels; leaves bind tightest.
    var precedence: Int {
        switch self {
        case .number, .path, .call: 8
        case .unary(let node): node.operator == .negate ? Parser.negatePrecedence : Parser.notPrecedence
        case .binary(let node):
            node.operator == .add || node.operator == .subtract ? Parser.additivePrecedence : Parser.multiplicativePrecedence
        case .comparison: Parser.comparisonPrecedence
        case .logical(let node): node.operator == .and ? Parser.andPrecedence : Parser.orPrecedence
        }
    }

    /// The canonical source form, e.g. `share(livelihood_spending, general_budget_spending) >= 75%`.
    public var description: String {
        switch self {
        case .number(let node):
            return node.raw + (node.unit ?? "")
        case .path(let node):
            return node.dottedName
        case .unary(let node):
            let operand = node.operand.printed(parenthesisedBelow: precedence)
            if node.operator == .not { return "not " + operand }
            // `- -x` rather than `--x`, which reads like a decrement.
            return operand.hasPrefix("-") ? "- " + operand : "-" + operand
        case .binary(let node):
            // Left-associative: a right operand of the same level needs parentheses (`a - (b - c)`).
            return infix(node.left, node.operator.rawValue, node.right, leftBelow: precedence, rightBelow: precedence + 1)
        case .comparison(let node):
            // Non-associative: neither side may itself be a comparison without parentheses.
            return infix(node.left, node.operator.rawValue, node.right, leftBelow: precedence + 1, rightBelow: precedence + 1)
        case .logical(let node):
            return infix(node.left, node.operator.rawValue, node.right, leftBelow: precedence, rightBelow: precedence + 1)
        case .call(let node):
            return node.function.rawValue + "(" + node.arguments.map(\.description).joined(separator: ", ") + ")"
        }
    }

    private func infix(_ left: Expression, _ symbol: String, _ right: Expression, leftBelow: Int, rightBelow: Int) -> String {
        left.printed(parenthesisedBelow: leftBelow) + " " + symbol + " " + right.printed(parenthesisedBelow: rightBelow)
    }

    /// The canonical form, parenthesised if this node binds more loosely than `minimum`.
    private func printed(parenthesisedBelow minimum: Int) -> String {
        precedence < minimum ? "(" + description + ")" : description
    }

    /// Fully parenthesised prefix form: `1 - 2 - 3` is `(- (- 1 2) 3)`, `-a` is `(neg a)`.
    public var debugDescription: String {
        switch self {
        case .number, .path:
            return description
        case .unary(let node):
            return "(\(node.operator == .negate ? "neg" : "not") \(node.operand.debugDescription))"
        case .binary(let node):
            return "(\(node.operator.rawValue) \(node.left.debugDescription) \(node.right.debugDescription))"
        case .comparison(let node):
            return "(\(node.operator.rawValue) \(node.left.debugDescription) \(node.right.debugDescription))"
        case .logical(let node):
            return "(\(node.operator.rawValue) \(node.left.debugDescription) \(node.right.debugDescription))"
        case .call(let node):
            return "(\(([node.function.rawValue] + node.arguments.map(\.debugDescription)).joined(separator: " ")))"
        }
    }
}
