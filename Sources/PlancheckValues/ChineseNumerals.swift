// Chinese numerals as officers type them: 一百二十, 十四万八千, 三点五, 两百, 一万五, 二〇二五, 壹佰.
//
// A small positional converter rather than a table of known numbers, so that every well-formed numeral
// reads correctly and anything else stops cleanly at the first character that cannot continue it.

/// Reads Chinese numerals.
public enum ChineseNumerals {
    /// The value of a whole text written in Chinese numerals (`一百二十` → 120, `三点五` → 3.5,
    /// `十四万八千` → 148000), or nil if the text is anything else.
    public static func value(of text: String) -> ExactDecimal? {
        let scalars = Array(text.unicodeScalars)
        guard case .number(let value, let end, _) = scan(scalars, from: 0, to: scalars.count, splitMagnitude: false),
              end == scalars.count else { return nil }
        return value
    }

    enum Scan: Equatable {
        /// A numeral ending before `end`. With `splitMagnitude`, a final lone 万/亿/万亿 is left unread
        /// (`一百二十万元` → 120 and `万元`), so that the figure keeps the magnitude it was written with.
        case number(ExactDecimal, end: Int, magnitudeSplit: Bool)
        /// No numeral starts here.
        case none
        /// A numeral starts here but is malformed (or too large) at `offset`.
        case failure(offset: Int, outOfRange: Bool)
    }

    static func digitValue(_ scalar: Unicode.Scalar) -> UInt128? {
        switch scalar {
        case "零", "〇": return 0
        case "一", "壹": return 1
        case "二", "两", "贰", "貳": return 2
        case "三", "叁", "參": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆", "陸": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    static func unitValue(_ scalar: Unicode.Scalar) -> UInt128? {
        switch scalar {
        case "十", "拾": return 10
        case "百", "佰": return 100
        case "千", "仟": return 1000
        case "万", "萬": return 10_000
        case "亿", "億": return 100_000_000
        default: return nil
        }
    }

    /// Characters that can only continue a numeral, never start a unit: a digit or the decimal word 点.
    static func isDigitLike(_ scalar: Unicode.Scalar) -> Bool {
        digitValue(scalar) != nil || scalar == "点"
    }

    /// Whether a numeral can start with this character (a digit or 十; 百/千/万/亿 alone are magnitudes).
    static func canStart(_ scalar: Unicode.Scalar) -> Bool {
        digitValue(scalar) != nil || scalar == "十" || scalar == "拾"
    }

    static func scan(_ text: [Unicode.Scalar], from start: Int, to limit: Int, splitMagnitude: Bool) -> Scan {
        guard start < limit, canStart(text[start]) else { return .none }
        var index = start
        var integer: UInt128 = 0

        // Digit-string form (二〇二五): two digits in a row and no positional units.
        if start + 1 < limit, digitValue(text[start]) != nil, digitValue(text[start + 1]) != nil {
            while index < limit, let digit = digitValue(text[index]) {
                guard index - start < 30 else { return .failure(offset: index, outOfRange: true) }
                integer = integer * 10 + digit
                index += 1
            }
            return finish(text, integer: integer, at: index, limit: limit)
        }

        var total: UInt128 = 0        // the part at or above 亿, already multiplied
        var tenThousands: UInt128 = 0  // the part in 万, already multiplied
        var section: UInt128 = 0       // the part below 万
        var digit: UInt128?            // a digit waiting for its unit
        var smallestUnitInSection: UInt128 = 10_000
        var lastUnit: UInt128 = 0
        var zeroSinceUnit = false
        var sawYi = false
        var bigUnitCount = 0
        var lastBigUnitIndex = -1
        var anything = false

        scanning: while index < limit {
            let scalar = text[index]
            if let value = digitValue(scalar) {
                if value == 0 {
                    // 零 only holds a place (一百零五); it cannot follow a pending digit.
                    guard digit == nil else { break scanning }
                    zeroSinceUnit = true
                } else {
                    guard digit == nil else { break scanning }
                    digit = value
                }
            } else if let unit = unitValue(scalar) {
                switch unit {
                case 10, 100, 1000:
                    // Units inside a section must decrease (千 > 百 > 十); a bare 十 means 一十.
                    guard unit < smallestUnitInSection else { break scanning }
                    let multiplier: UInt128
                    if let pending = digit {
                        multiplier = pending
                    } else if unit == 10 {
                        multiplier = 1
                    } else {
                        break scanning
                    }
                    section += multiplier * unit
                    smallestUnitInSection = unit
                case 10_000:
                    let part = section + (digit ?? 0)
                    guard part > 0, tenThousands == 0, lastUnit != 10_000 else { break scanning }
                    tenThousands = part * 10_000
                    section = 0
                    smallestUnitInSection = 10_000
                    bigUnitCount += 1
                    lastBigUnitIndex = index
                default:  // 亿
                    let part = tenThousands + section + (digit ?? 0)
                    guard part > 0, !sawYi, part < 100_000_000_000 else { break scanning }
                    total = part * 100_000_000
                    tenThousands = 0
                    section = 0
                    smallestUnitInSection = 10_000
                    sawYi = true
                    bigUnitCount += 1
                    lastBigUnitIndex = index
                }
                digit = nil
                zeroSinceUnit = false
                lastUnit = unit
            } else {
                break scanning
            }
            anything = true
            index += 1
        }
        guard anything else { return .none }
        // A trailing 零 with nothing after it is not part of the numeral.
        if index > start, digitValue(text[index - 1]) == 0, digit == nil, index - 1 > start {
            index -= 1
        }

        // 一万五 = 15000, 一百五 = 150: a final bare digit counts in the unit below the last one.
        if let pending = digit, !zeroSinceUnit, lastUnit >= 100 {
            digit = pending * (lastUnit / 10)
        }
        integer = total + tenThousands + section + (digit ?? 0)

        // Leave a single final 万 / 亿 / 万亿 to the unit, so 一百二十万元 reads as 120 万元.
        let pointFollows = index < limit && text[index] == "点"
        if splitMagnitude, !pointFollows, lastBigUnitIndex == index - 1, lastBigUnitIndex > start {
            let twoBig = bigUnitCount == 2 && (text[index - 1] == "亿" || text[index - 1] == "億")
                && (text[index - 2] == "万" || text[index - 2] == "萬")
            if bigUnitCount == 1 || twoBig {
                let cut = twoBig ? index - 2 : index - 1
                if cut > start, case .number(let value, let end, _) = scan(text, from: start, to: cut, splitMagnitude: false),
                   end == cut {
                    return .number(value, end: end, magnitudeSplit: true)
                }
            }
        }
        return finish(text, integer: integer, at: index, limit: limit)
    }

    /// Reads an optional fractional part (点 followed by digits) after the integer part.
    private static func finish(_ text: [Unicode.Scalar], integer: UInt128, at index: Int, limit: Int) -> Scan {
        var index = index
        var digits = String(integer)
        if index < limit, text[index] == "点" {
            let pointIndex = index
            index += 1
            var fraction = ""
            while index < limit, let digit = digitValue(text[index]) {
                guard fraction.utf8.count < 30 else { return .failure(offset: index, outOfRange: true) }
                fraction += String(digit)
                index += 1
            }
            guard !fraction.isEmpty else { return .failure(offset: pointIndex, outOfRange: false) }
            digits += "." + fraction
        }
        guard let value = ExactDecimal(parsing: digits) else { return .failure(offset: index, outOfRange: true) }
        return .number(value, end: index, magnitudeSplit: false)
    }
}
