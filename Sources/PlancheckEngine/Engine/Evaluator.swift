import PlancheckRules
import PlancheckValues
import PlancheckYAML

/// Why an expression could not produce a value.
enum EvaluationFailure: Error {
    /// Figures are missing: the rule is "not evaluated" (and a required one was already reported on load).
    case missing([MissingFigure])
    /// The figure is qualitative (保持正增长) where a number is needed.
    case qualitative(QualitativeStatement)
    /// Anything else: a unit clash, division by zero, overflow, a condition where a number was needed.
    case invalid(Message, ExpressionSpan)
}

/// The value of an expression: a quantity, or the truth of a condition.
enum EvaluatedValue {
    case number(Quantity)
    case condition(Bool)
}

/// Evaluates rule expressions over submissions. Total by construction: the language has no loops, aggregates
/// iterate over the (finite) set of districts, and every arithmetic step checks overflow and units.
struct Evaluator {
    let pack: Pack
    let quotas: [String: [String: LocatedQuantity]]
    private static let longestQualifier = PathQualifier.allCases.map(\.rawValue.utf8.count).max() ?? 0

    init(pack: Pack, quotas: [String: [String: LocatedQuantity]]) {
        self.pack = pack
        self.quotas = quotas
    }

    /// What an evaluation saw, so that a result can carry its evidence: the figures read, an aggregate's
    /// contributions, a share's two sides. Names stay references; the report resolves them.
    struct Trace {
        var figures: [EvidenceFigure] = []
        var contributions: [Contribution] = []
        /// The numerator and denominator of the first share evaluated.
        var share: (part: Quantity, whole: Quantity)?
        /// Figures the district wrote with a qualifier (`6%以上`): the number is checked, the words are shown.
        var qualified: [QualifiedFigure] = []
    }

    func number(_ expression: Expression, district: Submission?, districts: [Submission],
                trace: inout Trace) throws(EvaluationFailure) -> Quantity {
        switch try evaluate(expression, district: district, districts: districts, trace: &trace) {
        case .number(let quantity): return quantity
        case .condition: throw .invalid(Message(.evaluationExpectedNumber), expression.span)
        }
    }

    func evaluate(_ expression: Expression, district: Submission?, districts: [Submission],
                  trace: inout Trace) throws(EvaluationFailure) -> EvaluatedValue {
        switch expression {
        case .number(let literal):
            return .number(try quantity(of: literal))
        case .path(let path):
            return .number(try figure(path, district: district, trace: &trace))
        case .unary(let unary):
            switch unary.operator {
            case .negate:
                let operand = try number(unary.operand, district: district, districts: districts, trace: &trace)
                return .number(Quantity(value: operand.value.negated, unit: operand.unit))
            case .not:
                return .condition(!(try condition(unary.operand, district: district, districts: districts, trace: &trace)))
            }
        case .binary(let binary):
            let left = try number(binary.left, district: district, districts: districts, trace: &trace)
            let right = try number(binary.right, district: district, districts: districts, trace: &trace)
            return .number(try arithmetic(binary.operator, left, right, span: binary.span))
        case .comparison(let comparison):
            let left = try number(comparison.left, district: district, districts: districts, trace: &trace)
            let right = try number(comparison.right, district: district, districts: districts, trace: &trace)
            let order = try compare(left, right, span: comparison.span)
            switch comparison.operator {
            case .greaterOrEqual: return .condition(order >= 0)
            case .greater: return .condition(order > 0)
            case .lessOrEqual: return .condition(order <= 0)
            case .less: return .condition(order < 0)
            case .equal: return .condition(order == 0)
            case .notEqual: return .condition(order != 0)
            }
        case .logical(let logical):
            let left = try condition(logical.left, district: district, districts: districts, trace: &trace)
            let right = try condition(logical.right, district: district, districts: districts, trace: &trace)
            return .condition(logical.operator == .and ? (left && right) : (left || right))
        case .call(let call):
            return try self.call(call, district: district, districts: districts, trace: &trace)
        }
    }

