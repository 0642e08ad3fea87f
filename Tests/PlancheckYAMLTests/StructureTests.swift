import Testing
@testable import PlancheckYAML

@Suite struct DuplicateKeyTests {
    @Test func laterKeyIsReportedWithTheFirst() throws {
        let stream = try read("a: 1\nb: 2\na: 3\n")
        let issue = try #require(stream.issues.first)
        #expect(stream.issues.count == 1)
        #expect(issue.kind == .duplicateKey)
        #expect(issue.text == "a")
        #expect(at(issue.span) == "3:1@10-3:2@11")
        #expect(issue.otherSpan.map(at) == "1:1@0-1:2@1")
        #expect(stream.documents[0].mapping?.count == 3, "both pairs stay")
    }

    @Test func keysCompareAsResolvedValues() throws {
        #expect(try read("1: a\n\"1\": b\n").issues.isEmpty, "int 1 and string \"1\" differ")
        #expect(try read("~: a\nnull: b\n").issues.count == 1, "both null")
        #expect(try read("true: a\nTrue: b\n").issues.count == 1, "both true")
        #expect(try read("0x10: a\n16: b\n").issues.count == 1, "both sixteen")
        #expect(try read("a: 1\n'a': 2\n").issues.count == 1, "quoting does not change a string")
        #expect(try read("a: 1\nA: 2\n").issues.isEmpty)
    }

    @Test func complexKeysCompareByStructure() throws {
        let same = try read("? [a, b]\n: 1\n? [a, b]\n: 2\n")
        #expect(same.issues.map(\.kind) == [.duplicateKey])
        #expect(same.issues.first?.text == "[\"a\", \"b\"]")
        #expect(try read("? [a, b]\n: 1\n? [a, 'b, c']\n: 2\n").issues.isEmpty)
        #expect(try read("? {a: 1}\n: first\n? {a: 1}\n: second\n").issues.count == 1)
    }

    @Test func eachMappingIsSeparate() throws {
        #expect(try read("a: {x: 1}\nb: {x: 2}\n").issues.isEmpty)
        #expect(try read("- {x: 1, x: 2}\n").issues.count == 1)
    }

    @Test func manyKeysStayFast() throws {
        let text = (0..<50_000).map { "key\($0): \($0)" }.joined(separator: "\n") + "\nkey7: again\n"
        let start = ContinuousClock.now
        let stream = try read(text)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(stream.issues.count == 1)
        #expect(stream.issues.first?.otherSpan?.start.line == 8)
    }
}

@Suite struct AliasTests {
    @Test func aliasExpandsToACopyPointingAtTheAlias() throws {
        let doc = try root("base: &b {k: v, n: 1}\nuse: *b\n")
        let base = try #require(doc["base"])
        let use = try #require(doc["use"])
        #expect(base.anchor == "b")
        #expect(!base.isAliasExpansion)
        #expect(use.isAliasExpansion)
        #expect(use["k"]?.scalar?.text == "v")
        #expect(at(use.span) == "2:6@27-2:8@29")
        #expect(use["k"]?.span == base["k"]?.span, "inside the copy, spans still point at the real text")
    }

    @Test func scalarAlias() throws {
        let doc = try root("- &x 5\n- *x\n")
        let items = try #require(doc.sequence)
        #expect(items[1].scalar?.intValue == 5)
        #expect(items[1].isAliasExpansion)
    }

    @Test func undefinedAlias() throws {
        let error = try #require(readError("a: 1\nb: *nope\n"))
        #expect(error.kind == .undefinedAlias)
        #expect(at(error.mark) == "2:4@8")
    }

    @Test func aliasInsideItsOwnAnchorIsRejected() throws {
        let error = try #require(readError("a: &x [1, *x]\n"))
        #expect(error.kind == .undefinedAlias)
        #expect(error.problem == LibyamlText.Ours.recursiveAlias)
    }

    @Test func anchorsDoNotCrossDocuments() throws {
        let error = try #require(readError("a: &x 1\n---\nb: *x\n", limits: YAMLLimits(allowMultipleDocuments: true)))
        #expect(error.kind == .undefinedAlias)
    }

