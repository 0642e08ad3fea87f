// Units of plan figures: a base dimension and a Chinese power-of-ten magnitude.
//
// Plans write magnitudes into the unit (亿元, 万人, 万亩), so a unit here is a base plus an exponent of ten:
// 亿元 is (元, 8) and 14.8万人 is 14.8 × 10^4 人. Conversions between magnitudes of one base are then exact
// shifts of the decimal point. The set of bases is open (any text is a base): only the magnitude prefixes
// and the percent forms are special, so the engine knows nothing about any one city's indicators.

/// A unit: a base dimension scaled by a power of ten, plus the text it was written as.
///
/// Two units are equal when base and exponent are equal; `symbol` is for display only, so `万元` written
/// with a space in between is still `万元`. Percent is the dimensionless base at exponent −2 (75% = 0.75),
/// while percentage points (百分点) have a base of their own, so that 5.5% and 0.5个百分点 can never be
/// confused or silently added the wrong way.
public struct Unit: Sendable, CustomStringConvertible {
    /// The base dimension: `元`, `人`, `亩`, `元/人`…; `""` for dimensionless numbers and percentages.
    public let base: String
    /// The power of ten: 4 for 万, 8 for 亿, −2 for %.
    public let exponent: Int
    /// How the unit was written, for display (`亿元`, `％` normalised to `%`, `个百分点`).
    public let symbol: String

    /// The base of percentage points (百分点), a dimension of its own: the difference between two rates.
    public static let percentagePointBase = "百分点"

    /// Creates a unit; without a symbol, one is composed from the exponent and base (`(元, 4)` → `万元`).
    public init(base: String, exponent: Int = 0, symbol: String? = nil) {
        self.base = base
        self.exponent = exponent
        self.symbol = symbol ?? Self.composeSymbol(base: base, exponent: exponent)
    }

    public static let dimensionless = Unit(base: "", exponent: 0, symbol: "")
    public static let percent = Unit(base: "", exponent: -2, symbol: "%")
    public static let permille = Unit(base: "", exponent: -3, symbol: "‰")
    public static let percentagePoints = Unit(base: percentagePointBase, exponent: -2, symbol: "百分点")

    public var description: String { symbol }

    /// Whether quantities in this unit can be converted to `other` (same base, any magnitude).
    public func isConvertible(to other: Unit) -> Bool { base == other.base }

    public var isDimensionless: Bool { base.isEmpty }
    public var isPercentagePoints: Bool { base == Self.percentagePointBase }
    /// % or ‰: a dimensionless rate as plans write growth and shares.
    public var isPercentOrPermille: Bool { base.isEmpty && (exponent == -2 || exponent == -3) }

    /// The same unit with a display symbol composed from base and exponent.
    public var canonicalized: Unit { Unit(base: base, exponent: exponent) }

    // MARK: Magnitudes

    /// Chinese magnitude prefixes, longest first so that 万亿 wins over 万 and 千万 over 千.
    static let magnitudePrefixes: [(text: String, exponent: Int)] = [
        ("万亿", 12), ("亿", 8), ("千万", 7), ("百万", 6), ("十万", 5), ("万", 4), ("千", 3), ("百", 2),
    ]

    private static let fixedForms: [(text: String, unit: Unit)] = [
        ("", .dimensionless), ("无", .dimensionless), ("%", .percent), ("‰", .permille),
        ("百分点", .percentagePoints), ("个百分点", .percentagePoints), ("pp", .percentagePoints),
        ("pct", .percentagePoints), ("p.p.", .percentagePoints),
    ]

