import Testing
@testable import PlancheckYAML

@Suite struct StyleTests {
    @Test func scalarStyles() throws {
        let doc = try root("p: plain\ns: 'single'\nd: \"double\"\nl: |\n  lit\nf: >\n  fold\n")
        let styles = try #require(doc.mapping).map { $0.value.scalar?.style }
        #expect(styles == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
    }

    @Test func collectionStylesComeFromTheStartEvent() throws {
        let doc = try root("flowSeq: [1, 2]\nflowMap: {a: 1}\nblockSeq:\n  - 1\nblockMap:\n  a: 1\nempty: []\n")
        func style(_ key: String) -> CollectionStyle? {
            switch doc[key]?.content {
            case .sequence(_, let style)?: return style
            case .mapping(_, let style)?: return style
            default: return nil
            }
        }
        #expect(style("flowSeq") == .flow)
        #expect(style("flowMap") == .flow)
        #expect(style("blockSeq") == .block)
        #expect(style("blockMap") == .block)
        #expect(style("empty") == .flow)
        if case .mapping(_, let rootStyle) = doc.content { #expect(rootStyle == .block) } else { Issue.record("root") }
    }

    @Test func topLevelFlowSequenceReportsFlow() throws {
        let doc = try root("[1, 2]")
        guard case .sequence(let items, .flow) = doc.content else {
            Issue.record("expected a flow sequence, got \(doc.content)")
            return
        }
        #expect(items.compactMap { $0.scalar?.intValue } == [1, 2])
    }

    @Test func tagsAndAnchorsAreRecorded() throws {
        let doc = try root("a: !!str 12\nb: &anchor [x]\nc: !custom {k: v}\n")
        #expect(doc["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(doc["b"]?.anchor == "anchor")
        #expect(doc["c"]?.tag == "!custom")
    }
}

@Suite struct ResolutionTests {
    static let table: [(String, ScalarKind)] = [
        ("", .null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("nULL", .string), ("nul", .string), ("~~", .string),
        ("true", .bool), ("True", .bool), ("TRUE", .bool), ("false", .bool), ("False", .bool), ("FALSE", .bool),
        ("tRUE", .string), ("yes", .string), ("no", .string), ("on", .string), ("off", .string), ("y", .string),
        ("0", .int), ("12", .int), ("-12", .int), ("+12", .int), ("007", .int), ("0o17", .int), ("0o", .string),
        ("0o8", .string), ("0x1F", .int), ("0xff", .int), ("0x", .string), ("0xG", .string), ("-0x1F", .string),
        ("+0o7", .string), ("1_000", .string), ("1,000", .string), ("12abc", .string), ("-", .string),
        ("+", .string), ("0b101", .string),
        ("1.5", .float), ("-1.5", .float), ("+1.5", .float), (".5", .float), ("1.", .float), ("1e5", .float),
        ("1E+5", .float), ("1.5e-3", .float), ("-.5e3", .float), ("1e", .string), ("1e+", .string),
        ("e5", .string), (".", .string), ("..5", .string), ("1.2.3", .string), ("1.5f", .string),
        (".inf", .float), (".Inf", .float), (".INF", .float), ("-.inf", .float), ("+.INF", .float),
        (".iNf", .string), (".nan", .float), (".NaN", .float), (".NAN", .float), ("-.nan", .string),
        ("inf", .string), ("nan", .string),
        ("hello", .string), ("名称", .string), ("12:30", .string), ("2025-01-12", .string), ("5.5%", .string),
    ]

    @Test(arguments: table)
    func coreSchema(text: String, kind: ScalarKind) {
        #expect(ScalarKind(resolvingPlain: text) == kind, "\(text)")
    }

    @Test func plainScalarsInADocumentAreResolved() throws {
        let doc = try root("- 1\n- 1.5\n- true\n- ~\n- text\n- \n")
        #expect(try #require(doc.sequence).map { $0.scalar?.kind } == [.int, .float, .bool, .null, .string, .null])
    }

    @Test func quotedAndBlockScalarsAreStrings() throws {
        let doc = try root("- '1'\n- \"true\"\n- \"\"\n- |\n  12\n- >\n  null\n")
        #expect(try #require(doc.sequence).allSatisfy { $0.scalar?.kind == .string })
    }

    @Test func explicitTagsOverride() throws {
        let doc = try root("- !!str 12\n- !!int \"42\"\n- !!float 1\n- !!bool \"true\"\n- !!null ''\n- !!int abc\n- ! 12\n- !custom 12\n")
        let kinds = try #require(doc.sequence).map { $0.scalar?.kind }
        #expect(kinds == [.string, .int, .float, .bool, .null, .string, .string, .string])
    }

    @Test func values() throws {
        let doc = try root("- 0x1F\n- 0o17\n- -42\n- +7\n- 1e3\n- -.inf\n- .nan\n- True\n- 99999999999999999999\n")
        let s = try #require(doc.sequence).compactMap(\.scalar)
        #expect(s[0].intValue == 31)
        #expect(s[1].intValue == 15)
        #expect(s[2].intValue == -42)
        #expect(s[3].intValue == 7)
        #expect(s[4].doubleValue == 1000)
        #expect(s[5].doubleValue == -.infinity)
        #expect(s[6].doubleValue?.isNaN == true)
        #expect(s[7].boolValue == true)
        #expect(s[8].intValue == nil, "does not fit in Int")
        #expect(s[8].doubleValue == 1e20)
    }
}

@Suite struct YAML11LintTests {
    static let positive: [(String, YAMLIssue.Kind, String)] = [
        ("y", .yaml11Boolean, "true"), ("Y", .yaml11Boolean, "true"), ("yes", .yaml11Boolean, "true"),
        ("Yes", .yaml11Boolean, "true"), ("YES", .yaml11Boolean, "true"), ("n", .yaml11Boolean, "false"),
        ("N", .yaml11Boolean, "false"), ("no", .yaml11Boolean, "false"), ("No", .yaml11Boolean, "false"),
        ("NO", .yaml11Boolean, "false"), ("on", .yaml11Boolean, "true"), ("On", .yaml11Boolean, "true"),
        ("ON", .yaml11Boolean, "true"), ("off", .yaml11Boolean, "false"), ("Off", .yaml11Boolean, "false"),
        ("OFF", .yaml11Boolean, "false"),
        ("010", .yaml11Octal, "8"), ("0755", .yaml11Octal, "493"), ("-010", .yaml11Octal, "-8"),
        ("+017", .yaml11Octal, "15"), ("0_10", .yaml11Octal, "8"),
        ("1:20", .yaml11Sexagesimal, "80"), ("190:20:30", .yaml11Sexagesimal, "685230"),
        ("12:30", .yaml11Sexagesimal, "750"), ("-1:30", .yaml11Sexagesimal, "-90"),
        ("1:20.5", .yaml11Sexagesimal, "80.5"),
        ("1_000", .yaml11DigitGrouping, "1000"), ("1_000.5", .yaml11DigitGrouping, "1000.5"),
        ("-1_000", .yaml11DigitGrouping, "-1000"), ("1__", .yaml11DigitGrouping, "1"), ("0x_FF", .yaml11DigitGrouping, "255"),
        ("-0x1F", .yaml11DigitGrouping, "-31"),
        ("0b1010", .yaml11Binary, "10"), ("-0b1_1", .yaml11Binary, "-3"),
    ]

