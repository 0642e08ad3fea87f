import PlancheckRules

/// Which rules read an indicator, and what they ask of it in a few words — for the template comments and the
/// schema's hover texts ("≥ 5.5% (SY25-M01)").
public enum IndicatorUse {
    public struct Use: Sendable {
        public var rule: Rule
        /// `≥ 5.5%`, `全市合计 ≥ 14.8万人`, or the rule's title when the check is not a simple bound on the figure.
        public var requirement: String
    }

    /// The checkable rules that read `key`, in pack order; with `district`, only the rules that apply to it.
    public static func uses(of key: String, pack: Pack, district: District? = nil, language: Language) -> [Use] {
        pack.rules.compactMap { rule in
            guard case .compare = rule.check, CheckWording.indicatorKeys(of: rule).contains(key) else { return nil }
            if let district, !rule.applies(toDistrict: district.code, kind: district.kind) { return nil }
            let requirement = CheckWording.shortRequirement(rule, for: key, pack: pack, language: language)
                ?? rule.title[language]
            return Use(rule: rule, requirement: requirement)
        }
    }

    /// `≥ 5.5% (SY25-M01)；≥ 6% (SY25-S10-01)`.
    public static func summary(_ uses: [Use], language: Language) -> String {
        uses.map { "\($0.requirement) (\($0.rule.id))" }.joined(separator: language == .zh ? "；" : "; ")
    }

    /// The district kinds' names, for "required for": `市辖区、县域`.
    public static func kindNames(_ kinds: [String], pack: Pack, language: Language) -> String {
        kinds.map { kind in pack.districtKinds.first { $0.id == kind }?.name[language] ?? kind }
            .joined(separator: language == .zh ? "、" : ", ")
    }
}
