import PlancheckTestSupport
@testable import PlancheckValues
import Testing

private func dec(_ text: String) -> ExactDecimal? { ExactDecimal(parsing: text) }

/// Parses and expects a number; returns it for further checks.
private func figure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Figure? {
    let parse = FigureParser.parse(text)
    guard let figure = parse.figure else {
        Issue.record("\(text) did not read as a number: \(parse.reading)", sourceLocation: sourceLocation)
        return nil
    }
    return figure
}

private func failure(_ text: String) -> FigureParseFailure? { FigureParser.parse(text).failure }

@Suite("FigureParser")
struct FigureParserTests {
    @Test func plainForms() {
        #expect(figure("5.5%")?.quantity() == Quantity(dec("5.5")!, .percent))
        #expect(figure("42%")?.unit == .percent)
        #expect(figure("148000人")?.quantity() == Quantity(148000, Unit.parse("人")!))
        #expect(figure("14.8万人")?.quantity() == Quantity(dec("14.8")!, Unit.parse("万人")!))
        #expect(figure("5000万元")?.quantity() == Quantity(5000, Unit.parse("万元")!))
        #expect(figure("0.5个百分点")?.quantity() == Quantity(dec("0.5")!, .percentagePoints))
        #expect(figure("-2.5%")?.value == dec("-2.5"))
        #expect(figure("1100")?.unit == nil)
        #expect(figure("1100")?.quantity(defaultUnit: Unit.parse("个")!) == Quantity(1100, Unit.parse("个")!))
        #expect(FigureParser.parse("5.5%").normalizations.isEmpty)
    }

    @Test func bareMagnitudeTakesTheIndicatorsBase() {
        let people = Unit.parse("人")!
        let quantity = figure("3.5万")?.quantity(defaultUnit: people)
        #expect(quantity == Quantity(dec("3.5")!, Unit.parse("万人")!))
        #expect(quantity?.description == "3.5万人")
        #expect(figure("一百二十万")?.quantity(defaultUnit: Unit.parse("万元")!) == Quantity(120, Unit.parse("万元")!))
        #expect(figure("3.5万")?.quantity() == Quantity(dec("3.5")!, Unit(base: "", exponent: 4)))
        #expect(figure("5%")?.quantity(defaultUnit: people) == Quantity(5, .percent))
    }

    @Test func fullWidthText() {
        let parse = FigureParser.parse("５.５％")
        #expect(parse.figure?.quantity() == Quantity(dec("5.5")!, .percent))
        #expect(parse.normalizations == [.fullWidthCharacters])
        #expect(figure("１４．８万人")?.quantity() == Quantity(dec("14.8")!, Unit.parse("万人")!))
        #expect(figure("－１．５％")?.value == dec("-1.5"))
        #expect(FigureParser.parse("－１．５％").normalizations.contains(.minusSignVariant))
    }

    @Test func minusAndPlusSigns() {
        let parse = FigureParser.parse("\u{2212}2%")
        #expect(parse.figure?.value == dec("-2"))
        #expect(parse.normalizations == [.minusSignVariant])
        let plus = FigureParser.parse("+5%")
        #expect(plus.figure?.value == 5)
        #expect(plus.normalizations == [.plusSign])
        #expect(figure("-0")?.value == .zero)
    }

    @Test func spacesAndTrimming() {
        let spaced = FigureParser.parse("5.5 %")
        #expect(spaced.figure?.quantity() == Quantity(dec("5.5")!, .percent))
        #expect(spaced.normalizations == [.spaceBetweenNumberAndUnit])
        let trailing = FigureParser.parse("5.5%   ")
        #expect(trailing.figure?.value == dec("5.5"))
        #expect(trailing.normalizations == [.trimmedWhitespace])
        let ideographic = FigureParser.parse("\u{3000}0.5 亿元\u{00A0}")
        #expect(ideographic.figure?.quantity() == Quantity(dec("0.5")!, Unit.parse("亿元")!))
        #expect(ideographic.normalizations == [.trimmedWhitespace, .spaceBetweenNumberAndUnit])
        #expect(figure("\u{FEFF}12\t")?.value == 12)
    }

    @Test func thousandsSeparators() {
        let parse = FigureParser.parse("1,234.5万元")
        #expect(parse.figure?.quantity() == Quantity(dec("1234.5")!, Unit.parse("万元")!))
        #expect(parse.normalizations == [.thousandsSeparators])
        #expect(figure("1，234")?.value == 1234)
        #expect(FigureParser.parse("1，234").normalizations == [.fullWidthCharacters, .thousandsSeparators])
        #expect(figure("12,345,678")?.value == 12_345_678)
    }

