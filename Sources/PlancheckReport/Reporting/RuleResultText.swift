import PlancheckEngine
import PlancheckRules
import PlancheckValues
import PlancheckYAML

/// A rule result in words: its message, help and notes, built from the evidence at report time. The engine names
/// things by reference (indicator keys, unit codes); here they become names in the report's language.
struct RuleResultText {
    let pack: Pack
    let names: UnitNames
    /// Files are named relative to it, as everywhere in the report.
    var baseDirectory: String? = nil

    func message(_ result: RuleResult) -> Message {
        guard case .compare(let comparison) = result.rule.check else {
            if case .notCheckable(let reason) = result.rule.check {
                return Message(.outcomeNotCheckable, ["reason": .localized(reason)])
            }
            return Message(.outcomeNotCheckableWord)
        }
        if let error = result.evaluationError {
            return Message(.outcomeEvaluationError, ["reason": .message(error)])
        }
        if let figure = result.qualitative {
            let name = pack.indicator(figure.indicator)?.name ?? LocalizedText(zh: figure.indicator, en: figure.indicator)
            return Message(.outcomeQualitative, [
                "name": .localized(name), "text": .text(figure.text), "target": describeTarget(comparison.target),
                "relation": .message(Message(comparison.relation.phraseKey))])
        }
        if let missing = result.missing {
            let reasons = missingReasons(missing, wholeResult: result.unit == nil)
            if !reasons.isEmpty {
                return Message(result.outcome == .failed ? .outcomeIncompleteRequired : .outcomeNotEvaluatedBecause,
                               ["reasons": .joined(reasons, separator: .clauses)])
            }
        }
        guard let evidence = result.evidence else { return Message(.outcomeNotEvaluatedWord) }
        // Enough digits that the figure never reads as its target or a band's edge, nor a gap as zero.
        let edges = [evidence.band?.lower, evidence.band?.upper].compactMap { $0?.value }
        let places = QuantityText.placesToDistinguish(evidence.value.value, from: [evidence.expected.value] + edges,
                                                      gap: evidence.gap.value)
        var arguments: [String: MessageArgument] = [
            "what": describe(comparison.value), "actual": .preciseQuantity(evidence.value, places: places),
            "expected": expected(evidence, comparison: comparison),
            "relation": .message(Message(comparison.relation.phraseKey)),
            "gap": .preciseQuantity(evidence.gap, places: places),
        ]
        if let tolerance = evidence.tolerance { arguments["tolerance"] = .quantity(tolerance) }
        if result.partExceedsWhole, case .share(let part, let whole) = evidence.shape {
            return Message(.outcomePartExceedsWhole, [
                "what": describe(comparison.value), "actual": .quantity(evidence.value), "part": .quantity(part),
                "whole": .quantity(whole)])
        }
        switch result.outcome {
        case .passed: return Message(.outcomePassed, arguments)
        case .passedWithinTolerance: return Message(.outcomeWithinTolerance, arguments)
        default:
            // "高于6%" at exactly 6%: a gap of 0 must not read as a pass.
            let strict = comparison.relation == .moreThan || comparison.relation == .lessThan
            if strict, evidence.gap.value == ExactDecimal.zero { return Message(.outcomeFailedAtEqual, arguments) }
            return Message(.outcomeFailed, arguments)
        }
    }

    /// Why a result lacks its inputs, unit by unit: units that sent two files (left out of the total), figures
    /// absent, figures written but unusable, units that sent no file.
    func missingReasons(_ missing: MissingInputs, wholeResult: Bool) -> [MessageArgument] {
        var reasons: [MessageArgument] = []
        for twice in missing.unitsSubmittedTwice {
            reasons.append(.message(Message(.reasonSubmittedTwice, [
                "district": names.list([twice.unit]),
                "files": .joined(twice.files.map { .text(DisplayPath.relative($0, to: baseDirectory)) }, separator: .enumeration)])))
        }
        func listed(_ figures: [MissingFigure]) -> MessageArgument {
            .joined(figures.map { missingFigure($0, wholeResult: wholeResult) }, separator: .comma)
        }
        // A figure written but unusable is not "missing": its own diagnostic says what is wrong with it.
        let absent = missing.figures.filter { $0.unusableAt == nil }
        let unusable = missing.figures.filter { $0.unusableAt != nil }
        if !absent.isEmpty { reasons.append(.message(Message(.reasonMissingFigures, ["figures": listed(absent)]))) }
        if !unusable.isEmpty { reasons.append(.message(Message(.reasonUnusableFigures, ["figures": listed(unusable)]))) }
        if !missing.unitsWithoutFile.isEmpty {
            reasons.append(.message(Message(.reasonUnitsWithoutFile, [
                "count": .number(missing.unitsWithoutFile.count), "districts": names.list(missing.unitsWithoutFile)])))
        }
        return reasons
    }

