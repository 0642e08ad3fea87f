/// The words a pack's plan uses for its reporting units and for the whole they make up: a city's 区县 and 全市,
/// a province's 市 and 全省, a nation's 省 and 全国. Every output says these words instead of fixed ones, so the
/// engine and the reports speak of the pack's own jurisdiction.
///
/// Message templates and document texts name them with placeholders, filled by `fill(_:in:count:)`:
/// `{unit}` (district / 区县), `{units}` (districts / 区县; singular when the message's count is 1),
/// `{whole}` (city / 全市), and the capitalised `{Unit}`, `{Units}`, `{Whole}` to start an English sentence.
public struct Vocabulary: Sendable, Hashable {
    /// One reporting unit: Chinese, English singular and English plural.
    public var unit: Noun
    /// The whole the units make up, as the plan says it before 合计 (全市, 全省) and as an English noun (city, province).
    public var whole: Noun

    public struct Noun: Sendable, Hashable {
        public var zh: String
        public var en: String
        public var enPlural: String

        public init(zh: String, en: String, enPlural: String? = nil) {
            self.zh = zh
            self.en = en
            self.enPlural = enPlural ?? en
        }
    }

    public init(unit: Noun, whole: Noun) {
        self.unit = unit
        self.whole = whole
    }

    /// The words of a pack that declares none: plain terms that fit any jurisdiction.
    public static let neutral = Vocabulary(
        unit: Noun(zh: "报送单位", en: "reporting unit", enPlural: "reporting units"),
        whole: Noun(zh: "全域", en: "jurisdiction"))

    /// The placeholders `fill` knows, for tests and for the catalogue check.
    public static let placeholders: Set<String> = ["unit", "units", "Unit", "Units", "whole", "Whole"]

    /// The word a placeholder stands for, or nil when `name` is not one of `placeholders`. `count` chooses the
    /// English singular for `{units}` when it is exactly 1.
    public func word(_ name: String, in language: Language, count: Int? = nil) -> String? {
        let word: String
        switch (name.lowercased(), language) {
        case ("unit", .zh), ("units", .zh): word = unit.zh
        case ("whole", .zh): word = whole.zh
        case ("unit", .en): word = unit.en
        case ("units", .en): word = count == 1 ? unit.en : unit.enPlural
        case ("whole", .en): word = whole.en
        default: return nil
        }
        guard language == .en, name.first?.isUppercase == true, let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// `template` with every vocabulary placeholder replaced; other `{…}` are left as they are.
    public func fill(_ template: String, in language: Language, count: Int? = nil) -> String {
        Placeholders.fill(template) { word($0, in: language, count: count) }
    }

    /// The same text in both languages with the placeholders filled.
    public func fill(zh: String, en: String, in language: Language, count: Int? = nil) -> String {
        fill(language == .zh ? zh : en, in: language, count: count)
    }
}
