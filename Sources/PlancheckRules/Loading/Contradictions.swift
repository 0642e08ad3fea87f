import PlancheckValues

/// Finds rules that no submission could satisfy together: for one indicator and one district, a lower bound
/// above an upper bound (x ≥ 6% and x ≤ 5%). Only simple rules take part: a plain indicator against a constant.
enum Contradictions {
    private struct Bound {
        var rule: Rule
        var value: ExactDecimal
        var strict: Bool
    }

    static func find(in pack: Pack, sink: DiagnosticSink) {
        var lowers: [String: [Bound]] = [:]
        var uppers: [String: [Bound]] = [:]
        for rule in pack.rules where rule.scope == .district {
            guard case .compare(let comparison) = rule.check,
                  case .path(let path) = comparison.value.expression, path.qualifier == nil,
                  case .number(let literal) = comparison.target.expression,
                  let indicator = pack.indicator(path.field.joined(separator: ".")),
                  let raw = try? ExpressionQuantities.quantity(of: literal) else { continue }
            let target = raw.unit == .dimensionless ? Quantity(value: raw.value, unit: indicator.unit) : raw
            guard let value = (try? target.converted(to: indicator.unit))?.value else { continue }
            switch comparison.relation {
            case .atLeast: lowers[indicator.key, default: []].append(Bound(rule: rule, value: value, strict: false))
            case .moreThan: lowers[indicator.key, default: []].append(Bound(rule: rule, value: value, strict: true))
            case .atMost: uppers[indicator.key, default: []].append(Bound(rule: rule, value: value, strict: false))
            case .lessThan: uppers[indicator.key, default: []].append(Bound(rule: rule, value: value, strict: true))
            case .equals:
                lowers[indicator.key, default: []].append(Bound(rule: rule, value: value, strict: false))
                uppers[indicator.key, default: []].append(Bound(rule: rule, value: value, strict: false))
            case .decreaseAtLeast:
                uppers[indicator.key, default: []].append(Bound(rule: rule, value: value.negated, strict: false))
            case .about, .inStepWith:
                continue
            }
        }
        var reported: Set<String> = []
        // Rules already named in a report. A pair is reported only when it names a rule not named yet, so the
        // reports grow with the rules, not with their pairs: 400 lower and 400 upper bounds that all clash would
        // otherwise give 160,000 findings (a hostile or generated pack could make millions).
        var named: Set<String> = []
        for (key, lowerBounds) in lowers.sorted(by: { $0.key < $1.key }) {
            for lower in lowerBounds {
                for upper in uppers[key] ?? [] where lower.rule.id != upper.rule.id {
                    guard !named.contains(lower.rule.id) || !named.contains(upper.rule.id) else { continue }
                    let clash = lower.value > upper.value || (lower.value == upper.value && (lower.strict || upper.strict))
                    guard clash else { continue }
                    let districts = pack.districts.filter {
                        lower.rule.applies(toDistrict: $0.code, kind: $0.kind) && upper.rule.applies(toDistrict: $0.code, kind: $0.kind)
                    }
                    guard !districts.isEmpty else { continue }
                    let pair = [lower.rule.id, upper.rule.id].sorted().joined(separator: "|")
                    guard reported.insert(pair).inserted else { continue }
                    named.insert(lower.rule.id)
                    named.insert(upper.rule.id)
                    let later = lower.rule.location.span.start < upper.rule.location.span.start
                        && lower.rule.location.file.path == upper.rule.location.file.path ? upper : lower
                    let other = later.rule.id == upper.rule.id ? lower : upper
                    sink.report(.contradiction, .error, Message(.contradiction, [
                        "rule": .text(later.rule.id), "other": .text(other.rule.id), "key": .text(key),
                        "districts": .text(districts.map(\.name.zh).joined(separator: "、"))]),
                                at: later.rule.location,
                                notes: [Diagnostic.Note(Message(.noteOtherRuleHere, [
                                    "rule": .text(other.rule.id), "location": .path(other.rule.location.description)]),
                                                        at: other.rule.location)])
                }
            }
        }
    }
}
