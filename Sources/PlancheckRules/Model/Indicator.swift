import PlancheckValues

/// What a figure measures. The kind decides defaults (e.g. the `about` tolerance) and what a sensible value is.
public enum IndicatorKind: String, Sendable, CaseIterable {
    /// A change against a base year, in percent.
    case growth
    /// An amount with a unit (亿元, 万人, 万平方米, ...).
    case level
    /// A proportion, in percent.
    case share
    /// A number of things (个, 户, 项, ...).
    case count
    /// A position in a ranking (lower is better).
    case rank
    /// A plain number without a unit.
    case index
}

/// An entry of the pack's indicator catalogue.
public struct Indicator: Sendable {
    /// The stable ASCII key submissions use (`gdp_growth`).
    public var key: String
    /// The exact Chinese and English names; a submission may also use the exact Chinese name as its key.
    public var name: LocalizedText
    public var kind: IndicatorKind
    public var unit: Unit
    public var baseYear: Int?
    /// District kinds that must submit this indicator; empty means optional for everyone.
    public var requiredFor: [String]
    /// Other spellings of this same indicator: suggested as the key, never accepted silently.
    public var aliases: [String]
    /// Names phrased as the opposite change (单位地区生产总值能耗下降 for a signed change): accepted as the key, the
    /// figure read with its sign flipped (a decline of 2.5% is a change of −2.5%), which the report notes.
    public var declineNames: [String] = []
    /// The values a unit's figure can believably take, and how far it can move from the year before: outside, the
    /// figure is read but a warning names the likely misreading (16000 for 万人).
    public var plausible: PlausibleRange?
    /// Names of different indicators that are easily confused with this one.
    public var notToConfuse: [ConfusableName]
    public var description: LocalizedText?

    public func isRequired(forKind kind: String) -> Bool { requiredFor.contains(kind) }
}

/// An indicator's believable figures: both edges in the indicator's unit (either may be open), and the largest ratio
/// between this year's figure and the year before's, in either direction.
public struct PlausibleRange: Sendable {
    public var min: Quantity?
    public var max: Quantity?
    public var maxRatioToPrevious: ExactDecimal?

    public init(min: Quantity?, max: Quantity?, maxRatioToPrevious: ExactDecimal?) {
        self.min = min
        self.max = max
        self.maxRatioToPrevious = maxRatioToPrevious
    }

    public func contains(_ quantity: Quantity) -> Bool {
        if let min, quantity.value < min.value { return false }
        if let max, quantity.value > max.value { return false }
        return true
    }
}

public struct ConfusableName: Sendable {
    public var name: String
    public var note: LocalizedText?
}
