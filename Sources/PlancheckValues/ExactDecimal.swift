// Exact decimal numbers for plan figures.
//
// Plan targets are decimal by nature ("5.5%", "14.8万人"), and a checker that says 0.1 + 0.2 ≠ 0.3 or that
// 5.5% < 5.5% would be wrong in front of the people who use it. Foundation's Decimal is exact but slow on
// Linux; Double is fast but inexact. This type keeps a significand of at most 38 decimal digits in an Int128
// and a scale of 0...30 fractional digits, which covers every figure a development plan contains with a
// wide margin, and does its arithmetic without Foundation and without ever trapping.

/// An exact decimal number: `significand × 10^(−scale)`.
///
/// The representation is canonical: trailing fractional zeros are removed (1.50 is stored as 15 × 10^−1),
/// zero is `0 × 10^0`, and there is no negative zero, so equality and hashing are by value.
///
/// Results that are exactly representable are exact. A result that would need more than 38 significant
/// digits or more than ``maxScale`` fractional digits is rounded half-even to fit (only multiplication and
/// division can produce one in practice); a result whose integer part needs more than 38 digits is an
/// overflow and the operation returns nil.
public struct ExactDecimal: Sendable, Hashable {
    /// The significand; its magnitude is below 10^38.
    public let significand: Int128
    /// Number of fractional digits, 0...``maxScale``.
    public let scale: Int

    /// Largest number of fractional digits kept.
    public static let maxScale = 30
    /// Largest number of significant digits kept.
    public static let maxDigits = 38
    /// Fractional digits a division keeps unless told otherwise.
    public static let defaultDivisionScale = 18

    public static let zero = ExactDecimal(canonical: 0, scale: 0)
    public static let one = ExactDecimal(canonical: 1, scale: 0)

    /// Trusted initialiser: the caller guarantees the representation is canonical.
    private init(canonical significand: Int128, scale: Int) {
        self.significand = significand
        self.scale = scale
    }

    public init(_ int: Int) {
        // |Int| < 10^19, and a trailing zero at scale 0 is canonical.
        self.init(canonical: Int128(int), scale: 0)
    }

    /// `significand × 10^(−scale)`, exactly; nil when it cannot be represented exactly (more than 38
    /// significant digits, or more than ``maxScale`` fractional digits after removing trailing zeros).
    /// A negative `scale` multiplies by a power of ten.
    public init?(significand: Int128, scale: Int) {
        guard let value = Self.make(negative: significand < 0, magnitude: UInt256(significand.magnitude),
                                    scale: scale, exact: true) else { return nil }
        self = value
    }

    // MARK: Properties

    public var isZero: Bool { significand == 0 }

    /// −1, 0 or 1.
    public var sign: Int { significand < 0 ? -1 : (significand == 0 ? 0 : 1) }

    public var negated: ExactDecimal { ExactDecimal(canonical: 0 - significand, scale: scale) }

    public var magnitude: ExactDecimal { significand < 0 ? negated : self }

    /// Whether the value is an integer.
    public var isInteger: Bool { scale == 0 }

    /// The nearest Double, for charts and statistics only: never use it to decide a check.
    public var doubleValue: Double {
        // The standard library's string-to-Double conversion is correctly rounded, unlike significand / 10^scale.
        Double(description) ?? Double(significand) / pow10Double(scale)
    }

    private func pow10Double(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    // MARK: Construction from a wide magnitude

    /// Builds a canonical value from `±magnitude × 10^(−scale)`. Strips trailing zeros; if the value still
    /// needs more than 38 digits or `maxScale` fractional digits, rounds half-even (or, when `exact`, fails).
    /// Returns nil when the integer part alone does not fit.
    static func make(negative: Bool, magnitude: UInt256, scale: Int, exact: Bool = false) -> ExactDecimal? {
        if magnitude.isZero { return .zero }
        var magnitude = magnitude
        var scale = scale
        if scale < 0 {
            // A power of ten beyond 10^38 cannot leave a value below 10^38.
            guard scale >= -38, let scaled = magnitude.multiplied(by: powersOfTen[-scale]) else { return nil }
            magnitude = scaled
            scale = 0
        }
        // Fast path: the common case of a small magnitude.
        if magnitude.high == 0 {
            var low = magnitude.low
            while scale > 0, low % 10 == 0 {
                low /= 10
                scale -= 1
            }
            if scale <= maxScale, low < powersOfTen[maxDigits] {
                let value = Int128(low)
                return ExactDecimal(canonical: negative ? 0 - value : value, scale: scale)
            }
            magnitude = UInt256(low)
        } else {
            while scale > 0 {
                let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: 10)
                if remainder != 0 { break }
                magnitude = quotient
                scale -= 1
            }
        }
        let excessDigits = magnitude.decimalDigitCount - maxDigits
        let drop = max(0, scale - maxScale, excessDigits)
        if drop == 0 {
            let value = Int128(magnitude.low)
            return ExactDecimal(canonical: negative ? 0 - value : value, scale: scale)
        }
        // Rounding needed: refuse if exactness was asked for or if it would cut into the integer part.
        guard !exact, drop <= scale else { return nil }
        guard var rounded = roundedQuotient(magnitude, droppingDigits: drop) else { return nil }
        scale -= drop
        if rounded == powersOfTen[maxDigits] {
            // 99…9.5 rounded up to 10^38: one more fractional digit must go (exactly, it is a zero).
            guard scale > 0 else { return nil }
            rounded = powersOfTen[maxDigits - 1]
            scale -= 1
        }
        while scale > 0, rounded % 10 == 0 {
            rounded /= 10
            scale -= 1
        }
        let value = Int128(rounded)
        return ExactDecimal(canonical: negative ? 0 - value : value, scale: scale)
    }

