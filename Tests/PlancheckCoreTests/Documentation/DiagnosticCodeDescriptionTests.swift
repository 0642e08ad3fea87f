import PlancheckCore
import PlancheckYAML
import Testing

/// Every built-in code is declared once, with a description in both languages and examples that do and do not
/// trigger it; the examples run here, against the illustrative pack they are written for.
@Suite("Built-in code descriptions")
struct DiagnosticCodeDescriptionTests {
    @Test("one description per code, in code order, each in both languages with examples of both kinds")
    func complete() {
        #expect(DiagnosticCodeDescription.all.map(\.code) == DiagnosticCode.allCases)
        for description in DiagnosticCodeDescription.all {
            #expect(!description.description.zh.isEmpty && !description.description.en.isEmpty, "\(description.code)")
            #expect(description.description.en.count > description.title(.en).count + 20,
                    "\(description.code): the description says more than the title")
            #expect(!description.triggering.isEmpty && !description.nonTriggering.isEmpty, "\(description.code)")
        }
    }

    /// The codes an example's input gives: a run over its submissions, or the pack with its rules added (and
    /// that pack's own examples, which is where PC055 comes from).
    static func codes(_ example: DiagnosticCodeDescription.Example) throws -> Set<DiagnosticCode> {
        switch example.kind {
        case .submission, .submissions:
            let pack = try #require(Fixtures.loadTestPack())
            var run = RunOptions()
            var names: [String] = []
            for (index, bytes) in example.bytes.enumerated() {
                let name = "example-\(index + 1).yml"
                names.append(name)
                run.providedFiles[name] = bytes
            }
            var options = CheckOptions()
            options.today = "2025-06-30"
            let result = CheckRun.run(paths: names, pack: pack, options: options, run: run)
            return Set(result.results.compactMap { $0.diagnostic?.code })
        case .withPreviousYear:
            let pack = try #require(Fixtures.loadTestPack())
            let previousPack = try #require(Fixtures.loadTestPackOfPreviousYear())
            let paths = DiagnosticCodeDescription.Example.previousYearPaths
            var run = RunOptions()
            run.previousYear = PreviousYearFigures.load([SourceFile(path: paths[0], bytes: example.bytes[0])],
                                                        pack: previousPack, for: pack)
            run.providedFiles[paths[1]] = example.bytes[1]
            let result = CheckRun.run(paths: [paths[1]], pack: pack, options: CheckOptions(), run: run)
            return Set(result.results.compactMap { $0.diagnostic?.code })
        case .rules:
            let loaded = PackLoader.load(from: Fixtures.packSource(extraRules: example.texts[0]))
            var codes = Set(loaded.diagnostics.map(\.code))
            if let pack = loaded.pack, RuleExamples.run(pack).contains(where: { !$0.behavedAsDeclared }) {
                codes.insert(.ruleExampleFailed)
            }
            return codes
        }
    }

    @Test("each triggering example gives its code; each non-triggering one does not", arguments: DiagnosticCode.allCases)
    func examplesRun(_ code: DiagnosticCode) throws {
        let description = code.codeDescription
        for example in description.triggering {
            let codes = try Self.codes(example)
            #expect(codes.contains(code), "\(code) not given by \(example.texts): \(codes.map(\.rawValue).sorted())")
        }
        for example in description.nonTriggering {
            let codes = try Self.codes(example)
            #expect(!codes.contains(code), "\(code) given by \(example.texts)")
        }
    }

    @Test("docs/diagnostic-codes.md is the generated reference (regenerate: plancheck explain --codes --output docs/diagnostic-codes.md)")
    func referenceIsCurrent() throws {
        let committed = String(decoding: try FolderPackSource(folder: DefaultPackTests.root).read(CodeExplainer.documentPath),
                               as: UTF8.self)
        let generated = CodeExplainer.reference()
        if ProcessInfoLite.environment("PLANCHECK_UPDATE_GOLDEN") != nil {
            try GoldenFile.write(generated, to: DefaultPackTests.root + "/" + CodeExplainer.documentPath)
            return
        }
        #expect(committed == generated)
        for code in DiagnosticCode.allCases {
            #expect(generated.contains("<a id=\"\(code.rawValue.lowercased())\"></a>"), "findings link to #\(code.rawValue.lowercased())")
        }
    }

    @Test("explain's text names the code, its description, and both kinds of example")
    func explanation() {
        let text = CodeExplainer.text(.missingRequiredIndicator, language: .en)
        #expect(text.hasPrefix("PC021  required indicator missing\n"))
        #expect(text.contains(DiagnosticCode.missingRequiredIndicator.codeDescription.text(.en)))
        #expect(text.contains("Triggers it: a submission"))
        #expect(text.contains("Does not trigger it: a submission"))
        #expect(text.contains("docs/diagnostic-codes.md#pc021"))
        #expect(CodeExplainer.text(.missingRequiredIndicator, language: .zh).contains("会触发：报送文件"))
    }
}
