@testable import PlancheckCore
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