    @Test func billionLaughsFailsFast() throws {
        var lines = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<9 {
            let previous = "*" + names[level - 1]
            let items = Array(repeating: previous, count: 10).joined(separator: ", ")
            lines.append("\(names[level]): &\(names[level]) [\(items)]")
        }
        let start = ContinuousClock.now
        let error = try #require(readError(lines.joined(separator: "\n") + "\n"))
        #expect(ContinuousClock.now - start < .milliseconds(500))
        #expect(error.kind == .aliasExpansionLimit)
        #expect(error.mark.line > 1 && error.mark.line <= 9)
    }

    @Test func expansionLimitIsConfigurable() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
        #expect(readError(text, limits: YAMLLimits(maxAliasExpansionNodes: 8)) == nil)
        #expect(readError(text, limits: YAMLLimits(maxAliasExpansionNodes: 7))?.kind == .aliasExpansionLimit)
    }
}

@Suite struct LimitTests {
    @Test func tenThousandFlowLevels() throws {
        let error = try #require(readError(String(repeating: "[", count: 10_000)))
        #expect(error.kind == .tooDeep)
        #expect(at(error.mark) == "1:513@512")
    }

    @Test func tenThousandBlockSequenceLevels() throws {
        let error = try #require(readError(String(repeating: "- ", count: 10_000) + "x\n"))
        #expect(error.kind == .tooDeep)
    }

    @Test func tenThousandBlockMappingLevels() throws {
        // Explicit keys nest block mappings on one line; indentation would make the file quadratic in size.
        let error = try #require(readError(String(repeating: "? ", count: 10_000) + "x\n"))
        #expect(error.kind == .tooDeep)
    }

    @Test func deepIndentedBlockMappings() throws {
        var text = ""
        for level in 0..<600 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        let error = try #require(readError(text))
        #expect(error.kind == .tooDeep)
        #expect(error.mark.line == 513)
    }

    @Test func depthLimitIsConfigurable() throws {
        #expect(readError("[[[1]]]", limits: YAMLLimits(maxDepth: 3)) == nil)
        #expect(readError("[[[1]]]", limits: YAMLLimits(maxDepth: 2))?.kind == .tooDeep)
    }

    @Test func sizeLimit() throws {
        let error = try #require(readError("a: 1\nb: 2\nc: 3\n", limits: YAMLLimits(maxInputBytes: 8)))
        #expect(error.kind == .tooLarge)
        #expect(at(error.mark) == "2:4@8")
        #expect(readError("a: 1\n", limits: YAMLLimits(maxInputBytes: 5)) == nil)
    }
}

@Suite struct DocumentTests {
    @Test func emptyFile() throws {
        #expect(try read("").documents.isEmpty)
    }

    @Test func onlyComments() throws {
        #expect(try read("# nothing here\n   # still nothing\n\n").documents.isEmpty)
    }

    @Test func explicitEmptyDocumentIsNull() throws {
        let docs = try read("---\n").documents
        #expect(docs.count == 1)
        #expect(docs.first?.scalar?.kind == .null)
    }

    @Test func secondDocumentIsAnErrorByDefault() throws {
        let error = try #require(readError("a: 1\n---\nb: 2\n"))
        #expect(error.kind == .multipleDocuments)
        #expect(at(error.mark) == "2:1@5")
        #expect(error.contextMark.map(at) == "1:1@0")
    }

    @Test func multipleDocumentsWhenAllowed() throws {
        let stream = try read("a: 1\n---\nb: 2\n...\n---\n- 3\n", limits: YAMLLimits(allowMultipleDocuments: true))
        #expect(stream.documents.count == 3)
        #expect(stream.documents[1]["b"]?.scalar?.intValue == 2)
        #expect(stream.documents[2].span.start.line == 6)
    }

    @Test func oneExplicitDocumentIsFine() throws {
        #expect(try read("---\na: 1\n...\n").documents.count == 1)
    }
}