    /// `magnitude / 10^digits`, rounded half-even; nil if the quotient does not fit in UInt128.
    private static func roundedQuotient(_ magnitude: UInt256, droppingDigits digits: Int) -> UInt128? {
        var value = magnitude
        var sticky = false
        var remaining = digits
        // Divide by at most 10^38 at a time, remembering whether anything non-zero was dropped on the way.
        while remaining > 38 {
            let (quotient, remainder) = value.quotientAndRemainder(dividingBy: powersOfTen[38])
            if remainder != 0 { sticky = true }
            value = quotient
            remaining -= 38
        }
        let divisor = powersOfTen[remaining]
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        guard quotient.high == 0 else { return nil }
        let half = divisor / 2
        let roundUp = remainder > half || (remainder == half && (sticky || quotient.isOdd))
        if roundUp {
            let (sum, overflow) = quotient.low.addingReportingOverflow(1)
            return overflow ? nil : sum
        }
        return quotient.low
    }

    // MARK: Arithmetic

    /// `self + other`; nil on overflow.
    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        if other.isZero { return self }
        if isZero { return other }
        if scale == other.scale {
            let (sum, overflow) = significand.addingReportingOverflow(other.significand)
            if !overflow {
                return Self.make(negative: sum < 0, magnitude: UInt256(sum.magnitude), scale: scale)
            }
        }
        let common = max(scale, other.scale)
        let lhs = UInt256.product(significand.magnitude, powersOfTen[common - scale])
        let rhs = UInt256.product(other.significand.magnitude, powersOfTen[common - other.scale])
        let lhsNegative = significand < 0
        let rhsNegative = other.significand < 0
        if lhsNegative == rhsNegative {
            // Both below 10^68, so the sum cannot overflow 256 bits.
            guard let sum = lhs.adding(rhs) else { return nil }
            return Self.make(negative: lhsNegative, magnitude: sum, scale: common)
        }
        if lhs >= rhs {
            return Self.make(negative: lhsNegative, magnitude: lhs.subtracting(rhs), scale: common)
        }
        return Self.make(negative: rhsNegative, magnitude: rhs.subtracting(lhs), scale: common)
    }

    /// `self − other`; nil on overflow.
    public func subtracting(_ other: ExactDecimal) -> ExactDecimal? {
        adding(other.negated)
    }

    /// `self × other`; nil on overflow. Exact unless the product needs more than 38 significant digits or
    /// 30 fractional digits, in which case it is rounded half-even.
    public func multiplying(by other: ExactDecimal) -> ExactDecimal? {
        multiplying(by: other, timesPowerOfTen: 0)
    }

    /// `self × other × 10^power` in one rounding step (units multiply magnitudes as well as values).
    func multiplying(by other: ExactDecimal, timesPowerOfTen power: Int) -> ExactDecimal? {
        if isZero || other.isZero { return .zero }
        guard power > -80, power < 80 else { return nil }
        let product = UInt256.product(significand.magnitude, other.significand.magnitude)
        return Self.make(negative: (significand < 0) != (other.significand < 0), magnitude: product,
                         scale: scale + other.scale - power)
    }

    /// `self ÷ divisor`, rounded half-even to `scale` fractional digits (clamped to 0...``maxScale``), then
    /// with trailing zeros removed. Nil when dividing by zero or on overflow.
    public func dividing(by divisor: ExactDecimal, scale requested: Int = defaultDivisionScale) -> ExactDecimal? {
        dividing(by: divisor, scale: requested, timesPowerOfTen: 0)
    }

    /// `self ÷ divisor × 10^power`, rounded once (units divide magnitudes as well as values).
    func dividing(by divisor: ExactDecimal, scale requested: Int, timesPowerOfTen power: Int) -> ExactDecimal? {
        if divisor.isZero { return nil }
        if isZero { return .zero }
        guard power > -80, power < 80 else { return nil }
        let resultScale = min(max(requested, 0), Self.maxScale)
        let negative = (significand < 0) != (divisor.significand < 0)
        let dividend = significand.magnitude
        let divisorMagnitude = divisor.significand.magnitude
        // self / divisor = (dividend / divisorMagnitude) × 10^(divisor.scale − scale). The result's
        // significand at resultScale is round(dividend × 10^shift / divisorMagnitude).
        let shift = resultScale + divisor.scale - scale + power
        if shift >= 0 {
            let (integerPart, firstRemainder) = dividend.quotientAndRemainder(dividingBy: divisorMagnitude)
            var quotient = UInt256(integerPart)
            var remainder = firstRemainder
            var digitsLeft = shift
            // Long division, up to 19 digits per step so that remainder × 10^step stays within 256 bits.
            while digitsLeft > 0 {
                let step = min(digitsLeft, 19)
                let power = powersOfTen[step]
                let (digits, nextRemainder) = UInt256.product(remainder, power)
                    .quotientAndRemainder(dividingBy: divisorMagnitude)
                guard let shifted = quotient.multiplied(by: power), let next = shifted.adding(digits) else {
                    return nil
                }
                quotient = next
                remainder = nextRemainder
                digitsLeft -= step
            }
            // remainder < divisorMagnitude < 10^38, so doubling it cannot overflow UInt128.
            let twice = remainder * 2
            if twice > divisorMagnitude || (twice == divisorMagnitude && quotient.isOdd) {
                guard let bumped = quotient.adding(UInt256(1)) else { return nil }
                quotient = bumped
            }
            return Self.make(negative: negative, magnitude: quotient, scale: resultScale)
        }
        // shift < 0: round(dividend / (divisorMagnitude × 10^−shift)).
        guard -shift <= 38 else { return .zero }  // the denominator exceeds 10^39 > 2 × dividend
        let denominator = UInt256.product(divisorMagnitude, powersOfTen[-shift])
        guard denominator.high == 0 else { return .zero }  // ≥ 2^128 > 2 × dividend
        let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: denominator.low)
        let rest = denominator.low - remainder
        var result = quotient
        if remainder > rest || (remainder == rest && quotient & 1 == 1) { result += 1 }
        return Self.make(negative: negative, magnitude: UInt256(result), scale: resultScale)
    }

    /// `self × 10^power`, exactly; nil if the result cannot be represented exactly.
    public func scaled(byPowerOfTen power: Int) -> ExactDecimal? {
        if isZero || power == 0 { return self }
        // Beyond ±80 nothing non-zero fits (38 digits, 30 fractional digits), and this keeps the
        // subtraction below from overflowing Int for absurd arguments.
        guard power > -80, power < 80 else { return nil }
        return Self.make(negative: significand < 0, magnitude: UInt256(significand.magnitude),
                         scale: scale - power, exact: true)
    }

    /// The value rounded to `places` fractional digits (clamped to 0...``maxScale``). The default rule is
    /// round-half-away-from-zero, 四舍五入, which is what readers of a report expect.
    public func rounded(toPlaces places: Int,
                        rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> ExactDecimal {
        let places = min(max(places, 0), Self.maxScale)
        guard places < scale else { return self }
        let divisor = powersOfTen[scale - places]
        let (quotient, remainder) = significand.magnitude.quotientAndRemainder(dividingBy: divisor)
        let negative = significand < 0
        let half = divisor / 2
        let roundUp: Bool
        switch rule {
        case .toNearestOrAwayFromZero: roundUp = remainder >= half
        case .toNearestOrEven: roundUp = remainder > half || (remainder == half && quotient & 1 == 1)
        case .towardZero: roundUp = false
        case .awayFromZero: roundUp = remainder != 0
        case .up: roundUp = !negative && remainder != 0
        case .down: roundUp = negative && remainder != 0
        @unknown default: roundUp = remainder >= half
        }
        // quotient has fewer digits than the significand, so adding one cannot reach 10^38.
        let magnitude = roundUp ? quotient + 1 : quotient
        return Self.make(negative: negative, magnitude: UInt256(magnitude), scale: places) ?? self
    }
}

