// A minimal unsigned 256-bit integer for ExactDecimal's intermediate results.
//
// ExactDecimal keeps at most 38 significant digits in an Int128, so a product of two significands, or a
// significand aligned to another's scale, needs up to about 77 digits before it is rounded back. Only the
// handful of operations those algorithms need is provided, and none of them traps: operations that could
// overflow return nil.

/// Powers of ten that fit in `UInt128`: `10^0 ... 10^38`.
let powersOfTen: [UInt128] = {
    var table: [UInt128] = []
    table.reserveCapacity(39)
    var power: UInt128 = 1
    for _ in 0...38 {
        table.append(power)
        power = power &* 10
    }
    return table
}()

struct UInt256: Sendable, Hashable, Comparable {
    var high: UInt128
    var low: UInt128

    init(high: UInt128, low: UInt128) {
        self.high = high
        self.low = low
    }

    init(_ value: UInt128) {
        self.high = 0
        self.low = value
    }

    static let zero = UInt256(0)

    var isZero: Bool { high == 0 && low == 0 }
    var isOdd: Bool { low & 1 == 1 }

    /// The full product of two 128-bit values (it always fits in 256 bits).
    static func product(_ a: UInt128, _ b: UInt128) -> UInt256 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return UInt256(high: high, low: low)
    }

    func multiplied(by factor: UInt128) -> UInt256? {
        let (lowHigh, lowLow) = low.multipliedFullWidth(by: factor)
        let (highHigh, highLow) = high.multipliedFullWidth(by: factor)
        guard highHigh == 0 else { return nil }
        let (newHigh, overflow) = highLow.addingReportingOverflow(lowHigh)
        guard !overflow else { return nil }
        return UInt256(high: newHigh, low: lowLow)
    }

    func adding(_ other: UInt256) -> UInt256? {
        let (newLow, carry) = low.addingReportingOverflow(other.low)
        let (partialHigh, overflow1) = high.addingReportingOverflow(other.high)
        let (newHigh, overflow2) = partialHigh.addingReportingOverflow(carry ? 1 : 0)
        guard !overflow1, !overflow2 else { return nil }
        return UInt256(high: newHigh, low: newLow)
    }

    /// `self - other`; the caller guarantees `self >= other`.
    func subtracting(_ other: UInt256) -> UInt256 {
        let (newLow, borrow) = low.subtractingReportingOverflow(other.low)
        let newHigh = high &- other.high &- (borrow ? 1 : 0)
        return UInt256(high: newHigh, low: newLow)
    }

    /// Long division by a non-zero 128-bit divisor: the high half first, then the remainder with the low half
    /// (where `dividingFullWidth`'s precondition, remainder < divisor, holds by construction).
    func quotientAndRemainder(dividingBy divisor: UInt128) -> (quotient: UInt256, remainder: UInt128) {
        let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: divisor)
        let (lowQuotient, remainder) = divisor.dividingFullWidth((high: highRemainder, low: low))
        return (UInt256(high: highQuotient, low: lowQuotient), remainder)
    }

    /// Number of decimal digits (0 for zero).
    var decimalDigitCount: Int {
        if high == 0 { return Self.digitCount(low) }
        let (quotient, _) = quotientAndRemainder(dividingBy: powersOfTen[38])
        return 38 + quotient.decimalDigitCount
    }

    static func digitCount(_ value: UInt128) -> Int {
        var count = 0
        while count < 39, count < powersOfTen.count, value >= powersOfTen[count] { count += 1 }
        return count
    }

    static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }
}
