import PlancheckValues

/// What the language itself says about quantities, before any submission is read: the value of a number literal
/// and one arithmetic step. The evaluator (PlancheckEngine) and the linter's unit inference both use these, so a
/// unit clash the linter reports is the clash evaluation would meet.
package enum ExpressionQuantities {
    /// Why a literal or an arithmetic step has no value: a bad number or unit, a unit clash, division by zero,
    /// overflow.
    package enum Failure: Error {
        case invalid(Message, ExpressionSpan)
    }

    package static func quantity(of literal: NumberLiteral) throws(Failure) -> Quantity {
        guard let value = ExactDecimal(parsing: literal.raw) else {
            throw .invalid(Message(.evaluationBadNumber, ["text": .text(literal.raw)]), literal.numberSpan)
        }
        guard let unitText = literal.unit else { return Quantity(value: value, unit: .dimensionless) }
        guard let unit = Unit.parse(unitText) else {
            throw .invalid(Message(.badUnit, ["unit": .text(unitText)]), literal.unitSpan ?? literal.span)
        }
        return Quantity(value: value, unit: unit)
    }

    package static func arithmetic(_ op: BinaryOperator, _ left: Quantity, _ right: Quantity,
                                   span: ExpressionSpan) throws(Failure) -> Quantity {
        do {
            switch op {
            case .add: return try left.adding(right)
            case .subtract: return try left.subtracting(right)
            case .multiply: return try left.multiplying(by: right)
            case .divide: return try left.dividing(by: right)
            }
        } catch {
            throw .invalid(UnitMessages.message(for: error, left: left, right: right), span)
        }
    }
}
