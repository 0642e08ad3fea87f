import PlancheckCore
@testable import PlancheckRules
import PlancheckYAML
import Testing

/// Every input a fuzz target ever stopped on (`Fixtures/fuzz-regressions/TARGET-what.txt`) is replayed here through
/// the same code path as its target, so CI keeps them fixed without libFuzzer.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = Fixtures.folder + "/fuzz-regressions"
    static var files: [String] { Robust.entries(folder).filter { !$0.hasPrefix(".") } }

    @Test("every replayed input belongs to a known target")
    func namedByTarget() {
        #expect(!Self.files.isEmpty)
        for name in Self.files {
            #expect(["yaml-", "expression-", "pack-", "submission-"].contains { name.hasPrefix($0) }, "\(name)")
        }
    }

    @Test("replayed through its target", .timeLimit(.minutes(1)), arguments: files)
    func replay(_ name: String) throws {
        let bytes = try InputFiles.read(Self.folder + "/" + name)
        if name.hasPrefix("yaml-") {
            _ = try? YAMLReader.read(SourceFile(path: name, bytes: bytes))
        } else if name.hasPrefix("expression-") {
            try replayExpression(String(decoding: bytes, as: UTF8.self))
        } else if name.hasPrefix("pack-") {
            var files = Fixtures.packSource(extraRules: "rules: []\n").files
            files["extra.yml"] = String(decoding: bytes, as: UTF8.self)
            _ = PackLoader.load(from: EmbeddedPackSource(id: "fuzz", files: files))
        } else if name.hasPrefix("submission-") {
            let pack = try #require(Robust.defaultPack)
            let loaded = SubmissionLoader.load(SourceFile(path: name, bytes: bytes), pack: pack)
            _ = Checker.check(pack: pack, submissions: loaded.submission.map { [$0] } ?? [])
        }
    }

    /// The expression target's oracle: a parsed expression prints to text that parses back to the same tree.
    private func replayExpression(_ text: String) throws {
        guard let expression = try? Expression.parse(text) else { return }
        let printed = expression.description
        let roomy = ExpressionLimits(maximumLength: ExpressionLimits.ceilingLength)
        #expect(try Expression.parse(printed, limits: roomy) == expression)
    }

    @Test("the printer may lengthen an expression past the length limit; the tree still round-trips")
    func printedLongerThanLimit() throws {
        let text = try String(decoding: InputFiles.read(Self.folder + "/expression-prints-longer-than-limit.txt"),
                              as: UTF8.self)
        let expression = try Expression.parse(text)
        #expect(text.unicodeScalars.count <= ExpressionLimits.default.maximumLength)
        // Spaces around every operator: longer than the limit, so the printed text is for people, not for
        // pasting back into a rule unchanged (nothing in plancheck re-parses printed expressions).
        #expect(expression.description.unicodeScalars.count > ExpressionLimits.default.maximumLength)
    }
}
