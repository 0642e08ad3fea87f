import PlancheckValues

/// Deciding an outcome from a value, a target, a relation and a tolerance — in exact decimals.
extension Evaluator {
    func judge(_ finding: Finding, rule: Rule, comparison: Comparison, value rawValue: Quantity,
               target writtenTarget: Quantity) -> Finding {
        var finding = finding
        // A bare number in a rule takes the unit of the value it is compared with (`equals: 0` for a count of 人).
        let rawTarget = writtenTarget.unit == .dimensionless && rawValue.unit != .dimensionless
            ? Quantity(value: writtenTarget.value, unit: rawValue.unit) : writtenTarget
        // A ratio (a share of two amounts) is judged in the target's unit, so that 0.72 reads as 72% against 75%.
        let unit = (rawValue.unit == .dimensionless && rawTarget.unit != .dimensionless) ? rawTarget.unit : rawValue.unit
        let value: Quantity, target: Quantity
        do {
            value = try rawValue.converted(to: unit)
            target = try rawTarget.converted(to: unit)
        } catch {
            finding.outcome = .notEvaluated
            finding.message = Message(.outcomeEvaluationError, [
                "reason": .message(UnitMessages.message(for: error, left: rawValue, right: rawTarget))])
            return finding
        }
        let tolerance = toleranceAmount(comparison, unit: unit, target: target.value)
        let v = value.value, t = target.value
        let zero = ExactDecimal.zero
        let tol = tolerance ?? zero

        // Expected is what the value is held to (for 下降 t%, −t); the gap is value − expected.
        var expected = t
        let outcome: Outcome
        switch comparison.relation {
        case .atLeast:
            outcome = v >= t ? .passed : (tolerance != nil && v >= sub(t, tol) ? .passedWithinTolerance : .failed)
        case .moreThan:
            outcome = v > t ? .passed : (tolerance != nil && v > sub(t, tol) ? .passedWithinTolerance : .failed)
        case .atMost:
            outcome = v <= t ? .passed : (tolerance != nil && v <= add(t, tol) ? .passedWithinTolerance : .failed)
        case .lessThan:
            outcome = v < t ? .passed : (tolerance != nil && v < add(t, tol) ? .passedWithinTolerance : .failed)
        case .equals:
            outcome = v == t ? .passed : (tolerance != nil && sub(v, t).magnitude <= tol ? .passedWithinTolerance : .failed)
        case .about(let sides):
            if v >= t {
                outcome = (sides == .both && v > add(t, tol)) ? .failed : .passed
            } else {
                outcome = v >= sub(t, tol) ? .passedWithinTolerance : .failed
            }
        case .decreaseAtLeast:
            expected = t.negated
            outcome = v <= expected ? .passed : (tolerance != nil && v <= add(expected, tol) ? .passedWithinTolerance : .failed)
        case .inStepWith(let sides):
            let difference = sub(v, t)
            if sides == .lower {
                outcome = difference >= zero ? .passed : (difference >= tol.negated ? .passedWithinTolerance : .failed)
            } else {
                outcome = difference == zero ? .passed : (difference.magnitude <= tol ? .passedWithinTolerance : .failed)
            }
        }
        finding.outcome = outcome
        finding.actual = value
        finding.expected = Quantity(value: expected, unit: unit)
        let gap = Quantity(value: sub(v, expected), unit: unit.differenceUnit)
        if outcome != .passed { finding.gap = gap }

        let what = describe(comparison.value)
        // Held to another figure (与…同步), the target is named as well as given: "in step with GDP growth (5.5%)".
        var expectedArgument = MessageArgument.quantity(Quantity(value: expected, unit: unit))
        if case .inStepWith = comparison.relation {
            expectedArgument = .message(Message(.namedFigure, [
                "name": describe(comparison.target), "value": expectedArgument]))
        }
        var arguments: [String: MessageArgument] = [
            "what": what, "actual": .quantity(value), "expected": expectedArgument,
            "relation": .message(Message(comparison.relation.phraseKey)), "gap": .quantity(gap),
        ]
        if let tolerance {
            arguments["tolerance"] = .quantity(Quantity(value: tolerance, unit: unit.differenceUnit))
        }
        switch outcome {
        case .passed:
            finding.message = Message(.outcomePassed, arguments)
        case .passedWithinTolerance:
            finding.message = Message(.outcomeWithinTolerance, arguments)
        default:
            finding.message = Message(.outcomeFailed, arguments)
            finding.help = Message(.helpMeetTarget, [
                "relation": .message(Message(comparison.relation.phraseKey)),
                "expected": expectedArgument, "rule": .text(rule.id)])
        }
        return finding
    }

    /// A human name for the checked value: the indicator's name for a plain key, else the expression as written.
    func describe(_ expression: RuleExpression) -> MessageArgument {
        func name(_ node: Expression) -> LocalizedText? {
            guard case .path(let path) = node, path.qualifier == nil else { return nil }
            return pack.indicator(path.field.joined(separator: "."))?.name
        }
        switch expression.expression {
        case .path:
            if let name = name(expression.expression) { return .localized(name) }
        case .call(let call) where call.function == .share && call.arguments.count == 2:
            if let part = name(call.arguments[0]), let whole = name(call.arguments[1]) {
                return .message(Message(.describeShare, ["part": .localized(part), "whole": .localized(whole)]))
            }
        case .call(let call) where call.isAggregate && call.arguments.count == 1:
            if let argument = name(call.arguments[0]) {
                return .message(Message(.describeAggregate, [
                    "name": .localized(argument), "function": .message(Message(call.function.aggregateWordKey))]))
            }
        default:
            break
        }
        return .text(expression.text)
    }

    /// The tolerance in `unit`: stated on the comparison, or the pack's default for 左右.
    private func toleranceAmount(_ comparison: Comparison, unit: Unit, target: ExactDecimal) -> ExactDecimal? {
        var tolerance = comparison.tolerance
        if tolerance == nil, case .about = comparison.relation {
            tolerance = unit == .percent ? pack.defaultAboutTolerance.percent : pack.defaultAboutTolerance.other
        }
        guard let tolerance else { return nil }
        switch tolerance {
        case .points(let points):
            return (try? Quantity(value: points, unit: .percent).converted(to: unit))?.value ?? points
        case .relative(let fraction):
            return target.magnitude.multiplying(by: fraction) ?? .zero
        case .absolute(let amount):
            return (try? amount.converted(to: unit))?.value
        }
    }

    private func add(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal { a.adding(b) ?? a }
    private func sub(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal { a.subtracting(b) ?? a }
}

extension Relation {
    /// The catalogue key of the phrase naming this relation ("at least", "不低于").
    var phraseKey: MessageKey {
        switch self {
        case .atLeast: return .relationAtLeast
        case .moreThan: return .relationMoreThan
        case .atMost: return .relationAtMost
        case .lessThan: return .relationLessThan
        case .equals: return .relationEquals
        case .about: return .relationAbout
        case .decreaseAtLeast: return .relationDecrease
        case .inStepWith: return .relationInStep
        }
    }
}

extension Unit {
    /// The unit of a difference of two values in this unit: percentage points for percent.
    var differenceUnit: Unit { self == .percent ? .percentagePoints : self }
}

extension ExpressionFunction {
    /// The word for this function in "… over districts" (合计, 平均, …), so that Chinese text reads naturally.
    var aggregateWordKey: MessageKey {
        switch self {
        case .sum, .share, .abs: return .aggregateSum
        case .mean: return .aggregateMean
        case .count: return .aggregateCount
        case .min: return .aggregateMin
        case .max: return .aggregateMax
        }
    }
}