    @Test(arguments: positive)
    func lint(text: String, kind: YAMLIssue.Kind, reading: String) throws {
        let stream = try read("key: \(text)\n")
        #expect(stream.issues.count == 1, "\(text)")
        let issue = try #require(stream.issues.first)
        #expect(issue.kind == kind, "\(text)")
        #expect(issue.yaml11Reading == reading, "\(text)")
        #expect(issue.text == text)
        #expect(at(issue.span) == "1:6@5-1:\(6 + text.count)@\(5 + text.utf8.count)")
    }

    static let negative = [
        "\"yes\"", "'no'", "!!str on", "true", "false", "0", "0.5", "07", "00", "08", "10", "0x1F", "0o17",
        "1.5", "yess", "nope", "0:30", "1:60", "1:2:3x", "_1", "|\n  yes", ">\n  010", "12:30 pm",
        "ja", "是", "1e5",
    ]

    @Test(arguments: negative)
    func noLint(text: String) throws {
        let stream = try read("key: \(text)\n")
        #expect(stream.issues.isEmpty, "\(text): \(stream.issues.map(\.kind))")
    }

    @Test func keysAreLintedToo() throws {
        let stream = try read("on: push\nname: x\n")
        #expect(stream.issues.map(\.kind) == [.yaml11Boolean])
        #expect(stream.issues.first?.span.start.column == 1)
    }

    @Test func parsingContinuesAndTheValueIsTheYAML12One() throws {
        let stream = try read("a: no\nb: 010\n")
        #expect(stream.documents[0]["a"]?.scalar?.kind == .string)
        #expect(stream.documents[0]["b"]?.scalar?.intValue == 10)
        #expect(stream.issues.count == 2)
    }
}
