import PlancheckCore
@testable import PlancheckReport
import PlancheckYAML
import Testing

@Suite("Text reporter")
struct TextReporterTests {
    @Test("the caret lines up under a value that follows Chinese text (two columns per character)")
    func caretUnderCJK() {
        let file = SourceFile(path: "d.yml", text: "indicators:\n  地区生产总值增长: ５.５％ # 全角\n")
        // `５.５％` starts after two spaces, eight CJK characters, a colon and a space: byte 2 + 24 + 2 = 28.
        let start = SourceMark(line: 2, column: 14, offset: 12 + 28)
        let end = SourceMark(line: 2, column: 17, offset: 12 + 28 + 7)
        let location = SourceLocation(file: file, span: SourceSpan(start: start, end: end))
        let lines = TextReporter(useColor: false).excerpt(location, gutter: 2, color: .red)
        #expect(lines.count == 3)
        #expect(lines[1] == "2 |   地区生产总值增长: ５.５％ # 全角")
        // Display columns: 2 spaces + 8 wide characters (16) + ": " (2) = 20 columns before the value; the value
        // is two wide characters and a point: 5 columns of carets.
        #expect(lines[2] == "  | " + String(repeating: " ", count: 20) + "^^^^^")
    }

    @Test("colour only when asked for")
    func colour() {
        #expect(!TextReporter(useColor: false).paint("x", .red).contains("\u{1B}"))
        #expect(TextReporter(useColor: true).paint("x", .red).contains("\u{1B}[31m"))
    }
}

@Suite("Text reporter: layout")
struct TextLayoutTests {
    @Test("a mixed Chinese and ASCII line: the carets start and end under the value's display columns")
    func caretUnderMixedLine() {
        // `gdp增长: 5.2% # 注` — three ASCII letters, two wide characters, then `: `; the value `5.2%` starts at
        // display column 10 (0-based 9) and takes four columns.
        let text = "a:\n  gdp增长: 5.2% # 注\n"
        let file = SourceFile(path: "m.yml", text: text)
        let lineStart = 3
        let valueOffset = lineStart + Array("  gdp增长: ".utf8).count
        let location = SourceLocation(file: file, span: SourceSpan(
            start: SourceMark(line: 2, column: 10, offset: valueOffset),
            end: SourceMark(line: 2, column: 14, offset: valueOffset + 4)))
        let lines = TextReporter(useColor: false).excerpt(location, gutter: 2, color: .red)
        #expect(lines[1] == "2 |   gdp增长: 5.2% # 注")
        let caretLine = lines[2].dropFirst("  | ".count)
        let firstCaret = caretLine.firstIndex(of: "^").map { caretLine.distance(from: caretLine.startIndex, to: $0) }
        // 2 spaces + 3 ASCII + 2×2 wide + ": " = 11 columns before the value.
        #expect(firstCaret == 11)
        #expect(caretLine.filter { $0 == "^" }.count == 4)
        #expect(DisplayWidth.of("  gdp增长: ") == 11)
    }

    @Test("every line of the examples' report fits in 100 columns, in both languages")
    func fitsTerminal() throws {
        for language in Language.allCases {
            let text = TextReporter(useColor: false).render(try ReportGoldenTests.exampleReport(language: language))
            for line in text.split(separator: "\n") {
                // Source lines (`13 |   key: value`) are shown as written; everything plancheck composes must fit.
                let trimmed = line.drop { $0 == " " }
                if let bar = trimmed.firstIndex(of: "|"), trimmed[..<bar].allSatisfy({ $0.isNumber || $0 == " " }),
                   trimmed.first?.isNumber == true { continue }
                #expect(DisplayWidth.of(line) <= 100, "\(language): \(line)")
            }
        }
    }

    @Test("wrapping Chinese never starts a line with closing punctuation")
    func wrapsChinese() {
        let lines = DisplayWidth.wrap(String(repeating: "规划目标，", count: 20), firstWidth: 21, width: 21)
        #expect(lines.count > 1)
        for line in lines {
            #expect(DisplayWidth.of(line) <= 21)
            #expect(line.first != "，")
        }
    }

    @Test("a share shows its arithmetic; an aggregate its contributions and total")
    func arithmetic() throws {
        let report = try ReportGoldenTests.exampleReport(language: .zh)
        let text = TextReporter(useColor: false).render(report)
        #expect(text.contains("= 计算: 62亿元 ÷ 86亿元 = ≈72.09%；目标 ≥ 75%，差距 ≈-2.91个百分点"))
        #expect(text.contains("= 计算: 13 个区县合计 14.1万人；目标 ≥ 14.8万人，差距 -0.7万人"))
        #expect(text.contains("城镇新增就业（各区县合计）"))
    }

    @Test("no escape codes without colour; the summary tables are there")
    func plainSummary() throws {
        let text = TextReporter(useColor: false).render(try ReportGoldenTests.exampleReport(language: .en))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("By district"))
        #expect(text.contains("Rules that failed somewhere"))
        let coloured = TextReporter(useColor: true).render(try ReportGoldenTests.exampleReport(language: .en))
        #expect(coloured.contains("\u{1B}[1;31m"))
    }
}
