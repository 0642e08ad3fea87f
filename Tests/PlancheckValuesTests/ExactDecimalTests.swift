import PlancheckTestSupport
@testable import PlancheckValues
import Testing

private func dec(_ text: String) -> ExactDecimal {
    guard let value = ExactDecimal(parsing: text) else {
        Issue.record("could not parse \(text)")
        return .zero
    }
    return value
}

@Suite("ExactDecimal")
struct ExactDecimalTests {
    @Test func pointOnePlusPointTwoIsPointThree() {
        #expect(dec("0.1").adding(dec("0.2")) == dec("0.3"))
        #expect(dec("0.1").adding(dec("0.2"))?.description == "0.3")
    }

    @Test func equalityAndHashAreByValue() {
        #expect(dec("1.50") == dec("1.5"))
        #expect(dec("1.50").hashValue == dec("1.5").hashValue)
        #expect(dec("148000") == ExactDecimal(148000))
        #expect(dec("1.48e5") == ExactDecimal(148000))
        #expect(dec("-0") == .zero)
        #expect(dec("-0.000").sign == 0)
        #expect(Set([dec("2.0"), dec("2"), dec("2.000")]).count == 1)
        #expect(ExactDecimal(significand: 1500, scale: 3) == dec("1.5"))
    }

    @Test func parsingAcceptsPlainDecimalForms() {
        #expect(dec("-12.345").description == "-12.345")
        #expect(dec("+5") == ExactDecimal(5))
        #expect(dec(".5").description == "0.5")
        #expect(dec("5.") == ExactDecimal(5))
        #expect(dec("007") == ExactDecimal(7))
        #expect(dec("1e3") == ExactDecimal(1000))
        #expect(dec("1.2E-4").description == "0.00012")
        #expect(dec("1E+2") == ExactDecimal(100))
        #expect(dec("0.0000000000000000000000000000000000000000000") == .zero)
        #expect(dec("12345678901234567890123456789012345678").description
            == "12345678901234567890123456789012345678")
        #expect(ExactDecimal(parsing: "12.5"[...]) == dec("12.5"))
    }

    @Test(arguments: ["", "-", "+", ".", "e5", "1e", "1e+", "1_000", "1,000", " 1", "1 ", "nan", "NaN", "inf",
                      "-inf", "Infinity", "0x10", "1.2.3", "1e400", "1e-400", "1e39", "1e-31", "--1", "+-1",
                      "1e4.5", "１", "5%", "123456789012345678901234567890123456789"])
    func parsingRejects(_ text: String) {
        #expect(ExactDecimal(parsing: text) == nil)
    }

    @Test func hugeExponentIsRejectedQuickly() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(ExactDecimal(parsing: "1e" + String(repeating: "9", count: 10_000)) == nil)
            #expect(ExactDecimal(parsing: "1e-" + String(repeating: "9", count: 10_000)) == nil)
            #expect(ExactDecimal(parsing: "0e" + String(repeating: "9", count: 10_000)) == .zero)
        }
        #expect(elapsed < .seconds(1))
    }

    @Test func descriptionIsShortestPlainForm() {
        #expect(dec("0.30").description == "0.3")
        #expect(dec("-2.50").description == "-2.5")
        #expect(dec("148000").description == "148000")
        #expect(dec("1e20").description == "100000000000000000000")
        #expect(dec("0.005").description == "0.005")
        #expect(dec("-0.005").description == "-0.005")
        #expect(ExactDecimal.zero.description == "0")
    }

    @Test func divisionRoundsHalfEven() {
        #expect(ExactDecimal(1).dividing(by: 3)?.description == "0.333333333333333333")
        #expect(ExactDecimal(2).dividing(by: 3)?.description == "0.666666666666666667")
        #expect(ExactDecimal(2).dividing(by: 3, scale: 2) == dec("0.67"))
        #expect(dec("0.125").dividing(by: 1, scale: 2) == dec("0.12"))  // tie to even
        #expect(dec("0.135").dividing(by: 1, scale: 2) == dec("0.14"))
        #expect(ExactDecimal(-1).dividing(by: 3, scale: 4) == dec("-0.3333"))
        #expect(ExactDecimal(148000).dividing(by: 13, scale: 2) == dec("11384.62"))
        #expect(ExactDecimal(1).dividing(by: 4) == dec("0.25"))
        #expect(dec("1.5e-29").dividing(by: dec("1e30"), scale: 0) == .zero)
        #expect(dec("5").dividing(by: dec("0.001"), scale: 0) == ExactDecimal(5000))
        #expect(dec("1e30").dividing(by: dec("1e-30"), scale: 0) == nil)  // 10^60 overflows
    }

    @Test func divisionByZeroIsNil() {
        #expect(ExactDecimal(1).dividing(by: .zero) == nil)
        #expect(ExactDecimal.zero.dividing(by: .zero) == nil)
    }

    @Test func overflowIsNilNotATrap() {
        let huge = dec("99999999999999999999999999999999999999")
        #expect(huge.multiplying(by: huge) == nil)
        #expect(huge.adding(huge) == nil)
        #expect(huge.negated.subtracting(huge) == nil)
        #expect(huge.multiplying(by: 10) == nil)
        #expect(huge.scaled(byPowerOfTen: 1) == nil)
        #expect(huge.scaled(byPowerOfTen: Int.max) == nil)
        #expect(huge.scaled(byPowerOfTen: Int.min) == nil)
        #expect(ExactDecimal(1).scaled(byPowerOfTen: -31) == nil)
        #expect(huge.adding(dec("-1"))?.description == "99999999999999999999999999999999999998")
    }

    @Test func tooManyFractionalDigitsRoundsInsteadOfFailing() {
        let third = ExactDecimal(1).dividing(by: 3, scale: 30)
        let product = third.flatMap { $0.multiplying(by: $0) }
        #expect(product?.scale == 30)
        #expect(product?.description == "0.111111111111111111111111111111")
        // 1e20 + 1e-20 needs 41 digits: rounded to 38 significant digits.
        #expect(dec("1e20").adding(dec("1e-20")) == dec("1e20"))
    }

    @Test func multiplicationIsExact() {
        #expect(dec("1.1").multiplying(by: dec("1.1")) == dec("1.21"))
        #expect(dec("-0.5").multiplying(by: dec("0.2")) == dec("-0.1"))
        #expect(dec("14.8").multiplying(by: 10000) == ExactDecimal(148000))
    }

    @Test func scalingByPowersOfTen() {
        #expect(dec("14.8").scaled(byPowerOfTen: 4) == ExactDecimal(148000))
        #expect(ExactDecimal(148000).scaled(byPowerOfTen: -4) == dec("14.8"))
        #expect(dec("0.5").scaled(byPowerOfTen: 4) == ExactDecimal(5000))
        #expect(dec("75").scaled(byPowerOfTen: -2) == dec("0.75"))
    }

    @Test func ordering() {
        #expect(dec("5.5") < dec("6"))
        #expect(dec("-6") < dec("-5.5"))
        #expect(dec("0.01") > .zero)
        #expect(!(dec("5.50") < dec("5.5")))
        #expect([dec("3"), dec("-1"), dec("2.5"), dec("0")].sorted() == [dec("-1"), 0, dec("2.5"), 3])
        #expect(dec("1e30") > dec("0.000000000000000000000000000001"))
    }

    @Test func signMagnitudeNegation() {
        #expect(dec("-2.5").magnitude == dec("2.5"))
        #expect(dec("-2.5").negated == dec("2.5"))
        #expect(ExactDecimal.zero.negated == .zero)
        #expect(dec("-2.5").sign == -1)
        #expect(dec("2.5").sign == 1)
        #expect(ExactDecimal.zero.isZero)
    }

    @Test func rounding() {
        #expect(dec("2.345").rounded(toPlaces: 2) == dec("2.35"))
        #expect(dec("2.345").rounded(toPlaces: 2, rule: .toNearestOrEven) == dec("2.34"))
        #expect(dec("-2.345").rounded(toPlaces: 2) == dec("-2.35"))
        #expect(dec("2.5").rounded(toPlaces: 0) == ExactDecimal(3))
        #expect(dec("2.5").rounded(toPlaces: 5) == dec("2.5"))
        #expect(dec("2.9").rounded(toPlaces: 0, rule: .towardZero) == ExactDecimal(2))
        #expect(dec("-2.1").rounded(toPlaces: 0, rule: .down) == ExactDecimal(-3))
    }

    @Test func doubleValueIsForChartsOnly() {
        #expect(dec("5.5").doubleValue == 5.5)
        #expect(dec("-0.1").doubleValue == -0.1)
    }

    @Test func randomArithmeticIsConsistent() {
        var generator = SeededGenerator(seed: 0xDEC1_3A1)
        func next() -> UInt64 { generator.next() }
        func randomDecimal() -> ExactDecimal {
            // Significands of 1...30 digits at scales 0...12: the shapes plan figures and ratios take.
            let digits = Int(next() % 30) + 1
            var text = next() % 2 == 0 ? "-" : ""
            for _ in 0..<digits { text += String(next() % 10) }
            let scale = Int(next() % 13)
            return ExactDecimal(parsing: text + "e-\(scale)") ?? .zero
        }
        for _ in 0..<5_000 {
            let a = randomDecimal()
            let b = randomDecimal()
            // Round trip through text.
            #expect(ExactDecimal(parsing: a.description) == a)
            // Addition and subtraction are exact inverses while the sum fits in 38 digits (beyond that, the
            // sum is rounded by design).
            func integerDigits(_ x: ExactDecimal) -> Int {
                x.magnitude.description.split(separator: ".").first?.count ?? 0
            }
            let sumDigits = max(integerDigits(a), integerDigits(b)) + 1 + max(a.scale, b.scale)
            if sumDigits <= ExactDecimal.maxDigits, let sum = a.adding(b) {
                #expect(sum.subtracting(b) == a, "\(a) + \(b)")
                #expect(b.adding(a) == sum)
            }
            // Ordering agrees with the sign of the difference.
            if let difference = a.subtracting(b) {
                #expect((a < b) == (difference.sign < 0), "\(a) vs \(b)")
                #expect((a == b) == difference.isZero)
            }
            // Exact products divide back exactly.
            if !b.isZero, let product = a.multiplying(by: b), product.scale < ExactDecimal.maxScale,
               product.significand.magnitude < 10_000_000_000_000_000_000 {
                #expect(product.dividing(by: b, scale: ExactDecimal.maxScale) == a, "\(a) × \(b)")
            }
        }
    }
}