    func help(_ result: RuleResult) -> Message? {
        guard result.outcome != .acknowledged, case .compare(let comparison) = result.rule.check else { return nil }
        if let figure = result.qualitative {
            return Message(.helpQualitative, ["bound": .message(Message(figure.bound == .positive ? .boundPositive : .boundNegative))])
        }
        if let missing = result.missing, result.evaluationError == nil {
            if !missing.unitsSubmittedTwice.isEmpty { return Message(.helpDuplicateSubmission) }
            if missing.figures.isEmpty, !missing.unitsWithoutFile.isEmpty, result.outcome != .failed {
                return Message(.helpIncompleteSet)
            }
            return nil
        }
        guard result.outcome == .failed, let evidence = result.evidence else { return nil }
        if result.partExceedsWhole { return Message(.helpCheckShareUnits) }
        return Message(.helpMeetTarget, [
            "relation": .message(Message(comparison.relation.phraseKey)),
            "expected": expected(evidence, comparison: comparison), "rule": .text(result.rule.id)])
    }

    func notes(_ result: RuleResult) -> [(message: Message, location: SourceLocation?)] {
        var notes: [(message: Message, location: SourceLocation?)] = []
        if let conversion = declaredConversion(result) { notes.append((conversion, result.rule.location)) }
        for figure in result.missing?.figures ?? [] {
            // Said only where the result does not already point at it.
            guard let place = figure.unusableAt, place.description != result.location?.description else { continue }
            notes.append((Message(.noteUnusableFigureHere, [
                "figure": missingFigure(figure, wholeResult: result.unit == nil), "location": .path(place.description)]),
                          place))
        }
        // A positive figure where the plan asks for a fall: most likely a decrease written without its sign.
        if result.outcome == .failed || result.outcome == .acknowledged, let evidence = result.evidence,
           evidence.expected.value < ExactDecimal.zero, evidence.value.value > ExactDecimal.zero,
           evidence.relation == .decreaseAtLeast || evidence.relation == .atMost || evidence.relation == .lessThan {
            notes.append((Message(.noteSignOfDecline, [
                "actual": .quantity(evidence.value), "magnitude": .quantity(evidence.value)]), result.location))
        }
        notes += result.qualifiedFigures.map {
            (Message(.noteQualifierWritten, ["text": .text($0.text), "qualifier": .text($0.qualifier)]), nil)
        }
        if let deviation = result.deviation {
            notes.append((Message(.noteDeviation, [
                "reason": .text(deviation.reason), "approver": .text(deviation.approvedBy),
                "document": .text(deviation.document ?? "—")]), deviation.location))
        }
        if let expired = result.expiredDeviation, let expires = expired.expires {
            notes.append((Message(.noteDeviationExpired, ["date": .text(expires)]), expired.location))
        }
        return notes
    }

    /// A target written in another base than the value (500亿斤 against 万吨), converted by a factor the pack
    /// declares: said, as a submission's converted figure is.
    private func declaredConversion(_ result: RuleResult) -> Message? {
        guard let evidence = result.evidence, case .compare(let comparison) = result.rule.check,
              case .number(let literal) = comparison.target.expression,
              let written = try? ExpressionQuantities.quantity(of: literal),
              written.unit.base != evidence.expected.unit.base,
              let conversion = pack.conversions.conversion(between: written.unit.base, and: evidence.expected.unit.base)
        else { return nil }
        return Message(.noteConverted, [
            "written": .quantity(written), "converted": .quantity(evidence.expected), "from": .text(conversion.from.symbol),
            "to": .text(conversion.to.symbol), "factor": .text(conversion.factor.description)])
    }

    /// What a figure is: an indicator's name, marked as the whole's, the previous year's or a quota.
    func label(_ figure: EvidenceFigure) -> MessageArgument {
        let name = MessageArgument.localized(pack.indicator(figure.indicator)?.name
                                             ?? LocalizedText(zh: figure.indicator, en: figure.indicator))
        return figure.qualifier.map { .message(Message($0.labelKey, ["name": name])) } ?? name
    }

