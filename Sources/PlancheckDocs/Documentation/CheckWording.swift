import PlancheckRules
import PlancheckValues

/// A rule's check in words, for people who do not read rule files: `地区生产总值增长 ≥ 5.5%`, a band with its
/// edges, a share of two named indicators. Used by the Markdown reference, `plancheck explain` and templates.
///
/// The wording is built from the parsed check, never from the rule's prose, so that it cannot drift from what
/// the engine does. Fixed words live here in both languages (they are documentation, not findings).
public enum CheckWording {
    /// The whole check in one line, e.g. `规模以上工业增加值增长 约 5%（区间 4.5% 至 5.5%，容差 0.5个百分点；只有低于区间下限为不达标）`.
    public static func check(_ rule: Rule, pack: Pack, language: Language) -> String {
        switch rule.check {
        case .notCheckable(let reason):
            return (language == .zh ? "不作检查：" : "not checked: ") + reason[language]
        case .compare(let comparison):
            let value = expression(comparison.value.expression, pack: pack, language: language)
            return value + " " + requirement(comparison, pack: pack, language: language)
        }
    }

    /// What the value must satisfy, without the value: `≥ 5.5%`, `> 固定资产投资增长（全市）= 6%` (the pack's word for its whole).
    /// Templates use it after an indicator's name.
    public static func requirement(_ comparison: Comparison, pack: Pack, language: Language) -> String {
        let zh = language == .zh
        let target = expression(comparison.target.expression, pack: pack, language: language)
        let tolerance = comparison.tolerance
        let toleranceNote: String = {
            guard let tolerance else { return "" }
            let amount = toleranceText(tolerance, language: language)
            return zh ? "（容差 \(amount)：差距在容差内记为“容差内通过”）" : " (tolerance \(amount): a miss within it is \"passed within tolerance\")"
        }()
        switch comparison.relation {
        case .atLeast: return "≥ " + target + toleranceNote
        case .moreThan: return "> " + target + toleranceNote
        case .atMost: return "≤ " + target + toleranceNote
        case .lessThan: return "< " + target + toleranceNote
        case .equals: return "= " + target + toleranceNote
        case .decreaseAtLeast:
            return "≤ −" + target + (zh ? "（至少下降 \(target)）" : " (a decrease of at least \(target))") + toleranceNote
        case .about(let sides):
            let effective = tolerance ?? defaultTolerance(for: comparison.target.expression, pack: pack)
            let amount = toleranceText(effective, language: language)
            var band = ""
            if let (low, high) = bandEdges(comparison.target.expression, effective) {
                band = zh ? "区间 \(low) 至 \(high)，" : "band \(low) to \(high), "
            }
            let edge: String
            switch sides {
            case .lower: edge = zh ? "只有低于区间下限为不达标" : "only falling below the band fails"
            case .upper: edge = zh ? "只有高于区间上限为不达标" : "only rising above the band fails"
            case .both: edge = zh ? "高于或低于区间均为不达标" : "falling outside the band on either side fails"
            }
            let source = tolerance == nil ? (zh ? "规则包默认容差 " : "the pack's default tolerance ") : (zh ? "容差 " : "tolerance ")
            return (zh ? "约 " : "about ") + target + (zh ? "（" : " (") + band + source + amount
                + (zh ? "；" : "; ") + edge + (zh ? "）" : ")")
        case .inStepWith(let sides):
            let amount = tolerance.map { toleranceText($0, language: language) } ?? "0"
            switch sides {
            case .lower:
                return zh ? "≥ \(target) − \(amount)（与之同步；高出不算不达标）"
                    : "≥ \(target) − \(amount) (in step with it; higher is fine)"
            case .upper:
                return zh ? "≤ \(target) + \(amount)（与之同步；低于不算不达标）"
                    : "≤ \(target) + \(amount) (in step with it; lower is fine)"
            case .both:
                return zh ? "与 \(target) 同步（相差不超过 \(amount)）" : "in step with \(target) (within \(amount) of it)"
            }
        }
    }

    /// The compact form templates put after an indicator: `≥ 5.5%`, `全市合计 ≥ 14.8万人`.
    public static func shortRequirement(_ rule: Rule, for key: String, pack: Pack, language: Language) -> String? {
        guard case .compare(let comparison) = rule.check else { return nil }
        let value = comparison.value.expression
        if case .path(let path) = value, path.qualifier == nil, path.components == [key] {
            return compact(comparison, pack: pack, language: language)
        }
        if case .call(let call) = value, call.function == .sum, call.arguments.count == 1,
           case .path(let path) = call.arguments[0], path.qualifier == nil, path.components == [key] {
            return pack.vocabulary.fill(zh: "{whole}合计 ", en: "{whole} total ", in: language)
                + compact(comparison, pack: pack, language: language)
        }
        return nil
    }

