import PlancheckYAML
import Testing

/// Invalid YAML that libyaml accepts, caught after it: each is a located syntax error; the valid forms next to
/// them still read.
@Suite("Checks after libyaml")
struct PostParseCheckTests {
    static func error(_ text: String) -> YAMLError? {
        do {
            _ = try YAMLReader.read(SourceFile(path: "t.yml", text: text), limits: YAMLLimits(allowMultipleDocuments: true))
            return nil
        } catch {
            return error
        }
    }

    @Test("a comment without a space before `#` is an error at the `#`",
          arguments: [("key: [a, b]#c\n", 12), ("key: \"value\"# c\n", 13), ("k: {a: 1}#c\n", 10), ("%YAML 1.2#x\n---\na\n", 10)])
    func commentWithoutSpace(_ text: String, column: Int) throws {
        let error = try #require(Self.error(text), "\(text.debugDescription) was accepted")
        #expect(error.problem.contains("comment without a space"))
        #expect(error.mark.line == 1 && error.mark.column == column, "\(error.mark)")
    }

    @Test("a `#` inside a scalar, or after a space, is no problem",
          arguments: ["key: a#b\n", "key: \"a#b\"\n", "key: [a, b] # c\n", "# c\nkey: 1\n", "url: http://x/#frag\n"])
    func validHashes(_ text: String) {
        #expect(Self.error(text) == nil, "\(text.debugDescription)")
    }

    @Test("a directive after a document not ended with `...` is an error; after `...` it is fine")
    func directives() throws {
        let error = try #require(Self.error("---\na: 1\n%YAML 1.2\n---\nb: 2\n"))
        #expect(error.problem.contains("directive"))
        #expect(error.mark.line == 3)
        #expect(Self.error("---\na: 1\n...\n%YAML 1.2\n---\nb: 2\n") == nil)
        #expect(Self.error("a: |\n  %not a directive\n") == nil)
    }

    @Test("a plain `-` in a flow sequence is an error; quoted, or in a block, it is fine")
    func plainDash() throws {
        #expect(try #require(Self.error("a: [-]\n")).problem.contains("plain `-`"))
        #expect(Self.error("a: [-, -]\n") != nil)
        #expect(Self.error("a: [\"-\", -1]\n") == nil)
        #expect(Self.error("a:\n  - -1\n") == nil)
    }
}
