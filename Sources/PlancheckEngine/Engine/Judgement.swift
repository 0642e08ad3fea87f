import PlancheckRules
import PlancheckValues

/// Deciding an outcome from a value, a target, a relation and a tolerance — in exact decimals. The result is data:
/// the evidence says what was compared, the band and the signed gap; the report words it.
extension Evaluator {
    /// Sets `result.outcome` and `result.evidence`; a unit clash leaves the result not evaluated with the reason.
    func judge(_ result: inout RuleResult, comparison: Comparison, value rawValue: Quantity, target writtenTarget: Quantity,
               trace: Trace) {
        // A bare number in a rule takes the unit of the value it is compared with (`equals: 0` for a count of 人).
        let rawTarget = writtenTarget.unit == .dimensionless && rawValue.unit != .dimensionless
            ? Quantity(value: writtenTarget.value, unit: rawValue.unit) : writtenTarget
        // A ratio (a share of two amounts) is judged in the target's unit, so that 0.72 reads as 72% against 75%.
        var unit = (rawValue.unit == .dimensionless && rawTarget.unit != .dimensionless) ? rawTarget.unit : rawValue.unit
        let value: Quantity, target: Quantity
        do {
            // Across a conversion the pack declares, the side its factor multiplies is converted, so that the
            // comparison stays exact (a target in 公顷 against a value in 亩: the target × 15, never 亩 ÷ 15).
            if let declared = pack.conversions.conversion(between: rawValue.unit.base, and: rawTarget.unit.base),
               rawValue.unit.base != rawTarget.unit.base, declared.from.base == rawValue.unit.base {
                unit = rawTarget.unit
            }
            value = try rawValue.converted(to: unit, using: pack.conversions)
            target = try rawTarget.converted(to: unit, using: pack.conversions)
        } catch {
            result.outcome = .notEvaluated
            result.evaluationError = UnitMessages.message(for: error, left: rawValue, right: rawTarget)
            return
        }
        let v = value.value, t = target.value
        let tolerance = pack.tolerance(of: comparison, unit: unit)?.amount(in: unit, target: t)
        let tol = tolerance ?? .zero

        // Expected is what the value is held to (for 下降 t%, −t); the gap is value − expected.
        let expected = comparison.relation == .decreaseAtLeast ? t.negated : t
        // The band of passing values, tolerance included (nil edges are unbounded).
        var lower: ExactDecimal?, upper: ExactDecimal?
        let outcome: Outcome
        switch comparison.relation {
        case .atLeast, .moreThan:
            let strict = comparison.relation == .moreThan
            lower = sub(expected, tol)
            let meets = strict ? v > expected : v >= expected
            let within = strict ? v > lower! : v >= lower!
            outcome = meets ? .passed : (tolerance != nil && within ? .passedWithinTolerance : .failed)
        case .atMost, .lessThan, .decreaseAtLeast:
            let strict = comparison.relation == .lessThan
            upper = add(expected, tol)
            let meets = strict ? v < expected : v <= expected
            let within = strict ? v < upper! : v <= upper!
            outcome = meets ? .passed : (tolerance != nil && within ? .passedWithinTolerance : .failed)
        case .equals:
            lower = sub(expected, tol)
            upper = add(expected, tol)
            outcome = v == expected ? .passed : (tolerance != nil && sub(v, expected).magnitude <= tol ? .passedWithinTolerance : .failed)
        case .about(let sides), .inStepWith(let sides):
            // 左右 and 与…同步 alike: the target passes; on a binding side the band is "within tolerance" and beyond
            // it fails; a free side passes whatever the value. Both sides are judged the same way.
            if sides.bindsBelow { lower = sub(expected, tol) }
            if sides.bindsAbove { upper = add(expected, tol) }
            if v == expected || (v < expected && !sides.bindsBelow) || (v > expected && !sides.bindsAbove) {
                outcome = .passed
            } else if v < expected ? v >= lower! : v <= upper! {
                outcome = .passedWithinTolerance
            } else {
                outcome = .failed
            }
        }
        let shape: Evidence.Shape
        if case .call(let call) = comparison.value.expression, call.function == .share, let share = trace.share {
            shape = .share(part: share.part, whole: share.whole)
        } else if case .call(let call) = comparison.value.expression, call.isAggregate {
            shape = .aggregate(call.function, contributions: trace.contributions)
        } else {
            shape = .plain
        }
        let band = tolerance == nil ? nil : Evidence.Band(lower: lower.map { Quantity(value: $0, unit: unit) },
                                                          upper: upper.map { Quantity(value: $0, unit: unit) })
        result.outcome = outcome
        // A share whose part exceeds its whole cannot be: one of the two is in the wrong unit or mistyped.
        if case .share(let part, let whole) = shape, part.value > .zero, whole.value > .zero,
           let wholeInPartUnit = try? whole.converted(to: part.unit), part.value > wholeInPartUnit.value {
            result.outcome = .failed
            result.severity = .error
            result.partExceedsWhole = true
        }
        result.evidence = Evidence(
            value: value, expected: Quantity(value: expected, unit: unit), relation: comparison.relation,
            tolerance: tolerance.map { Quantity(value: $0, unit: unit.differenceUnit) }, band: band,
            gap: Quantity(value: sub(v, expected), unit: unit.differenceUnit), shape: shape,
            figures: trace.figures)
    }

    /// Overflow at these magnitudes would mean figures beyond any plan; the left operand stands rather than a crash.
    private func add(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal { a.adding(b) ?? a }
    private func sub(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal { a.subtracting(b) ?? a }
}

extension Unit {
    /// The unit of a difference of two values in this unit: percentage points for percent.
    public var differenceUnit: Unit { self == .percent ? .percentagePoints : self }
}
