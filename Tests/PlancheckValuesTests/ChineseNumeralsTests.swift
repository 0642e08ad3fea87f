import Testing
@testable import PlancheckValues

@Suite("ChineseNumerals")
struct ChineseNumeralsTests {
    @Test(arguments: [
        ("零", "0"), ("〇", "0"), ("一", "1"), ("十", "10"), ("十四", "14"), ("二十", "20"), ("一百二十", "120"),
        ("两百", "200"), ("一百零五", "105"), ("一千零一十", "1010"), ("一千零一", "1001"), ("三千五百", "3500"),
        ("十四万八千", "148000"), ("一万五", "15000"), ("一百五", "150"), ("三千五", "3500"),
        ("一亿二千万", "120000000"), ("三亿五千万", "350000000"), ("一万亿", "1000000000000"),
        ("二〇二五", "2025"), ("三点五", "3.5"), ("五点五", "5.5"), ("零点七五", "0.75"), ("十四点八", "14.8"),
        ("壹佰贰拾", "120"), ("一万零五", "10005"), ("一百万", "1000000"),
    ])
    func reads(_ text: String, _ expected: String) {
        #expect(ChineseNumerals.value(of: text) == ExactDecimal(parsing: expected), "\(text)")
    }

    @Test(arguments: ["", "百", "万", "三点", "一百二三", "十百", "五万万", "abc", "一百零", "点五"])
    func rejects(_ text: String) {
        #expect(ChineseNumerals.value(of: text) == nil, "\(text)")
    }

    @Test func leavesAFinalMagnitudeToTheUnit() {
        let text = Array("一百二十万元".unicodeScalars)
        let scan = ChineseNumerals.scan(text, from: 0, to: text.count, splitMagnitude: true)
        #expect(scan == .number(120, end: 4, magnitudeSplit: true))
        let both = Array("十四万八千人".unicodeScalars)
        #expect(ChineseNumerals.scan(both, from: 0, to: both.count, splitMagnitude: true)
            == .number(148000, end: 5, magnitudeSplit: false))
    }
}