@Suite struct ErrorTests {
    @Test func invalidUTF8IsAReaderErrorAtTheByte() throws {
        let error = try #require(readError(bytes: Array("a: ok\nb: x".utf8) + [0xFF] + Array("\n".utf8)))
        #expect(error.kind == .reader)
        #expect(error.problem == "invalid leading UTF-8 octet")
        #expect(at(error.mark) == "2:5@10")
        #expect(LibyamlText.chinese(error.problem) != nil)
    }

    @Test func gbkBytesAreAReaderError() throws {
        // "沈阳" in GBK: what a file saved by an old Windows editor looks like.
        let error = try #require(readError(bytes: Array("name: ".utf8) + [0xC9, 0xF2, 0xD1, 0xF4] + [0x0A]))
        #expect(error.kind == .reader)
        #expect(error.mark.line == 1)
        #expect(error.mark.offset >= 6)
    }

    @Test func controlCharacter() throws {
        let error = try #require(readError(bytes: Array("a: x".utf8) + [0x00] + Array("\n".utf8)))
        #expect(error.kind == .reader)
        #expect(error.problem == "control characters are not allowed")
        #expect(at(error.mark) == "1:5@4")
    }

    @Test func tabIndentationIsAScannerErrorAtTheTab() throws {
        let error = try #require(readError("a:\n  b: 1\n\tc: 2\n"))
        #expect(error.kind == .scanner)
        #expect(at(error.mark) == "3:1@10")
        #expect(error.problem == "found a tab character that violates indentation")
        #expect(LibyamlText.plainEnglish(error.problem)?.contains("tab") == true)
        #expect(LibyamlText.chinese(error.problem)?.contains("Tab") == true)
    }

    @Test func tabBeforeATopLevelKey() throws {
        let error = try #require(readError("a: 1\n\tb: 2\n"))
        #expect(error.kind == .scanner)
        #expect(at(error.mark) == "2:1@5")
        #expect(error.problem == "found a tab character that violates indentation")
    }

    @Test func valueStartingWithAtSign() throws {
        let error = try #require(readError("联系人: 王\n邮箱: @planning\n"))
        #expect(error.kind == .scanner)
        #expect(at(error.mark) == "2:5@23")
        #expect(error.problem == "found character that cannot start any token")
        #expect(LibyamlText.plainEnglish(error.problem)?.contains("tab") == true)
        #expect(LibyamlText.chinese(error.problem)?.contains("引号") == true)
    }

    @Test func unterminatedFlowSequence() throws {
        let error = try #require(readError("a: [1, 2\nb: 3\n"))
        #expect(error.kind == .parser || error.kind == .scanner)
        #expect(error.context == "while parsing a flow sequence")
        #expect(error.contextMark.map(at) == "1:4@3")
        #expect(error.mark.line == 2)
        #expect(LibyamlText.chinese(error.problem) != nil)
        #expect(LibyamlText.chinese(error.context ?? "") != nil)
    }

    @Test func badIndentationAfterCJK() throws {
        let error = try #require(readError("名称: 沈阳\n  区划: 和平\n"))
        #expect(error.kind == .scanner)
        #expect(error.problem == "mapping values are not allowed in this context")
        #expect(at(error.mark) == "2:5@23")
    }

    @Test func unclosedQuote() throws {
        let error = try #require(readError("a: \"open\nb: 1\n"))
        #expect(error.kind == .scanner)
        #expect(error.problem == "found unexpected end of stream")
        #expect(error.context == "while scanning a quoted scalar")
        #expect(error.contextMark.map(at) == "1:4@3")
    }

    @Test func utf16IsRejectedClearly() throws {
        let error = try #require(readError(bytes: [0xFF, 0xFE, 0x61, 0x00]))
        #expect(error.kind == .reader)
        #expect(error.problem == LibyamlText.Ours.utf16)
    }

