import PlancheckRules

/// Looking up what a user typed on the command line (`explain ID`, `init --district CODE`), with the same
/// did-you-mean suggestions the loaders give for files.
public enum PackLookup {
    /// A rule by id, ignoring case (ids are upper case, people type lower case).
    public static func rule(_ id: String, in pack: Pack) -> Rule? {
        pack.rule(id) ?? pack.rules.first { $0.id.lowercased() == id.lowercased() }
    }

    public static func closestRuleID(to id: String, in pack: Pack) -> String? {
        Suggestions.closest(to: id.uppercased(), in: pack.rules.map(\.id))
    }

    public enum DistrictAnswer: Sendable {
        case found(District)
        /// A code no longer in use, with the unit that replaced it when the pack says.
        case retired(RetiredCode, replacement: District?)
        /// Unknown; `suggestion` is the nearest known code when one is close enough.
        case unknown(suggestion: District?)
    }

    /// A district by code, or by its exact Chinese or English name or a former name (people type names too).
    public static func district(_ text: String, in pack: Pack) -> DistrictAnswer {
        let trimmed = text.trimmingSpaces()
        if let district = pack.district(trimmed) { return .found(district) }
        if let retired = pack.retiredCodes.first(where: { $0.code == trimmed }) {
            return .retired(retired, replacement: retired.replacedBy.flatMap { pack.district($0) })
        }
        if let district = pack.districts.first(where: {
            $0.name.zh == trimmed || $0.name.en.lowercased() == trimmed.lowercased()
                || $0.formerNames.contains { $0.zh == trimmed }
        }) {
            return .found(district)
        }
        let suggestion = Suggestions.closest(to: trimmed, in: pack.districts.map(\.code)).flatMap { pack.district($0) }
        return .unknown(suggestion: suggestion)
    }

    /// "210102 和平区, 210103 沈河区, …" for messages that list the registry.
    public static func districtList(_ pack: Pack, language: Language) -> String {
        pack.districts.map { "\($0.code) \($0.name[language])" }.joined(separator: language == .zh ? "、" : ", ")
    }
}