    private func condition(_ expression: Expression, district: Submission?, districts: [Submission],
                           trace: inout Trace) throws(EvaluationFailure) -> Bool {
        switch try evaluate(expression, district: district, districts: districts, trace: &trace) {
        case .condition(let value): return value
        case .number: throw .invalid(Message(.evaluationExpectedCondition), expression.span)
        }
    }

    func quantity(of literal: NumberLiteral) throws(EvaluationFailure) -> Quantity {
        do {
            return try ExpressionQuantities.quantity(of: literal)
        } catch {
            switch error { case .invalid(let message, let span): throw .invalid(message, span) }
        }
    }

    private func figure(_ path: PathReference, district: Submission?,
                        trace: inout Trace) throws(EvaluationFailure) -> Quantity {
        // The qualifier is parsed from the path's first component each time it is asked for: ask once. And nearly
        // every path is one field, which needs no joined string.
        // Only a component as short as a qualifier's name can be one; indicator keys are longer, and skipping the
        // string switch for them matters in aggregates, which look a path up once per district.
        let qualifier = (path.components.first?.utf8.count ?? 0) <= Self.longestQualifier ? path.qualifier : nil
        let field = qualifier == nil ? path.components[...] : path.components.dropFirst()
        let key = field.count == 1 ? field[field.startIndex] : field.joined(separator: ".")
        switch qualifier {
        case .city:
            guard let figure = pack.cityFigures[key] else {
                throw .missing([MissingFigure(indicator: key, unit: nil, qualifier: .city)])
            }
            trace.figures.append(EvidenceFigure(indicator: key, qualifier: .city, unit: nil,
                                                quantity: figure.quantity, location: figure.location))
            return figure.quantity
        case .quota:
            guard let code = district?.districtCode, let quota = quotas[key]?[code] else {
                throw .missing([MissingFigure(indicator: key, unit: district?.districtCode, qualifier: .quota)])
            }
            trace.figures.append(EvidenceFigure(indicator: key, qualifier: .quota, unit: code, quantity: quota.quantity,
                                                location: quota.location))
            return quota.quantity
        case .previousYear, nil:
            guard let district else {
                throw .invalid(Message(.evaluationNeedsAggregate, ["path": .text(path.dottedName)]), path.span)
            }
            let previous = qualifier == .previousYear
            guard let figure = (previous ? district.previous : district.figures)[key] else {
                throw .missing([MissingFigure(indicator: key, unit: district.districtCode, qualifier: qualifier,
                                              unusableAt: previous ? nil : district.unusable[key])])
            }
            if let bound = figure.bound {
                throw .qualitative(QualitativeStatement(indicator: key, bound: bound, text: figure.text,
                                                     location: figure.location))
            }
            trace.figures.append(EvidenceFigure(indicator: key, qualifier: qualifier, unit: district.districtCode,
                                                quantity: figure.quantity, location: figure.location))
            if let written = figure.qualifier { trace.qualified.append(QualifiedFigure(text: figure.text, qualifier: written)) }
            return figure.quantity
        }
    }

    private func call(_ call: CallExpression, district: Submission?, districts: [Submission],
                      trace: inout Trace) throws(EvaluationFailure) -> EvaluatedValue {
        if call.isAggregate {
            return try aggregate(call, districts: districts, trace: &trace)
        }
        var values: [Quantity] = []
        for argument in call.arguments {
            values.append(try number(argument, district: district, districts: districts, trace: &trace))
        }
        switch call.function {
        case .abs:
            let value = values[0]
            return .number(Quantity(value: value.value.magnitude, unit: value.unit))
        case .share:
            if trace.share == nil { trace.share = (values[0], values[1]) }
            return .number(try arithmetic(.divide, values[0], values[1], span: call.span))
        case .min, .max:
            var best = values[0]
            for value in values.dropFirst() {
                let order = try compare(value, best, span: call.span)
                if (call.function == .min && order < 0) || (call.function == .max && order > 0) { best = value }
            }
            return .number(best)
        case .sum, .mean, .count:
            throw .invalid(Message(.evaluationNeedsAggregate, ["path": .text(call.function.rawValue)]), call.span)
        }
    }