    private static func compact(_ comparison: Comparison, pack: Pack, language: Language) -> String {
        let target = expression(comparison.target.expression, pack: pack, language: language)
        switch comparison.relation {
        case .atLeast: return "≥ " + target
        case .moreThan: return "> " + target
        case .atMost: return "≤ " + target
        case .lessThan: return "< " + target
        case .equals: return "= " + target
        case .decreaseAtLeast: return "≤ −" + target
        case .about:
            let effective = comparison.tolerance ?? defaultTolerance(for: comparison.target.expression, pack: pack)
            return (language == .zh ? "约 " : "about ") + target + " ± " + toleranceText(effective, language: language)
        case .inStepWith:
            return (language == .zh ? "与 " : "in step with ") + target + (language == .zh ? " 同步" : "")
        }
    }

    // MARK: Expressions

    /// An expression with indicator keys replaced by their names: `share(a, b)` → `民生支出占一般公共预算支出的比重`.
    public static func expression(_ expression: Expression, pack: Pack, language: Language) -> String {
        let zh = language == .zh
        switch expression {
        case .number(let literal):
            return number(literal, language: language)
        case .path(let path):
            let key = path.field.joined(separator: ".")
            let name = pack.indicator(key)?.name[language] ?? key
            guard let qualifier = path.qualifier else { return name }
            let label = Message(qualifier.labelKey, ["name": .text(name)]).rendered(in: language, vocabulary: pack.vocabulary)
            if qualifier == .city, let figure = pack.cityFigures[key] {
                return label + " = " + QuantityText.display(figure.quantity, in: language)
            }
            return label
        case .unary(let unary):
            let operand = self.expression(unary.operand, pack: pack, language: language)
            let wrapped = needsParentheses(unary.operand) ? "(\(operand))" : operand
            return unary.operator == .negate ? "−" + wrapped : (zh ? "非 " : "not ") + wrapped
        case .binary(let binary):
            let symbol: String
            switch binary.operator {
            case .add: symbol = "+"
            case .subtract: symbol = "−"
            case .multiply: symbol = "×"
            case .divide: symbol = "÷"
            }
            return operand(binary.left, pack: pack, language: language) + " \(symbol) "
                + operand(binary.right, pack: pack, language: language)
        case .call(let call):
            func words(zh: String, en: String) -> String { pack.vocabulary.fill(zh: zh, en: en, in: language) }
            let arguments = call.arguments.map { self.expression($0, pack: pack, language: language) }
            switch (call.function, arguments.count) {
            case (.share, 2):
                return Message(.describeShare, ["part": .text(arguments[0]), "whole": .text(arguments[1])])
                    .rendered(in: language, vocabulary: pack.vocabulary)
            case (.sum, 1): return words(zh: "各{unit}\(arguments[0])合计", en: "total of \(arguments[0]) over the {units}")
            case (.mean, 1): return words(zh: "各{unit}\(arguments[0])平均值", en: "mean of \(arguments[0]) over the {units}")
            case (.count, 1): return words(zh: "填报\(arguments[0])的{unit}数", en: "number of {units} reporting \(arguments[0])")
            case (.min, 1): return words(zh: "各{unit}\(arguments[0])最小值", en: "smallest \(arguments[0]) of the {units}")
            case (.max, 1): return words(zh: "各{unit}\(arguments[0])最大值", en: "largest \(arguments[0]) of the {units}")
            case (.min, _): return zh ? "\(arguments.joined(separator: "、"))中的较小者" : "the smaller of \(arguments.joined(separator: ", "))"
            case (.max, _): return zh ? "\(arguments.joined(separator: "、"))中的较大者" : "the larger of \(arguments.joined(separator: ", "))"
            case (.abs, 1): return "|\(arguments[0])|"
            default: return call.function.rawValue + "(" + arguments.joined(separator: ", ") + ")"
            }
        case .comparison, .logical:
            // Checks use the relation keys; a raw condition is shown as written, which is still exact.
            return expression.description
        }
    }

    private static func operand(_ expression: Expression, pack: Pack, language: Language) -> String {
        let text = self.expression(expression, pack: pack, language: language)
        return needsParentheses(expression) ? "(\(text))" : text
    }

    private static func needsParentheses(_ expression: Expression) -> Bool {
        switch expression {
        case .binary, .comparison, .logical: return true
        default: return false
        }
    }

    private static func number(_ literal: NumberLiteral, language: Language) -> String {
        guard let unit = literal.unit else { return literal.raw }
        if unit == "pp" || unit == "百分点" || unit == "个百分点" {
            return language == .zh ? literal.raw + "个百分点" : literal.raw + " pp"
        }
        return literal.raw + unit
    }

    // MARK: Tolerances and bands

