import PlancheckValues
import PlancheckYAML

/// Checks a loaded pack for mistakes no single rule shows: references to unknown indicators, units that cannot
/// be compared, aggregates in the wrong scope, duplicate ids, and rules that contradict each other.
enum PackLinter {
    static func lint(_ pack: Pack, sink: DiagnosticSink) {
        reportDuplicateIDs(pack, sink: sink)
        for rule in pack.rules {
            guard case .compare(let comparison) = rule.check else { continue }
            let valueOK = checkReferences(comparison.value, rule: rule, pack: pack, sink: sink)
            let targetOK = checkReferences(comparison.target, rule: rule, pack: pack, sink: sink)
            guard valueOK, targetOK else { continue }
            checkUnits(comparison, rule: rule, pack: pack, sink: sink)
        }
        Contradictions.find(in: pack, sink: sink)
    }

    private static func reportDuplicateIDs(_ pack: Pack, sink: DiagnosticSink) {
        var first: [String: Rule] = [:]
        for rule in pack.rules {
            if let earlier = first[rule.id] {
                sink.report(.duplicateRuleID, .error, Message(.duplicateRuleID, ["id": .text(rule.id)]), at: rule.location,
                            notes: [.firstDefinedHere(earlier.location)])
            } else {
                first[rule.id] = rule
            }
        }
    }

    /// Every path names a catalogue indicator (and `city.x` a city figure); bare paths in city rules sit inside an
    /// aggregate, and district rules use no aggregate. Returns false when something was reported.
    private static func checkReferences(_ expression: RuleExpression, rule: Rule, pack: Pack,
                                        sink: DiagnosticSink) -> Bool {
        var ok = true
        func walk(_ node: Expression, insideAggregate: Bool) {
            switch node {
            case .path(let path):
                let key = path.field.joined(separator: ".")
                let location = expression.location(of: path.span)
                if pack.indicator(key) == nil {
                    let prefix = path.qualifier.map { $0.rawValue + "." } ?? ""
                    let help = Suggestions.closest(to: key, in: pack.indicators.map(\.key)).map {
                        Message(.helpDidYouMean, ["suggestion": .text(prefix + $0)])
                    }
                    sink.report(.unknownReference, .error, Message(.unknownIndicatorReference, ["key": .text(key)]),
                                at: location, help: help)
                    ok = false
                } else if path.qualifier == .city, pack.cityFigures[key] == nil {
                    sink.report(.unknownReference, .error, Message(.missingCityFigure, ["key": .text(key)]),
                                at: location, help: Message(.helpAddCityFigure, ["key": .text(key)]))
                    ok = false
                } else if rule.scope == .city, !insideAggregate, path.qualifier != .city {
                    sink.report(.unknownReference, .error, Message(.pathOutsideAggregate, ["path": .text(path.dottedName)]),
                                at: location, help: Message(.helpWrapInAggregate, ["path": .text(path.dottedName)]))
                    ok = false
                }
            case .call(let call) where call.isAggregate:
                if rule.scope == .district {
                    sink.report(.unknownReference, .error, Message(.aggregateInDistrictRule, [
                        "function": .text(call.function.rawValue)]), at: expression.location(of: call.nameSpan),
                                help: Message(.helpUseCityScope))
                    ok = false
                }
                for argument in call.arguments { walk(argument, insideAggregate: true) }
            default:
                for child in node.children { walk(child, insideAggregate: insideAggregate) }
            }
        }
        walk(expression.expression, insideAggregate: false)
        return ok
    }

    /// The value's and the target's units must be comparable (亿元 vs % is an error; 万人 vs 人 converts).
    private static func checkUnits(_ comparison: Comparison, rule: Rule, pack: Pack, sink: DiagnosticSink) {
        guard let valueUnit = UnitInference.unit(of: comparison.value, pack: pack, sink: sink),
              let targetUnit = UnitInference.unit(of: comparison.target, pack: pack, sink: sink) else { return }
        let comparable = pack.conversions.canConvert(valueUnit, to: targetUnit) || targetUnit == .dimensionless
            || valueUnit == .dimensionless
        if !comparable {
            sink.report(.unitMismatch, .error, Message(.unitMismatch, [
                "value": .text(comparison.value.text), "valueUnit": .text(valueUnit.symbol),
                "target": .text(comparison.target.text), "targetUnit": .text(targetUnit.symbol)]),
                        at: comparison.target.location)
        }
        if case .points = comparison.tolerance, valueUnit != .percent, valueUnit != .dimensionless,
           valueUnit != .percentagePoints {
            sink.report(.unitMismatch, .error, Message(.pointsOnNonPercent, ["unit": .text(valueUnit.symbol)]),
                        at: comparison.relationLocation)
        }
    }
}

/// Infers an expression's unit without data: each indicator stands in as 1 of its catalogue unit, and the
/// units layer's own arithmetic says what comes out (or that the units clash).
enum UnitInference {
    static func unit(of expression: RuleExpression, pack: Pack, sink: DiagnosticSink) -> Unit? {
        do {
            return try infer(expression.expression, pack: pack)
        } catch {
            sink.report(.unitMismatch, .error, error.message, at: expression.location(of: error.span))
            return nil
        }
    }

    struct Clash: Error {
        var message: Message
        var span: ExpressionSpan
    }

    private static func infer(_ node: Expression, pack: Pack) throws(Clash) -> Unit {
        switch node {
        case .number(let literal):
            do {
                return try ExpressionQuantities.quantity(of: literal).unit
            } catch {
                if case .invalid(let message, let span) = error { throw Clash(message: message, span: span) }
                return .dimensionless
            }
        case .path(let path):
            return pack.indicator(path.field.joined(separator: "."))?.unit ?? .dimensionless
        case .unary(let unary):
            return try infer(unary.operand, pack: pack)
        case .binary(let binary):
            let left = Quantity(value: .one, unit: try infer(binary.left, pack: pack))
            let right = Quantity(value: .one, unit: try infer(binary.right, pack: pack))
            do {
                return try ExpressionQuantities.arithmetic(binary.operator, left, right, span: binary.span).unit
            } catch {
                if case .invalid(let message, let span) = error { throw Clash(message: message, span: span) }
                return .dimensionless
            }
        case .call(let call):
            let units = try call.arguments.map { (argument) throws(Clash) -> Unit in try infer(argument, pack: pack) }
            switch call.function {
            case .count: return .dimensionless
            case .share:
                guard units.count == 2 else { return .dimensionless }
                do {
                    return try ExpressionQuantities.arithmetic(.divide, Quantity(value: .one, unit: units[0]),
                                                               Quantity(value: .one, unit: units[1]), span: call.span).unit
                } catch {
                    if case .invalid(let message, let span) = error { throw Clash(message: message, span: span) }
                    return .dimensionless
                }
            default: return units.first ?? .dimensionless
            }
        case .comparison, .logical:
            return .dimensionless
        }
    }
}