    /// The arithmetic behind a derived check in one line: a share's division or an aggregate's total, then the
    /// target and the signed gap.
    func arithmetic(_ result: RuleResult) -> Message? {
        guard let evidence = result.evidence else { return nil }
        let first: Message
        switch evidence.shape {
        case .plain: return nil
        case .share(let part, let whole):
            first = Message(.arithmeticShare, ["part": .quantity(part), "whole": .quantity(whole), "value": .quantity(evidence.value)])
        case .aggregate(_, let contributions):
            first = Message(.arithmeticAggregate, ["count": .number(contributions.count), "value": .quantity(evidence.value)])
        }
        // The expected value of 下降 t% is already −t.
        let symbol = evidence.relation == .decreaseAtLeast ? "≤" : evidence.relation.symbol
        let target = Message(.arithmeticTarget, [
            "relation": .text(symbol), "expected": .quantity(evidence.expected), "gap": .quantity(evidence.gap)])
        return Message(.arithmeticLine, ["first": .message(first), "target": .message(target)])
    }

    /// The figure a comparison is held to; for 与…同步 the other figure is named as well as given.
    /// For 左右 the band that passes is given with it (`约5%（4.5%–5.5%）`), so that an officer sees the edge.
    private func expected(_ evidence: Evidence, comparison: Comparison) -> MessageArgument {
        let value = MessageArgument.quantity(evidence.expected)
        switch comparison.relation {
        case .inStepWith:
            return .message(Message(.namedFigure, ["name": describe(comparison.target), "value": value]))
        case .about:
            guard let band = evidence.band, band.lower != nil || band.upper != nil else { return value }
            let range: Message
            switch (band.lower, band.upper) {
            case (let lower?, let upper?): range = Message(.bandBetween, ["lower": .quantity(lower), "upper": .quantity(upper)])
            case (let lower?, nil): range = Message(.bandAtLeast, ["lower": .quantity(lower)])
            case (nil, let upper?): range = Message(.bandAtMost, ["upper": .quantity(upper)])
            case (nil, nil): return value
            }
            return .message(Message(.expectedWithBand, ["expected": value, "band": .message(range)]))
        default:
            return value
        }
    }

    /// `key（名称）`, `prev.key（名称）@单位` in Chinese; `key (name)`, `prev.key (name) in Unit` in English.
    private func missingFigure(_ figure: MissingFigure, wholeResult: Bool) -> MessageArgument {
        let prefix = figure.qualifier.map { $0.rawValue + "." } ?? ""
        let name = pack.indicator(figure.indicator)?.name ?? LocalizedText(zh: figure.indicator, en: figure.indicator)
        let named = Message(.missingFigureName, ["key": .text(prefix + figure.indicator), "name": .localized(name)])
        guard wholeResult, let unit = figure.unit else { return .message(named) }
        return .message(Message(.missingFigureOfUnit, ["figure": .message(named), "unit": names.name(unit)]))
    }

    /// What a target is, in words: a literal figure as written (`5%`), a named figure by its name.
    func describeTarget(_ expression: RuleExpression) -> MessageArgument {
        if case .path = expression.expression { return describe(expression) }
        return .text(expression.text)
    }

    /// A human name for the checked value: the indicator's name for a plain key, else the expression as written.
    func describe(_ expression: RuleExpression) -> MessageArgument {
        func name(_ node: Expression) -> LocalizedText? {
            guard case .path(let path) = node, path.qualifier == nil else { return nil }
            return pack.indicator(path.field.joined(separator: "."))?.name
        }
        switch expression.expression {
        case .path(let path):
            if let name = name(expression.expression) { return .localized(name) }
            // `city.key`, `prev.key`, `quota.key`: the indicator's name, marked as the whole's, last year's, a quota.
            if let qualifier = path.qualifier, let indicator = pack.indicator(path.field.joined(separator: ".")) {
                return .message(Message(qualifier.labelKey, ["name": .localized(indicator.name)]))
            }
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
}

/// Reporting units by name, in either language: one lookup table for a report.
struct UnitNames: Sendable {
    private let byCode: [String: LocalizedText]

    init(pack: Pack?) {
        var names: [String: LocalizedText] = [:]
        // The first entry for a code wins, as `Pack.district(_:)` finds it.
        for district in pack?.districts ?? [] where names[district.code] == nil { names[district.code] = district.name }
        byCode = names
    }

    /// The unit's name (its code when the pack does not know it).
    func name(_ code: String) -> MessageArgument {
        .localized(byCode[code] ?? LocalizedText(zh: code, en: code))
    }

    func text(_ code: String, _ language: Language) -> String { byCode[code]?[language] ?? code }

    /// `名称(代码)、…` in Chinese, `Name (code), …` in English.
    func list(_ codes: [String]) -> MessageArgument {
        .joined(codes.map { .message(Message(.unitWithCode, ["name": name($0), "code": .text($0)])) }, separator: .enumeration)
    }
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
