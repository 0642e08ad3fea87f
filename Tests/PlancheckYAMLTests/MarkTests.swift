import Testing
@testable import PlancheckYAML

@Suite struct MarkTests {
    @Test func keyAndValueOnLine12() throws {
        let text = (1...11).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nname: hello world\n"
        let file = SourceFile(path: "test.yaml", text: text)
        let doc = try YAMLReader.read(file).documents[0]
        let pair = try #require(doc.mapping?.last)
        let line12 = file.lineStarts[11]
        #expect(at(pair.key.span) == "12:1@\(line12)-12:5@\(line12 + 4)")
        #expect(at(pair.value.span) == "12:7@\(line12 + 6)-12:18@\(line12 + 17)")
        #expect(pair.value.scalar?.text == "hello world")
        #expect(file.lineText(pair.value.span.start.line) == "name: hello world")
    }

    @Test func columnsCountCharactersAndOffsetsCountBytes() throws {
        let doc = try root("名称: 沈阳\n区划: [和平区, 沈河区]\n")
        let pairs = try #require(doc.mapping)
        #expect(at(pairs[0].key.span) == "1:1@0-1:3@6")
        #expect(at(pairs[0].value.span) == "1:5@8-1:7@14")
        #expect(at(pairs[1].key.span) == "2:1@15-2:3@21")
        #expect(at(pairs[1].value.span) == "2:5@23-2:15@45")
        let items = try #require(pairs[1].value.sequence)
        #expect(at(items[0].span) == "2:6@24-2:9@33")
        #expect(at(items[1].span) == "2:11@35-2:14@44")
    }

    @Test func markAfterLongCJKLineStaysExact() throws {
        // Many multi-byte characters before a value, several lines down: the mapper must stay in step.
        let filler = String(repeating: "规划", count: 300)
        let doc = try root("a: \(filler)\nb: \(filler)\nc: 值\n")
        let c = try #require(doc.mapping?[2].value)
        let offset = 2 * (3 + filler.utf8.count + 1) + 3
        #expect(at(c.span) == "3:4@\(offset)-3:5@\(offset + 3)")
    }

    private static let spans = """
        a: "quoted"
        b: 'single'
        c: |
          line one
          line two

        d: >-
          folded
          text
        e: plain
          continued
        f: {x: 1, y: [1, 2]}

        """

    @Test func spansOfScalarsAndCollections() throws {
        let doc = try root(Self.spans)
        let values = try #require(doc.mapping).map(\.value)
        #expect(at(values[0].span) == "1:4@3-1:12@11", "double-quoted: the quotes are inside the span")
        #expect(at(values[1].span) == "2:4@15-2:12@23", "single-quoted")
        #expect(at(values[2].span) == "3:4@27-5:11@50", "literal: from the indicator to the last content character")
        #expect(values[2].scalar?.text == "line one\nline two\n")
        #expect(at(values[3].span) == "7:4@55-9:7@73", "folded")
        #expect(values[3].scalar?.text == "folded text")
        #expect(at(values[4].span) == "10:4@77-11:12@94", "multi-line plain scalar covers both lines")
        #expect(values[4].scalar?.text == "plain continued")
        #expect(at(values[5].span) == "12:4@98-12:21@115", "flow mapping: from { to after }")
        let inner = try #require(values[5]["y"])
        #expect(at(inner.span) == "12:14@108-12:20@114", "flow sequence: from [ to after ]")
        #expect(at(doc.span) == "1:1@0-12:21@115", "a block mapping ends where its last value ends")
    }

    @Test func blockCollectionEndsAtItsLastEntryNotAtTheNextToken() throws {
        let doc = try root("a:\n  - 1\n  - 2\n\n# comment\nb: 3\n")
        let seq = try #require(doc["a"])
        #expect(at(seq.span) == "2:3@5-3:6@14")
    }

    @Test func keepChompedBlockScalarSpanStopsAtContent() throws {
        let doc = try root("k: |+\n  text\n\n\nnext: 1\n")
        let value = try #require(doc["k"])
        #expect(value.scalar?.text == "text\n\n\n")
        #expect(at(value.span) == "1:4@3-2:7@12")
    }

    @Test func emptyBlockScalarSpansItsHeader() throws {
        let doc = try root("k: |\nnext: 1\n")
        let value = try #require(doc["k"])
        #expect(value.scalar?.text == "")
        #expect(at(value.span) == "1:4@3-1:5@4")
    }

    @Test func crlfLineEnds() throws {
        let file = SourceFile(path: "test.yaml", text: "a: 1\r\nb: two\r\nc:\r\n  - x\r\n")
        let doc = try YAMLReader.read(file).documents[0]
        let pairs = try #require(doc.mapping)
        #expect(at(pairs[1].key.span) == "2:1@6-2:2@7")
        #expect(at(pairs[1].value.span) == "2:4@9-2:7@12")
        #expect(pairs[1].value.scalar?.text == "two")
        #expect(at(pairs[2].value.span) == "4:3@20-4:6@23")
        #expect(file.lineText(2) == "b: two")
    }

    @Test func utf8ByteOrderMarkIsSkippedAndNotCounted() throws {
        let doc = try read(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: 名\n".utf8)).documents[0]
        let pairs = try #require(doc.mapping)
        #expect(at(pairs[0].key.span) == "1:1@3-1:2@4")
        #expect(at(pairs[0].value.span) == "1:4@6-1:5@7")
        #expect(at(pairs[1].value.span) == "2:4@11-2:5@14")
    }

    @Test func emptyValueIsANullAtTheColon() throws {
        let doc = try root("a:\nb: 1\n")
        let value = try #require(doc["a"])
        #expect(value.scalar?.kind == .null)
        #expect(value.span.start.line == 1)
    }
}
