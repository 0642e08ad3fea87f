import Foundation
import PlancheckCore
@testable import PlancheckReport
import Testing

/// Display widths from the Unicode data, so carets stay under the characters they mark.
@Suite("Display width")
struct DisplayWidthTests {
    @Test("widths of known characters: ASCII 1, CJK and full-width 2, combining and format 0, emoji 2")
    func knownWidths() {
        let cases: [(Unicode.Scalar, Int)] = [
            ("a", 1), ("中", 2), ("沈", 2), ("５", 2), ("％", 2), ("\u{3000}", 2), ("、", 2), ("\u{20000}", 2),
            ("\u{0301}", 0), ("\u{200B}", 0), ("\u{202E}", 0), ("\u{FEFF}", 0), ("\u{1F600}", 2), ("é", 1),
            ("≈", 1), ("—", 1), ("\u{AC00}", 2), ("\u{1160}", 0), ("\u{FF61}", 1), ("\u{2329}", 2),
        ]
        for (scalar, width) in cases {
            #expect(DisplayWidth.of(scalar) == width, "U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
        #expect(DisplayWidth.of("地区生产总值增长: ５.５％") == 16 + 2 + 7)
    }

    @Test("the generated tables are sorted and disjoint, and record their Unicode version")
    func tablesAreWellFormed() {
        for table in [DisplayWidth.wideRanges, DisplayWidth.zeroRanges] {
            #expect(!table.isEmpty)
            for (earlier, later) in zip(table, table.dropFirst()) {
                #expect(earlier.upperBound < later.lowerBound)
            }
        }
        #expect(DisplayWidth.unicodeVersion.split(separator: ".").count == 3)
    }

    @Test("the tables are what scripts/generate-display-width.py makes, when its Python has the same Unicode version")
    func tablesAreCurrent() throws {
        let root = DefaultPackTests.root
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else { return }
        let version = Process()
        version.executableURL = URL(fileURLWithPath: python)
        version.arguments = ["-c", "import unicodedata; print(unicodedata.unidata_version)"]
        let pipe = Pipe()
        version.standardOutput = pipe
        try version.run()
        version.waitUntilExit()
        let unidata = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard unidata == DisplayWidth.unicodeVersion else { return }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = [root + "/scripts/generate-display-width.py", "--check"]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "regenerate: scripts/generate-display-width.py")
    }

    @Test("carets under a key with a combining mark, an emoji and Chinese line up with the marked text")
    func caretsLineUp() throws {
        let text = "submission:\n  district: \"990101\"\n  year: 2025\nindicators:\n  \"e\u{0301}😀地区\": ５.５％\n"
        let pack = try #require(Fixtures.loadTestPack())
        let loaded = SubmissionLoader.load(SourceFile(path: "w.yml", text: text), pack: pack)
        let diagnostic = try #require(loaded.diagnostics.first { $0.code == .unknownIndicator })
        let rendered = TextReporter(useColor: false).render(diagnostic, language: .en, pack: pack)
        let lines = rendered.split(separator: "\n").map(String.init)
        let source = try #require(lines.first { $0.contains("地区") && $0.contains(" | ") })
        let carets = try #require(lines.first { $0.contains("^") })
        let before = String(source[..<source.range(of: "\"")!.lowerBound])
        #expect(DisplayWidth.of(String(carets.prefix { $0 != "^" })) == DisplayWidth.of(before))
        // `"é😀地区"`: quotes 1 + 1, e 1, the combining accent 0, the emoji 2, two Chinese characters 4.
        #expect(carets.filter { $0 == "^" }.count == 9)
    }
}
