import PlancheckCore
@testable import PlancheckRules
import PlancheckYAML
import Testing

/// Every documented limit (docs/robustness.md), tested at its boundary through the layer that enforces it and
/// through the loaders, so that a change of a default shows up here and in the document together.
@Suite("Documented limits")
struct DocumentedLimitTests {
    @Test("the documented defaults")
    func defaults() {
        let yaml = YAMLLimits()
        #expect(yaml.maxInputBytes == 64 << 20)
        #expect(yaml.maxDepth == 512)
        #expect(yaml.maxAliasExpansionNodes == 100_000)
        #expect(yaml.allowMultipleDocuments == false)
        let expression = ExpressionLimits.default
        #expect(expression.maximumLength == 2_000)
        #expect(expression.maximumDepth == 64)
        #expect(expression.maximumNodes == 500)
    }

    private func readKind(_ text: String) -> YAMLError.Kind? {
        do {
            _ = try YAMLReader.read(SourceFile(path: "limit.yml", text: text))
            return nil
        } catch {
            return error.kind
        }
    }

    @Test("nesting: 512 levels are read, 513 are refused")
    func depth() {
        #expect(readKind(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)) == nil)
        #expect(readKind(String(repeating: "[", count: 513) + String(repeating: "]", count: 513)) == .tooDeep)
    }

    @Test("alias expansion: 100,000 nodes are accepted, one more is refused")
    func aliasExpansion() {
        // `a` is a list of 9,999 items: 10,000 nodes with itself; ten aliases expand to exactly 100,000.
        let list = "a: &a [" + Array(repeating: "1", count: 9_999).joined(separator: ",") + "]\n"
        #expect(readKind(list + "b: [" + Array(repeating: "*a", count: 10).joined(separator: ",") + "]\n") == nil)
        #expect(readKind(list + "b: [" + Array(repeating: "*a", count: 10).joined(separator: ",") + ", *a]\n")
                == .aliasExpansionLimit)
    }

    @Test("expressions: length, depth and node count at their boundaries")
    func expressions() {
        func parses(_ text: String) -> Bool { (try? Expression.parse(text)) != nil }
        // Length: 2,000 characters.
        #expect(parses("a" + String(repeating: " ", count: 1_999)))
        #expect(!parses("a" + String(repeating: " ", count: 2_000)))
        // Depth: 64 nested parentheses.
        #expect(parses(String(repeating: "(", count: 64) + "a" + String(repeating: ")", count: 64)))
        #expect(!parses(String(repeating: "(", count: 65) + "a" + String(repeating: ")", count: 65)))
        // Nodes: 500 (a + a + … with n names has 2n − 1 nodes).
        #expect(parses(Array(repeating: "a", count: 250).joined(separator: "+")))
        #expect(!parses(Array(repeating: "a", count: 251).joined(separator: "+")))
    }

    @Test("a pack file or submission over the size limit is refused by both loaders")
    func sizeThroughLoaders() throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        try #require(Robust.write(String(repeating: "#", count: 200), to: folder + "/pack.yml"))
        // The loaders use the default limit; the reader's limit parameter is what they pass it through.
        #expect(throws: FileReadError.self) { try InputFiles.read(folder + "/pack.yml", limit: 100) }
        let pack = PackLoader.load(from: FolderPackSource(folder: folder))
        #expect(pack.pack == nil)
    }
}