    public static func toleranceText(_ tolerance: Tolerance, language: Language) -> String {
        switch tolerance {
        case .points(let points):
            return language == .zh ? "\(points)个百分点" : "\(points) pp"
        case .relative(let fraction):
            let percent = fraction.scaled(byPowerOfTen: 2)?.description ?? fraction.description
            return language == .zh ? "目标值的\(percent)%" : "\(percent)% of the target"
        case .absolute(let amount):
            return amount.description
        }
    }

    /// The tolerance an `about` check without its own uses, as the engine chooses it for the target's unit.
    static func defaultTolerance(for target: Expression, pack: Pack) -> Tolerance {
        pack.defaultTolerance(for: .about(.both), unit: pack.statedUnit(of: target) ?? .dimensionless)
            ?? pack.defaultAboutTolerance.other
    }

    /// The edges of a band around a literal target, exactly: 5% ± 0.5 points → (4.5%, 5.5%).
    static func bandEdges(_ target: Expression, _ tolerance: Tolerance) -> (String, String)? {
        guard case .number(let literal) = target, let value = ExactDecimal(parsing: literal.raw) else { return nil }
        let unit = literal.unit ?? ""
        let amount: ExactDecimal?
        switch tolerance {
        case .points(let points): amount = unit == "%" ? points : nil
        case .relative(let fraction): amount = value.multiplying(by: fraction)
        case .absolute(let quantity):
            amount = quantity.unit.symbol == unit || (quantity.unit.isDimensionless && unit.isEmpty) ? quantity.value : nil
        }
        guard let amount, let low = value.subtracting(amount), let high = value.adding(amount) else { return nil }
        return (low.description + unit, high.description + unit)
    }

    // MARK: Scope, applicability, severity

    public static func scope(_ rule: Rule, pack: Pack, language: Language) -> String {
        switch rule.scope {
        case .district:
            return pack.vocabulary.fill(zh: "逐{unit}检查（各{unit}自身的计划数）", en: "each {unit} (its own planned figure)",
                                        in: language)
        case .city:
            return pack.vocabulary.fill(zh: "{whole}合计（对适用{unit}汇总后检查）",
                                        en: "{whole} total (aggregated over the applicable {units})", in: language)
        }
    }

    public static func applicability(_ rule: Rule, pack: Pack, language: Language) -> String {
        let separator = language == .zh ? "、" : ", "
        switch rule.appliesTo {
        case .all:
            return pack.vocabulary.fill(zh: "全部{unit}", en: "all {units}", in: language)
        case .kinds(let kinds):
            return kinds.map { kind in pack.districtKinds.first { $0.id == kind }?.name[language] ?? kind }
                .joined(separator: separator)
        case .districts(let codes):
            return codes.map { code in pack.district(code).map { "\($0.name[language]) \(code)" } ?? code }
                .joined(separator: separator)
        }
    }

    public static func severity(_ severity: Severity, language: Language) -> String {
        switch (severity, language) {
        case (.error, .zh): return "错误（必须达到）"
        case (.error, .en): return "error (mandatory)"
        case (.warning, .zh): return "警告（力争目标，未达到时提醒）"
        case (.warning, .en): return "warning (aspirational: a miss is a warning)"
        case (.note, .zh): return "提示"
        case (.note, .en): return "note"
        }
    }

    public static func kind(_ kind: IndicatorKind, language: Language) -> String {
        switch (kind, language) {
        case (.growth, .zh): return "增长率（较基年，%）"
        case (.growth, .en): return "growth rate (% on the base year)"
        case (.level, .zh): return "总量（带单位）"
        case (.level, .en): return "level (an amount with a unit)"
        case (.share, .zh): return "比重（%）"
        case (.share, .en): return "share (%)"
        case (.count, .zh): return "数量"
        case (.count, .en): return "count"
        case (.rank, .zh): return "排名（越小越好）"
        case (.rank, .en): return "rank (lower is better)"
        case (.index, .zh): return "指数（无单位）"
        case (.index, .en): return "index (a plain number)"
        }
    }

    /// The plan citation: `第二部分 主要预期目标`, `第三部分 (三)… 第11项` (`Citation.place`, which the reports use too).
    public static func citation(_ citation: Citation, language: Language) -> String {
        citation.place(language: language)
    }

    /// The indicator keys a rule reads from district figures (not `city.`, `prev.` or `quota.` paths).
    public static func indicatorKeys(of rule: Rule) -> [String] {
        guard case .compare(let comparison) = rule.check else { return [] }
        var keys: [String] = []
        func walk(_ expression: Expression) {
            if case .path(let path) = expression, path.qualifier == nil {
                let key = path.field.joined(separator: ".")
                if !keys.contains(key) { keys.append(key) }
            }
            expression.children.forEach(walk)
        }
        walk(comparison.value.expression)
        walk(comparison.target.expression)
        return keys
    }
}
