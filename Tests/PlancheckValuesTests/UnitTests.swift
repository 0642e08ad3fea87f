import Testing
@testable import PlancheckValues

private func unit(_ text: String) -> Unit {
    guard let parsed = Unit.parse(text) else {
        Issue.record("could not parse unit \(text)")
        return .dimensionless
    }
    return parsed
}

@Suite("Unit")
struct UnitTests {
    @Test(arguments: [
        ("万亿元", "元", 12), ("亿元", "元", 8), ("千万元", "元", 7), ("百万元", "元", 6), ("十万人", "人", 5),
        ("万人", "人", 4), ("千人", "人", 3), ("百人", "人", 2), ("元", "元", 0), ("万亩", "亩", 4),
        ("亿斤", "斤", 8), ("万吨", "吨", 4), ("万平方米", "平方米", 4), ("万标箱", "标箱", 4), ("万单", "单", 4),
        ("公里", "公里", 0), ("个", "个", 0), ("户", "户", 0), ("家", "家", 0), ("项", "项", 0),
        ("万人次", "人次", 4), ("TB", "TB", 0), ("P", "P", 0), ("平方公里", "平方公里", 0),
    ])
    func magnitudesAndBases(_ text: String, _ base: String, _ exponent: Int) {
        let parsed = unit(text)
        #expect(parsed.base == base)
        #expect(parsed.exponent == exponent)
        #expect(parsed.symbol == text)
    }

    @Test func bareMagnitudesAreDimensionlessCounts() {
        #expect(unit("万") == Unit(base: "", exponent: 4))
        #expect(unit("亿") == Unit(base: "", exponent: 8))
        #expect(unit("万亿") == Unit(base: "", exponent: 12))
        #expect(unit("万").isDimensionless)
    }

    @Test func percentForms() {
        #expect(unit("%") == .percent)
        #expect(unit("％") == .percent)
        #expect(unit(" % ") == .percent)
        #expect(unit("‰") == Unit(base: "", exponent: -3))
        #expect(unit("百分点") == .percentagePoints)
        #expect(unit("个百分点") == .percentagePoints)
        #expect(unit("个百分点").symbol == "个百分点")
        #expect(unit("pp") == .percentagePoints)
        #expect(unit("pct") == .percentagePoints)
        #expect(unit("") == .dimensionless)
        #expect(unit("无") == .dimensionless)
        #expect(unit("\u{3000}") == .dimensionless)
    }

    @Test func percentagePointsAreNotHundredsOfPoints() {
        let points = unit("百分点")
        #expect(points.base != "分点")
        #expect(points.exponent == -2)
        #expect(!points.isConvertible(to: .percent))
        #expect(Unit.percent.isConvertible(to: .dimensionless))
    }

    @Test func kiloUnitsAndStackedMagnitudes() {
        #expect(unit("千瓦") == Unit(base: "瓦", exponent: 3))
        #expect(unit("千克") == Unit(base: "克", exponent: 3))
        #expect(unit("千米") == Unit(base: "米", exponent: 3))
        #expect(unit("万千瓦") == Unit(base: "瓦", exponent: 7))
        #expect(unit("万千瓦").isConvertible(to: unit("千瓦")))
    }

    @Test func openBasesAndTrimming() {
        #expect(unit("标准煤吨") == Unit(base: "标准煤吨", exponent: 0))
        #expect(unit("\u{3000}万人\u{00A0}") == unit("万人"))
        #expect(unit("万 人") == unit("万人"))
        #expect(unit("万元／人") == Unit(base: "元/人", exponent: 4))
        #expect(unit("元/人/年") == Unit(base: "元/(人·年)", exponent: 0))
    }

    @Test(arguments: ["5", "万5", "%%", "万%", "人。", "万 人 口", "元/", "１人"])
    func rejectsTextThatIsNoUnit(_ text: String) {
        #expect(Unit.parse(text) == nil)
    }

    @Test func equalityIgnoresSymbol() {
        #expect(Unit(base: "元", exponent: 4, symbol: "万 元") == unit("万元"))
        #expect(Unit(base: "元", exponent: 4).symbol == "万元")
        #expect(Set([unit("万元"), Unit(base: "元", exponent: 4, symbol: "x")]).count == 1)
    }

    @Test func compoundBases() {
        #expect(Unit.productBase("元/人", "人") == "元")
        #expect(Unit.quotientBase("元", "人") == "元/人")
        #expect(Unit.quotientBase("元", "元") == "")
        #expect(Unit.quotientBase("", "人") == "1/人")
        #expect(Unit.productBase("人", "年") == "人·年")
    }
}
