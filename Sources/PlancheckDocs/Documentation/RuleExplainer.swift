import PlancheckRules

/// `plancheck explain ID`: one rule in words — its citation and verbatim clause, the reading, the check, and one
/// of the pack's own examples written as the piece of a submission it stands for.
public enum RuleExplainer {
    public static func text(_ rule: Rule, pack: Pack, language: Language) -> String {
        let zh = language == .zh
        let label: (String, String) -> String = { chinese, english in zh ? chinese + "：" : english + ": " }
        var lines = ["\(rule.id)  \(rule.title[language])"]
        lines.append(label("出处", "Citation") + CheckWording.citation(rule.citation, language: language))
        lines.append((rule.citation.decision == nil ? label("计划原文", "Plan text") : label("决定原文", "Decision text"))
                     + "“\(rule.citation.clause)”")
        lines.append(label("限定词", "Qualifier") + (rule.qualifier ?? (zh ? "无" : "none")))
        if let reading = rule.reading { lines.append(label("解读", "Reading") + reading[language]) }
        lines.append(label("范围", "Scope") + CheckWording.scope(rule, pack: pack, language: language))
        lines.append(label("适用", "Applies to") + CheckWording.applicability(rule, pack: pack, language: language))
        lines.append(label("级别", "Severity") + CheckWording.severity(rule.severity, language: language))
        switch rule.check {
        case .compare(let comparison):
            lines.append(label("检查", "Check") + CheckWording.check(rule, pack: pack, language: language))
            var written = "value: \(comparison.value.text), \(comparison.relation.key): \(comparison.target.text)"
            if let tolerance = comparison.tolerance {
                written += ", tolerance: " + CheckWording.toleranceText(tolerance, language: language)
            }
            lines.append(label("规则写法", "As written") + written)
        case .notCheckable(let reason):
            lines.append(label("不作检查", "Not checkable") + reason[language])
        }
        if let documentation = pack.documentation {
            lines.append(label("参考文档", "Reference") + documentation + "#" + RuleReference.anchor(rule.id))
        }
        if let example = chosenExample(rule) {
            lines.append("")
            lines.append(label("示例", "Example") + expectation(example.expect, language: language)
                + (zh ? "（规则包自带示例，共 \(rule.examples.count) 个；`plancheck rules test` 运行全部示例）"
                    : " (one of the rule's \(rule.examples.count) example(s) in the pack; `plancheck rules test` runs them all)"))
            lines += snippet(example, rule: rule, pack: pack, language: language).map { "    " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A failing example teaches most (it shows where the line is); otherwise the first one.
    static func chosenExample(_ rule: Rule) -> RuleExample? {
        rule.examples.first { $0.expect == .fail } ?? rule.examples.first
    }

    static func expectation(_ expect: RuleExample.Expectation, language: Language) -> String {
        switch (expect, language) {
        case (.pass, .zh): return "通过"
        case (.pass, .en): return "passes"
        case (.passWithinTolerance, .zh): return "容差内通过"
        case (.passWithinTolerance, .en): return "passes within tolerance"
        case (.fail, .zh): return "不达标"
        case (.fail, .en): return "fails"
        case (.notEvaluated, .zh): return "未评估"
        case (.notEvaluated, .en): return "not evaluated"
        }
    }

    /// The example as submission YAML: one file's `submission:` and `indicators:` per district it names.
    static func snippet(_ example: RuleExample, rule: Rule, pack: Pack, language: Language) -> [String] {
        let applicable = pack.districts.filter { rule.applies(toDistrict: $0.code, kind: $0.kind) }
        var lines: [String] = []
        for (position, entry) in example.districts.enumerated() {
            // The same choice RuleExamples makes for an example that names no district.
            let district = entry.code.flatMap { pack.district($0) }
                ?? (position < applicable.count ? applicable[position] : applicable.first)
            if position > 0 { lines.append("---") }
            if let district {
                lines.append("submission:")
                lines.append("  district: \(YAMLSnippet.quoted(district.code))  # \(district.name[language])")
                lines.append("  year: \(pack.plan.year)")
            }
            lines.append("indicators:")
            lines += YAMLSnippet.figureLines(entry.figures, pack: pack, language: language)
            // The previous-year figures the example gives are the submission's `previous:` section.
            if let previous = example.previous.first(where: { $0.code == nil || $0.code == district?.code }) {
                lines.append("previous:")
                lines += YAMLSnippet.figureLines(previous.figures, pack: pack, language: language)
            }
        }
        if rule.scope == .city {
            lines.append(pack.vocabulary.fill(language == .zh
                ? (example.complete ? "# 以上{unit}视为完整集合" : "# {unit}集合不完整：{whole}合计未评估")
                : (example.complete ? "# these {units} are taken as the complete set" : "# an incomplete set of {units}: the {whole} total is not evaluated"), in: language))
        }
        return lines
    }
}