// MARK: - Comparison

extension ExactDecimal: Comparable {
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let lhsSign = lhs.sign
        let rhsSign = rhs.sign
        if lhsSign != rhsSign { return lhsSign < rhsSign }
        if lhsSign == 0 { return false }
        if lhs.scale == rhs.scale { return lhs.significand < rhs.significand }
        // Align in 256 bits: both sides stay below 10^68, so nothing can overflow.
        let common = max(lhs.scale, rhs.scale)
        let left = UInt256.product(lhs.significand.magnitude, powersOfTen[common - lhs.scale])
        let right = UInt256.product(rhs.significand.magnitude, powersOfTen[common - rhs.scale])
        return lhsSign > 0 ? left < right : right < left
    }
}

// MARK: - Text

extension ExactDecimal: CustomStringConvertible {
    /// The shortest exact plain form: `0.3`, `-2.5`, `148000`; never exponent notation.
    public var description: String {
        let digits = String(significand.magnitude)
        var result = significand < 0 ? "-" : ""
        if scale == 0 {
            result += digits
        } else if digits.utf8.count > scale {
            let integerCount = digits.utf8.count - scale
            result += digits.prefix(integerCount)
            result += "."
            result += digits.dropFirst(integerCount)
        } else {
            result += "0."
            result += String(repeating: "0", count: scale - digits.utf8.count)
            result += digits
        }
        return result
    }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension ExactDecimal {
    /// Parses plain ASCII decimal text: an optional sign, digits with an optional point (at least one digit),
    /// and an optional exponent: `-12.345`, `+5`, `.5`, `5.`, `007`, `1e3`, `1.2E-4`. Nothing else: no
    /// spaces, separators, `_`, `nan`, `inf` or hex. Nil when the value cannot be represented exactly
    /// (`1e400`, `1e-40`, more than 38 significant digits). Runs in one pass over the bytes.
    public init?(parsing text: Substring) {
        // withUTF8 reads small (inline) strings in place, with no allocation.
        var text = text
        guard let parsed = text.withUTF8({ Self.parseASCII($0) }) else { return nil }
        self = parsed
    }

    /// Powers of ten that fit in UInt64, for the parser's fast accumulator.
    private static let smallPowersOfTen: [UInt64] = (0...19).map { exponent in
        var power: UInt64 = 1
        for _ in 0..<exponent { power &*= 10 }
        return power
    }

    /// `init?(parsing:)` over bytes already at hand (a slice of a file's buffer), with the same rules.
    public static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        let count = bytes.count
        var index = 0
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        // Up to 19 digits accumulate in a UInt64 (cheap); beyond that in a UInt128.
        var small: UInt64 = 0
        var large: UInt128 = 0
        var mantissaDigits = 0
        // Zeros after the last non-zero digit are counted, not multiplied in, so that `1000…0` with many
        // zeros and `0.5000…0` never overflow the accumulator, and the mantissa never ends in zero.
        var pendingZeros = 0
        var fractionDigits = 0
        var digitCount = 0
        var seenPoint = false
        while index < count {
            let byte = bytes[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                digitCount += 1
                if seenPoint { fractionDigits += 1 }
                if digit == 0 {
                    if mantissaDigits > 0 { pendingZeros += 1 }
                } else {
                    let newDigits = mantissaDigits + pendingZeros + 1
                    if newDigits <= 19 {
                        small = small * smallPowersOfTen[pendingZeros + 1] + UInt64(digit)
                    } else {
                        guard newDigits <= maxDigits else { return nil }
                        if mantissaDigits <= 19 { large = UInt128(small) }
                        large = large * powersOfTen[pendingZeros + 1] + UInt128(digit)
                    }
                    mantissaDigits = newDigits
                    pendingZeros = 0
                }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digitCount > 0 else { return nil }
        var exponent = 0
        if index < count {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                // Saturate: anything beyond a few hundred is out of range anyway.
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                index += 1
            }
            guard index > exponentStart else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        if mantissaDigits == 0 { return .zero }
        let mantissa = mantissaDigits <= 19 ? Int128(small) : Int128(large)
        let signed = negative ? 0 - mantissa : mantissa
        // value = mantissa × 10^(pendingZeros − fractionDigits + exponent); the mantissa has no trailing
        // zeros, so the result is canonical without further work.
        let power = pendingZeros - fractionDigits + exponent
        if power <= 0 {
            guard power >= -maxScale else { return nil }
            return ExactDecimal(canonical: signed, scale: -power)
        }
        guard mantissaDigits + power <= maxDigits else { return nil }
        return ExactDecimal(canonical: signed * Int128(powersOfTen[power]), scale: 0)
    }

    public init?(parsing text: String) {
        var text = text
        guard let parsed = text.withUTF8({ Self.parseASCII($0) }) else { return nil }
        self = parsed
    }
}

extension ExactDecimal: LosslessStringConvertible {
    /// Same as `init(parsing:)`: plain ASCII decimal text only.
    public init?(_ description: String) {
        self.init(parsing: description)
    }
}