    private static func equalIgnoringASCIICase(_ lhs: String.UTF8View, _ rhs: String.UTF8View) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (left, right) in zip(lhs, rhs) where left != right {
            let lowerLeft = left >= UInt8(ascii: "A") && left <= UInt8(ascii: "Z") ? left | 0x20 : left
            if lowerLeft != right { return false }
        }
        return true
    }

    static let magnitudePrefixScalars: [(scalars: [Unicode.Scalar], exponent: Int)] =
        magnitudePrefixes.map { (Array($0.text.unicodeScalars), $0.exponent) }

    static func composeSymbol(base: String, exponent: Int) -> String {
        if base.isEmpty {
            switch exponent {
            case -2: return "%"
            case -3: return "‰"
            default: break
            }
        }
        if base == percentagePointBase, exponent == -2 { return "百分点" }
        let prefix: String
        switch exponent {
        case 0: prefix = ""
        case 12: prefix = "万亿"
        case 8: prefix = "亿"
        case 7: prefix = "千万"
        case 6: prefix = "百万"
        case 5: prefix = "十万"
        case 4: prefix = "万"
        case 3: prefix = "千"
        case 2: prefix = "百"
        default: prefix = "×10^\(exponent)" + (base.isEmpty ? "" : " ")
        }
        return prefix + base
    }

    // MARK: Parsing

    /// Reads a unit as written in a rule or a submission.
    ///
    /// - `%`/`％` → percent (dimensionless, −2); `‰` → permille (dimensionless, −3);
    /// - `百分点`/`个百分点`/`pp`/`pct` → percentage points (their own base, −2), checked before magnitudes
    ///   so that 百分点 is not read as 百 × 分点;
    /// - empty or `无` → dimensionless;
    /// - otherwise magnitude prefixes, longest first (万亿 12, 亿 8, 千万 7, 百万 6, 十万 5, 万 4, 千 3,
    ///   百 2; they may stack, as in 万千瓦 = 10^7 瓦) followed by a base; a prefix with nothing after it is
    ///   a pure magnitude of a dimensionless count (`万` → 10^4). 千瓦/千克/千米 read as 千 + 瓦 etc., which
    ///   is exactly what kilo means.
    ///
    /// Surrounding whitespace (including U+3000 and NBSP) is ignored and full-width ASCII forms are read
    /// as ASCII. Returns nil for text that cannot be a unit: containing digits, percent signs after a
    /// magnitude, whitespace inside the base, or sentence punctuation.
    public static func parse(_ text: String) -> Unit? {
        let written = normalizeWidth(trimmed(text))
        // Fixed forms, compared byte-wise: String's == on non-ASCII text pays for Unicode canonical
        // equivalence, which these ASCII/CJK literals never need.
        let bytes = written.utf8
        for form in fixedForms where equalIgnoringASCIICase(bytes, form.text.utf8) {
            return Unit(base: form.unit.base, exponent: form.unit.exponent, symbol: written)
        }
        // Scalar-wise matching: Character comparisons would run grapheme breaking on every step.
        var rest = Substring(written).unicodeScalars
        var exponent = 0
        matching: while true {
            for prefix in magnitudePrefixScalars where rest.starts(with: prefix.scalars) {
                exponent += prefix.exponent
                rest = rest.dropFirst(prefix.scalars.count)
                // Whitespace between magnitude and base (`万 人`) is tolerated.
                while let first = rest.first, isTrimmable(first) { rest = rest.dropFirst() }
                continue matching
            }
            break
        }
        guard let base = canonicalBase(Substring(rest)) else { return nil }
        return Unit(base: base, exponent: exponent, symbol: written)
    }

    /// Characters that never belong in a base: digits (a number where a unit should be), percent signs,
    /// whitespace and sentence punctuation. `/`, `·`, `(`, `)`, `²` and letters are allowed.
    static func isForbiddenInBase(_ scalar: Unicode.Scalar) -> Bool {
        // Shortcut for CJK ideographs, nearly every character of a Chinese unit (property lookups cost).
        if scalar.value >= 0x4E00, scalar.value <= 0x9FFF { return false }
        switch scalar {
        case "0"..."9", "%", "‰", "％", ".", ",", ";", ":", "!", "?", "+", "=", "<", ">", "\"", "'", "`",
             "。", "，", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "《", "》", "【", "】", "～", "~",
             "-", "_", "−", "＋", "０"..."９":
            return true
        default:
            return scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
        }
    }

    /// The base with compound forms put in one order (`元/人`, `人·年`), or nil if it contains characters
    /// no unit has.
    static func canonicalBase(_ text: Substring) -> String? {
        var compound = false
        for scalar in text.unicodeScalars {
            if isForbiddenInBase(scalar) { return nil }
            if scalar == "/" || scalar == "·" || scalar == "*" { compound = true }
        }
        guard compound else { return String(text) }
        // Compound: numerator factors, then one or more `/`-separated denominator groups.
        let groups = text.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = groups.first else { return nil }
        var numerator = factors(first)
        if numerator == ["1"] { numerator = [] }
        var denominator: [String] = []
        for group in groups.dropFirst() {
            let parts = factors(group)
            guard !parts.isEmpty else { return nil }  // `元/` or `元//人`
            denominator += parts
        }
        guard !(numerator.isEmpty && denominator.isEmpty) else { return nil }
        return composeBase(numerator: numerator, denominator: denominator)
    }

    private static func factors(_ group: Substring) -> [String] {
        var group = group
        if group.hasPrefix("("), group.hasSuffix(")"), group.count >= 2 { group = group.dropFirst().dropLast() }
        return group.split(whereSeparator: { $0 == "·" || $0 == "*" }).map(String.init).filter { !$0.isEmpty }
    }

    static func splitBase(_ base: String) -> (numerator: [String], denominator: [String]) {
        if base.isEmpty { return ([], []) }
        guard base.unicodeScalars.contains(where: { $0 == "/" || $0 == "·" }) else { return ([base], []) }
        let groups = base.split(separator: "/", omittingEmptySubsequences: false)
        var numerator = groups.first.map { factors($0) } ?? []
        if numerator == ["1"] { numerator = [] }
        return (numerator, groups.dropFirst().flatMap { factors($0) })
    }

    /// Cancels common factors and writes `a·b/(c·d)`, `a/c`, `1/c` or `a`; `""` when everything cancels.
    static func composeBase(numerator: [String], denominator written: [String]) -> String {
        var numerator = numerator
        var denominator: [String] = []
        for factor in written {
            if let index = numerator.firstIndex(of: factor) {
                numerator.remove(at: index)
            } else {
                denominator.append(factor)
            }
        }
        numerator.sort()
        denominator.sort()
        let top = numerator.isEmpty ? (denominator.isEmpty ? "" : "1") : numerator.joined(separator: "·")
        switch denominator.count {
        case 0: return top
        case 1: return top + "/" + denominator[0]
        default: return top + "/(" + denominator.joined(separator: "·") + ")"
        }
    }

    /// The base of a product of two quantities' units.
    static func productBase(_ lhs: String, _ rhs: String) -> String {
        let left = splitBase(lhs)
        let right = splitBase(rhs)
        return composeBase(numerator: left.numerator + right.numerator,
                           denominator: left.denominator + right.denominator)
    }

    /// The base of a quotient of two quantities' units.
    static func quotientBase(_ lhs: String, _ rhs: String) -> String {
        let left = splitBase(lhs)
        let right = splitBase(rhs)
        return composeBase(numerator: left.numerator + right.denominator,
                           denominator: left.denominator + right.numerator)
    }

    // MARK: Text helpers shared with the figure parser

    static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        // Shortcuts first: property lookups are slow next to these comparisons.
        if scalar.value > 0x20, scalar.value < 0x7F { return false }
        if scalar.value >= 0x4E00, scalar.value <= 0x9FFF { return false }
        // Word and Excel pastes bring NBSP, U+3000, zero-width spaces and byte-order marks along.
        return scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" || scalar == "\u{2060}"
    }

    static func trimmed(_ text: String) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmable($0) }),
              let last = scalars.lastIndex(where: { !isTrimmable($0) }) else { return "" }
        return Substring(scalars[first...last])
    }

    /// Full-width ASCII forms (U+FF01…U+FF5E) to ASCII; `％` becomes `%`.
    static func normalizeWidth(_ text: Substring) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0xFF01 && $0.value <= 0xFF5E }) else {
            return String(text)
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0xFF01, scalar.value <= 0xFF5E, let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                result.append(ascii)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

extension Unit: Hashable {
    public static func == (lhs: Unit, rhs: Unit) -> Bool {
        lhs.exponent == rhs.exponent && lhs.base == rhs.base
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(base)
        hasher.combine(exponent)
    }
}