    @Test(arguments: [("1,23", 1), ("12,34,567", 5), ("1234,567", 4), ("1,2345", 1), ("1.234,5", 5), ("1,", 1),
                      (",123", 0), ("1,,234", 1), ("1,234,5", 5)])
    func misplacedSeparators(_ text: String, _ offset: Int) {
        let found = failure(text)
        #expect(found?.offset == offset, "\(text)")
        if text != ",123" { #expect(found?.reason == .misplacedSeparator, "\(text)") }
    }

    @Test func chineseNumerals() {
        let percent = FigureParser.parse("百分之五点五")
        #expect(percent.figure?.quantity() == Quantity(dec("5.5")!, .percent))
        #expect(percent.normalizations == [.chineseNumerals])
        #expect(figure("一百二十")?.value == 120)
        #expect(figure("三点五万")?.quantity() == Quantity(dec("3.5")!, Unit.parse("万")!))
        #expect(figure("十四万八千人")?.quantity() == Quantity(148000, Unit.parse("人")!))
        #expect(figure("一百二十万元")?.quantity() == Quantity(120, Unit.parse("万元")!))
        #expect(figure("两千亩")?.quantity() == Quantity(2000, Unit.parse("亩")!))
        #expect(figure("零")?.value == .zero)
        #expect(figure("千分之三")?.quantity() == Quantity(3, .permille))
        #expect(figure("负百分之二")?.value == -2)
        #expect(figure("百分之5.5")?.quantity() == Quantity(dec("5.5")!, .percent))
    }

    @Test func wordsForZero() {
        for text in ["持平", "同比持平", "与上年持平", " 持平 "] {
            let parse = FigureParser.parse(text)
            #expect(parse.figure?.quantity() == Quantity(.zero, .percent), "\(text)")
            #expect(parse.normalizations.contains(.flatMeansZero), "\(text)")
        }
        #expect(figure("基本持平")?.qualifier == .about)
        let zero = FigureParser.parse("零增长")
        #expect(zero.figure?.quantity() == Quantity(.zero, .percent))
        #expect(zero.normalizations == [.zeroGrowthMeansZero])
    }

    @Test func qualitativeTargets() {
        let positive = FigureParser.parse("保持正增长").qualitative
        #expect(positive?.phrase == .positiveGrowth)
        #expect(positive?.relation == .moreThan)
        #expect(positive?.bound == Quantity(.zero, .percent))
        #expect(FigureParser.parse("正增长").qualitative?.relation == .moreThan)
        #expect(FigureParser.parse("负增长").qualitative?.relation == .lessThan)
    }

    @Test(arguments: [
        ("6%以上", "6", FigureQualifier.atLeast, "以上"), ("约5.5%", "5.5", .about, "约"),
        ("5.5%左右", "5.5", .about, "左右"), ("不低于6%", "6", .atLeast, "不低于"),
        ("不超过3%", "3", .atMost, "不超过"), ("3%以下", "3", .atMost, "以下"), ("超过5%", "5", .moreThan, "超过"),
        ("低于2%", "2", .lessThan, "低于"), ("≥5%", "5", .atLeast, "≥"), ("＞5%", "5", .moreThan, ">"),
        ("控制在3%以内", "3", .atMost, "控制在…以内"), ("约5.5%左右", "5.5", .about, "约…左右"),
        ("稳定在6%以上", "6", .atLeast, "稳定在…以上"), ("14.8万人以上", "14.8", .atLeast, "以上"),
        ("6% 以上", "6", .atLeast, "以上"),
    ])
    func qualifiers(_ text: String, _ value: String, _ qualifier: FigureQualifier, _ words: String) {
        let parsed = figure(text)
        #expect(parsed?.value == dec(value), "\(text)")
        #expect(parsed?.qualifier == qualifier, "\(text)")
        #expect(parsed?.qualifierText == words, "\(text)")
    }

    @Test func changeWords() {
        let growth = FigureParser.parse("同比增长5.5%")
        #expect(growth.figure?.value == dec("5.5"))
        #expect(growth.normalizations == [.growthWordDropped])
        let decline = FigureParser.parse("下降2.5%")
        #expect(decline.figure?.value == dec("-2.5"))
        #expect(decline.normalizations == [.declineMeansNegative])
        #expect(figure("增长6%以上")?.qualifier == .atLeast)
        #expect(failure("下降-2%") == FigureParseFailure(reason: .unexpectedCharacter, offset: 2))
    }

    @Test("every word of decline reads as a negative change, every word of increase as a positive one",
          arguments: ["下降", "降低", "减少", "回落", "同比降低", "比上年回落", "较上年减少"])
    func declineWords(word: String) {
        let parsed = FigureParser.parse(word + "2.6%")
        #expect(parsed.figure?.value == dec("-2.6"))
        #expect(parsed.normalizations == [.declineMeansNegative])
    }

    @Test(arguments: ["增长", "上升", "增加", "提高", "同比提高", "较上年上升"])
    func increaseWords(word: String) {
        let parsed = FigureParser.parse(word + "2.6%")
        #expect(parsed.figure?.value == dec("2.6"))
        #expect(parsed.normalizations == [.growthWordDropped])
    }

    @Test func exponentNotationFromExcel() {
        let parse = FigureParser.parse("1.48E+05")
        #expect(parse.figure?.value == 148000)
        #expect(parse.normalizations == [.exponentNotation])
    }

    @Test(arguments: [
        ("", FigureParseFailure.Reason.empty, 0), ("   ", .empty, 0), ("abc", .noNumber, 0),
        ("5..5", .unexpectedCharacter, 2), ("1e400", .outOfRange, 0), ("约", .noNumber, 1),
        ("万元", .noNumber, 0), ("5.5%%", .unexpectedCharacter, 4), ("15%-20%", .unexpectedCharacter, 3),
        ("5.5%。", .unexpectedCharacter, 4), ("约6%以上", .conflictingQualifiers, 3),
        ("5元5", .unknownUnit, 2), ("三点", .invalidChineseNumeral, 1), ("一百二三", .invalidChineseNumeral, 3),
        ("  abc", .noNumber, 2), ("5 万 人 口", .unknownUnit, 3), ("百分之五人", .unexpectedCharacter, 4),
        ("nan", .noNumber, 0), ("12345678901234567890123456789012345678901", .outOfRange, 0),
        (".", .noNumber, 0), ("-", .noNumber, 1), ("5.5pp以上以上", .unexpectedCharacter, 5), ("1_000", .unknownUnit, 1),
    ])
    func failures(_ text: String, _ reason: FigureParseFailure.Reason, _ offset: Int) {
        #expect(failure(text) == FigureParseFailure(reason: reason, offset: offset), "\(text)")
    }

    @Test func randomTextNeverCrashesOrHangs() {
        // A fixed-seed generator, so a failure reproduces.
        var generator = SeededGenerator(seed: 0x5EED_2025)
        func next() -> UInt64 { generator.next() }
        let alphabet = Array("0123456789.,，+-−－eE%％‰ 　\u{00A0}万亿千百十点零〇一二两三四五六七八九百分之个百分点约左右以上以下不低于超过持平正负增长下降元人亩ａ１２３５．abc/·()≥＞<\t\n\u{FEFF}".unicodeScalars)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<20_000 {
                var text = String.UnicodeScalarView()
                let length = Int(next() % 16)
                for _ in 0..<length {
                    if next() % 10 == 0 {
                        // Any scalar at all, now and then.
                        text.append(Unicode.Scalar(UInt32(next() % 0x10FFFF)) ?? "?")
                    } else {
                        text.append(alphabet[Int(next() % UInt64(alphabet.count))])
                    }
                }
                let string = String(text)
                let parse = FigureParser.parse(string)
                if let failure = parse.failure {
                    #expect(failure.offset >= 0 && failure.offset <= string.unicodeScalars.count, "\(string)")
                }
                _ = Unit.parse(string)
                _ = ExactDecimal(parsing: string)
            }
        }
        #expect(elapsed < .seconds(20))
    }

    @Test func longInputsFinishQuickly() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = FigureParser.parse(String(repeating: "9", count: 100_000))
            _ = FigureParser.parse("1e" + String(repeating: "9", count: 100_000))
            _ = FigureParser.parse(String(repeating: "一", count: 100_000))
            _ = FigureParser.parse("5" + String(repeating: "万", count: 100_000))
            _ = FigureParser.parse(String(repeating: "1,000", count: 20_000))
        }
        #expect(elapsed < .seconds(5))
    }
}