    @Test func garbageNeverCrashes() {
        // A fixed pseudo-random byte soup, biased towards YAML syntax characters.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("-:?[]{},&*!|>'\"#%@` \t\n\r\\ab1名".utf8)
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<64 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            if let error = readError(bytes: bytes, limits: YAMLLimits(allowMultipleDocuments: true)) {
                #expect(error.mark.line >= 1 && error.mark.column >= 1 && error.mark.offset <= bytes.count)
            }
        }
    }
}

@Suite struct LibyamlTextTests {
    @Test func everyEntryHasChinese() {
        for entry in LibyamlText.entries {
            #expect(!entry.chinese.isEmpty, "\(entry.english)")
            #expect(entry.chinese.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(entry.english)")
        }
        #expect(Set(LibyamlText.entries.map(\.english)).count == LibyamlText.entries.count, "no duplicates")
    }

    @Test func ourOwnProblemsAreTranslated() {
        for text in [LibyamlText.Ours.tooLarge, LibyamlText.Ours.tooDeep, LibyamlText.Ours.aliasExpansionLimit,
                     LibyamlText.Ours.undefinedAlias, LibyamlText.Ours.recursiveAlias,
                     LibyamlText.Ours.multipleDocuments, LibyamlText.Ours.utf16, LibyamlText.Ours.outOfMemory,
                     LibyamlText.Ours.unknown] {
            #expect(LibyamlText.chinese(text) != nil, "\(text)")
        }
    }

    @Test func lookups() {
        #expect(LibyamlText.chinese("did not find expected key")?.contains("缩进") == true)
        #expect(LibyamlText.plainEnglish("while parsing a block mapping") == "while parsing a block mapping")
        #expect(LibyamlText.chinese("no such text") == nil)
        #expect(LibyamlText.plainEnglish("no such text") == nil)
    }
}

@Suite struct SkippedIssueTests {
    /// Every node of `node` with its span, style and (for scalars) kind and text, one per line.
    private func outline(_ node: YAMLNode, depth: Int = 0, into lines: inout [String]) {
        let indent = String(repeating: " ", count: depth)
        switch node.content {
        case .scalar(let scalar):
            lines.append("\(indent)\(at(node.span)) \(scalar.style) \(scalar.kind) \(scalar.text)")
        case .sequence(let items, let style):
            lines.append("\(indent)\(at(node.span)) sequence \(style)")
            for item in items { outline(item, depth: depth + 1, into: &lines) }
        case .mapping(let pairs, let style):
            lines.append("\(indent)\(at(node.span)) mapping \(style)")
            for pair in pairs {
                outline(pair.key, depth: depth + 1, into: &lines)
                outline(pair.value, depth: depth + 2, into: &lines)
            }
        }
    }

    @Test func withoutIssueFindingTheTreeIsTheSameAndNoIssueIsReported() throws {
        let text = """
        a: 1
        b: {x: yes, y: 010, x: 2}
        c:
          - on
          - 12:30
          - [k, {deep: "v"}]
        a: again
        text: |
          two
          lines
        """
        let file = SourceFile(path: "test.yaml", text: text)
        let checked = try YAMLReader.read(file)
        let unchecked = try YAMLReader.read(file, findIssues: false)
        #expect(Set(checked.issues.map(\.kind)) == [.duplicateKey, .yaml11Boolean, .yaml11Octal, .yaml11Sexagesimal])
        #expect(unchecked.issues.isEmpty)
        var expected: [String] = [], actual: [String] = []
        for document in checked.documents { outline(document, into: &expected) }
        for document in unchecked.documents { outline(document, into: &actual) }
        #expect(actual == expected)
        #expect(expected.count > 10)
    }

    @Test func errorsAndLimitsStillApply() {
        let file = SourceFile(path: "test.yaml", text: "a: [1, 2\n")
        #expect(throws: YAMLError.self) { try YAMLReader.read(file, findIssues: false) }
        var limits = YAMLLimits()
        limits.maxDepth = 2
        let deep = SourceFile(path: "test.yaml", text: "a: {b: {c: {d: 1}}}\n")
        #expect(throws: YAMLError.self) { try YAMLReader.read(deep, limits: limits, findIssues: false) }
    }
}
