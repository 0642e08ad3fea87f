import Testing
@testable import PlancheckValues

private func q(_ value: String, _ unitText: String) -> Quantity {
    guard let number = ExactDecimal(parsing: value), let unit = Unit.parse(unitText) else {
        Issue.record("bad quantity \(value) \(unitText)")
        return Quantity(.zero)
    }
    return Quantity(number, unit)
}

@Suite("Quantity")
struct QuantityTests {
    @Test func conversionsAcrossMagnitudes() throws {
        #expect(try q("14.8", "万人").converted(to: Unit.parse("人")!) == q("148000", "人"))
        #expect(try q("148000", "人").converted(to: Unit.parse("万人")!).value == ExactDecimal(parsing: "14.8"))
        #expect(try q("0.5", "亿元").converted(to: Unit.parse("万元")!) == q("5000", "万元"))
        #expect(try q("75", "%").converted(to: .dimensionless) == q("0.75", ""))
        #expect(try q("0.75", "").converted(to: .percent) == q("75", "%"))
        #expect(try q("3", "万亿元").converted(to: Unit.parse("亿元")!).value == 30000)
    }

    @Test func incompatibleUnits() {
        #expect(throws: UnitError.incompatible(from: Unit.parse("亿元")!, to: .percent)) {
            try q("1", "亿元").converted(to: .percent)
        }
        #expect(throws: UnitError.incompatible(from: Unit.parse("万人")!, to: Unit.parse("亿元")!)) {
            try q("1", "万人").compare(to: q("1", "亿元"))
        }
    }

    @Test func percentVersusPointsHasItsOwnError() {
        #expect(throws: UnitError.percentVersusPoints(from: .percent, to: .percentagePoints)) {
            try q("5.5", "%").converted(to: .percentagePoints)
        }
        #expect(throws: UnitError.percentVersusPoints(from: .percentagePoints, to: .percent)) {
            try q("0.5", "百分点").compare(to: q("5.5", "%"))
        }
    }

    @Test func conversionOverflowThrows() {
        #expect(throws: UnitError.overflow) {
            try q("1e30", "万亿元").converted(to: Unit.parse("元")!)
        }
    }

    @Test func percentMinusPercentIsPoints() throws {
        let difference = try q("6", "%").subtracting(q("5.5", "%"))
        #expect(difference == q("0.5", "百分点"))
        #expect(difference.description == "0.5百分点")
        #expect(try q("5.5", "%").subtracting(q("6", "%")) == q("-0.5", "百分点"))
        #expect(try q("5", "‰").subtracting(q("0.2", "%")).value == ExactDecimal(parsing: "0.3"))
    }

    @Test func percentPlusPointsIsPercent() throws {
        #expect(try q("5.5", "%").adding(q("0.5", "个百分点")) == q("6", "%"))
        #expect(try q("5.5", "%").subtracting(q("0.5", "百分点")) == q("5", "%"))
        #expect(try q("0.5", "百分点").adding(q("0.25", "百分点")) == q("0.75", "百分点"))
        #expect(throws: UnitError.percentVersusPoints(from: .percent, to: .percentagePoints)) {
            try q("0.5", "百分点").adding(q("5.5", "%"))
        }
    }

    @Test func dimensionlessAndPercentMix() throws {
        #expect(try q("0.75", "").adding(q("5", "%")) == q("0.8", ""))
        #expect(try q("5", "%").adding(q("0.01", "")) == q("6", "%"))
        #expect(try q("0.1", "").adding(q("0.2", "")) == q("0.3", ""))
    }

    @Test func amountsAddAcrossMagnitudes() throws {
        #expect(try q("14.8", "万人").adding(q("2000", "人")) == q("15", "万人"))
        #expect(try q("1", "亿元").subtracting(q("5000", "万元")) == q("0.5", "亿元"))
        #expect(throws: UnitError.incompatible(from: Unit.parse("万人")!, to: Unit.parse("亿元")!)) {
            try q("1", "亿元").adding(q("1", "万人"))
        }
    }

    @Test func shareOfTwoAmountsIsDimensionless() throws {
        let livelihood = q("76", "亿元")
        let budget = q("1000000", "万元")
        let share = try livelihood.dividing(by: budget)
        #expect(share == q("0.76", ""))
        #expect(try share.compare(to: q("75", "%")) == .greater)
        #expect(try q("1", "").dividing(by: q("3", "")).value.description == "0.333333333333333333")
    }

    @Test func compoundUnits() throws {
        let perCapita = try q("50", "亿元").dividing(by: q("100", "万人"))
        #expect(perCapita.unit == Unit(base: "元/人", exponent: 4))
        #expect(perCapita.value == ExactDecimal(parsing: "0.5"))
        #expect(perCapita.description == "0.5万元/人")
        let total = try perCapita.multiplying(by: q("100", "万人"))
        #expect(try total.compare(to: q("50", "亿元")) == .equal)
        #expect(total.unit.base == "元")
    }

    @Test func dimensionlessFactorsKeepTheUnit() throws {
        #expect(try q("100", "亿元").multiplying(by: q("5", "%")) == q("5", "亿元"))
        #expect(try q("5", "%").multiplying(by: q("100", "亿元")) == q("5", "亿元"))
        #expect(try q("5", "亿元").dividing(by: q("5", "%")) == q("100", "亿元"))
        #expect(try q("3", "万").multiplying(by: q("2", "元")) == q("60000", "元"))
    }

    @Test func divisionByZeroThrows() {
        #expect(throws: UnitError.divisionByZero) { try q("1", "亿元").dividing(by: q("0", "万元")) }
        #expect(throws: UnitError.divisionByZero) { try q("1", "亿元").dividing(by: q("0", "%")) }
    }

    @Test func overflowThrows() {
        let huge = q("99999999999999999999999999999999999999", "元")
        #expect(throws: UnitError.overflow) { try huge.adding(huge) }
        #expect(throws: UnitError.overflow) { try huge.multiplying(by: huge) }
    }

    @Test func compareAcrossMagnitudes() throws {
        #expect(try q("14.8", "万人").compare(to: q("148000", "人")) == .equal)
        #expect(try q("14.8", "万人").compare(to: q("148001", "人")) == .less)
        #expect(try q("0.5", "亿元").compare(to: q("4999", "万元")) == .greater)
        #expect(try q("5.5", "%").compare(to: q("0.055", "")) == .equal)
        // Too large to convert to the other unit, and still compared correctly.
        #expect(try q("1e37", "万亿元").compare(to: q("1", "元")) == .greater)
        #expect(try q("-1e37", "万亿元").compare(to: q("1", "元")) == .less)
        #expect(try q("1", "元").compare(to: q("1e37", "万亿元")) == .less)
    }

    @Test func descriptionsAndFormatting() throws {
        #expect(q("5.5", "%").description == "5.5%")
        #expect(q("14.8", "万人").description == "14.8万人")
        #expect(q("148000", "人").formatted(preferring: Unit.parse("万人")) == "14.8万人")
        #expect(q("14.8", "万人").formatted(preferring: Unit.parse("人")) == "148000人")
        #expect(q("14.8", "万人").formatted(preferring: .percent) == "14.8万人")
        #expect(q("2", "亿元").formatted(preferring: Unit.parse("万元")) == "20000万元")
        let third = try q("1", "亿元").dividing(by: q("3", ""))
        #expect(third.formatted(maximumFractionDigits: 2) == "0.33亿元")
    }
}
