/// `plancheck explain ID`: a rule in words.
public enum RuleExplanation {
    public static func text(_ rule: Rule, pack: Pack, language: Language) -> String {
        let zh = language == .zh
        var lines = ["\(rule.id)  \(rule.title[language])"]
        lines.append((zh ? "计划原文：" : "Plan: ") + TextReporter(useColor: false).citation(rule, language: language))
        if let qualifier = rule.qualifier { lines.append((zh ? "限定词：" : "Qualifier: ") + qualifier) }
        if let reading = rule.reading { lines.append((zh ? "解读：" : "Reading: ") + reading[language]) }
        let scope: String
        switch rule.scope {
        case .district: scope = zh ? "逐区县检查" : "each district"
        case .city: scope = zh ? "全市合计（对各区县汇总）" : "city total over all districts"
        }
        lines.append((zh ? "范围：" : "Scope: ") + scope)
        switch rule.appliesTo {
        case .all: break
        case .kinds(let kinds):
            let names = kinds.map { kind in pack.districtKinds.first { $0.id == kind }?.name[language] ?? kind }
            lines.append((zh ? "适用：" : "Applies to: ") + names.joined(separator: ", "))
        case .districts(let codes):
            lines.append((zh ? "适用：" : "Applies to: ") + codes.joined(separator: ", "))
        }
        lines.append((zh ? "级别：" : "Severity: ") + rule.severity.rawValue)
        switch rule.check {
        case .compare(let comparison):
            var check = "\(comparison.value.text) \(comparison.relation.key) \(comparison.target.text)"
            if let tolerance = comparison.tolerance { check += "  (tolerance \(tolerance))" }
            lines.append((zh ? "检查：" : "Check: ") + check)
        case .notCheckable(let reason):
            lines.append((zh ? "无法检查：" : "Not checkable: ") + reason[language])
        }
        for example in rule.examples {
            lines.append((zh ? "示例：" : "Example: ") + "\(example.expect.rawValue) @ \(example.location.description)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