    /// `sum(x)` and friends: `x` evaluated for each district, then combined. Missing figures are collected over
    /// all districts so that one finding can name every district that lacks them.
    private func aggregate(_ call: CallExpression, districts: [Submission],
                           trace: inout Trace) throws(EvaluationFailure) -> EvaluatedValue {
        guard let argument = call.arguments.first else {
            throw .invalid(Message(.evaluationBadArity), call.span)
        }
        var values: [Quantity] = []
        var missing: [MissingFigure] = []
        var holds = 0
        // One scratch trace for all districts (only its first figure's location is kept): one allocation per
        // aggregate instead of one per district.
        var districtTrace = Trace()
        trace.contributions.reserveCapacity(trace.contributions.count + districts.count)
        for district in districts {
            districtTrace.figures.removeAll(keepingCapacity: true)
            do {
                switch try evaluate(argument, district: district, districts: districts, trace: &districtTrace) {
                case .number(let value):
                    values.append(value)
                    trace.contributions.append(Contribution(unit: district.districtCode, quantity: value,
                                                            location: districtTrace.figures.first?.location))
                case .condition(let value):
                    if value { holds += 1 }
                }
            } catch {
                switch error {
                case .missing(let figures) where call.function != .count: missing += figures
                case .missing: continue
                case .qualitative(let figure) where call.function != .count:
                    missing.append(MissingFigure(indicator: figure.indicator, unit: district.districtCode, qualifier: nil,
                                                 unusableAt: figure.location))
                case .qualitative: continue
                case .invalid: throw error
                }
            }
        }
        if !missing.isEmpty { throw .missing(missing) }
        switch call.function {
        case .count:
            return .number(Quantity(value: ExactDecimal(values.count + holds), unit: .dimensionless))
        case .sum, .mean:
            guard var total = values.first else {
                throw .missing([MissingFigure(indicator: argument.description, unit: nil, qualifier: nil)])
            }
            for value in values.dropFirst() { total = try arithmetic(.add, total, value, span: call.span) }
            if call.function == .sum { return .number(total) }
            return .number(try arithmetic(.divide, total, Quantity(value: ExactDecimal(values.count), unit: .dimensionless),
                                          span: call.span))
        case .min, .max:
            guard var best = values.first else {
                throw .missing([MissingFigure(indicator: argument.description, unit: nil, qualifier: nil)])
            }
            for value in values.dropFirst() {
                let order = try compare(value, best, span: call.span)
                if (call.function == .min && order < 0) || (call.function == .max && order > 0) { best = value }
            }
            return .number(best)
        case .abs, .share:
            throw .invalid(Message(.evaluationBadArity), call.span)
        }
    }

    func arithmetic(_ op: BinaryOperator, _ left: Quantity, _ right: Quantity,
                    span: ExpressionSpan) throws(EvaluationFailure) -> Quantity {
        do {
            return try ExpressionQuantities.arithmetic(op, left, right, span: span)
        } catch {
            switch error { case .invalid(let message, let span): throw .invalid(message, span) }
        }
    }

    /// −1, 0 or 1; the right side is converted to the left's unit.
    func compare(_ left: Quantity, _ right: Quantity, span: ExpressionSpan) throws(EvaluationFailure) -> Int {
        do {
            let converted = try right.converted(to: left.unit, using: pack.conversions)
            return left.value < converted.value ? -1 : (left.value == converted.value ? 0 : 1)
        } catch {
            throw .invalid(UnitMessages.message(for: error, left: left, right: right), span)
        }
    }
}
