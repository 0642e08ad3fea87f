import PlancheckCore
@testable import PlancheckRules
import Testing

/// The shortcut for plain figures (`FigureText.plainFigure`) must read exactly what the full figure parser reads,
/// or decline. Checked over numbers crossed with unit texts, tricky ones included.
@Suite("FigureText shortcut")
struct FigureTextShortcutTests {
    static let numbers = ["0", "5", "05", "5.6", "5.60", "-2.6", "-0", "-0.0", "120", "0.001", "12345678901234567890",
                          "123456789012345678901234567890123456789012", "1.", ".5", "-", "--5", "5..5", "5.5.5",
                          "1,234", "1e5", "1E5", "+5", "5 ", " 5", "５", "−5"]
    static let suffixes = ["", "%", "％", " %", "%以上", "%左右", "以上", "个", "万人", "人", "亿元", "万元", "万亩", "P", "TB",
                           "pp", "个百分点", "百分点", "万", "万万", "元/人", "%%", "%-20%", "以上以上", "\u{3000}", "个 ",
                           "五", "e", "E3", "，000", "。", "万 人", "x", "左右以上", "约", "亿元以上", "‰"]

    @Test func agreesWithTheParser() {
        var shortcuts = 0
        for number in Self.numbers {
            for suffix in Self.suffixes {
                let text = number + suffix
                let full = FigureText.readInFull(text)
                guard let fast = FigureText.plainFigure(text) else { continue }
                shortcuts += 1
                #expect(full.failure == nil, "\(text): the parser fails but the shortcut read it")
                #expect(fast.value == full.value, "\(text): value \(fast.value) vs \(full.value)")
                #expect(fast.unit?.base == full.unit?.base && fast.unit?.exponent == full.unit?.exponent
                        && fast.unit?.symbol == full.unit?.symbol, "\(text): unit")
                #expect(fast.qualifier == full.qualifier, "\(text): qualifier")
                #expect(fast.bound == full.bound && full.normalisations.isEmpty && fast.normalisations.isEmpty,
                        "\(text): bound or normalisations")
            }
        }
        // The shortcut must actually be taken for the common forms.
        #expect(shortcuts > 100)
        for common in ["5.6%", "-2.6%", "120个", "1.2万人", "95", "95亿元", "6%以上"] {
            #expect(FigureText.plainFigure(common) != nil, "\(common) should take the shortcut")
        }
    }
}
