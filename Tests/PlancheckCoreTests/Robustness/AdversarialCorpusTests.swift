import PlancheckCore
import PlancheckValues
import PlancheckYAML
import Testing

/// What checking one hostile file must give.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// The file is unusable (unreadable, not YAML, or no submission at all): a located error with this code, and
        /// exit status 2.
        case unusable(DiagnosticCode)
        /// The file is read, and these diagnostics (at least one error among them) are reported; exit status 1.
        case findings([DiagnosticCode])
        /// The file is read and checked like any other (its district gets rule results), without error.
        case checked
    }

    var file: String
    var outcome: Outcome
    var testDescription: String { file }
}

/// Every file of `Fixtures/adversarial` is checked together with the reference submission, as a CI gate would.
/// Each must yield findings or a located error (exit status 2 when unusable), within a time bound, and must not
/// change what the reference file gets.
@Suite("Adversarial corpus")
struct AdversarialCorpusTests {
    static let cases: [CorpusCase] = [
        CorpusCase(file: "empty.yml", outcome: .unusable(.wrongShape)),
        CorpusCase(file: "only-comments.yml", outcome: .unusable(.wrongShape)),
        CorpusCase(file: "not-yaml.yml", outcome: .unusable(.yamlSyntax)),
        CorpusCase(file: "binary-garbage.yml", outcome: .unusable(.yamlSyntax)),
        CorpusCase(file: "invalid-utf8-gbk.yml", outcome: .unusable(.yamlSyntax)),
        CorpusCase(file: "utf16-bom.yml", outcome: .unusable(.fileUnreadable)),
        CorpusCase(file: "utf16be-bom.yml", outcome: .unusable(.fileUnreadable)),
        CorpusCase(file: "utf8-bom.yml", outcome: .checked),
        CorpusCase(file: "nul-bytes.yml", outcome: .unusable(.yamlSyntax)),
        CorpusCase(file: "crlf.yml", outcome: .checked),
        CorpusCase(file: "cr-only.yml", outcome: .checked),
        CorpusCase(file: "tabs-indentation.yml", outcome: .unusable(.yamlSyntax)),
        CorpusCase(file: "billion-laughs.yml", outcome: .unusable(.yamlLimit)),
        CorpusCase(file: "deep-nesting-flow.yml", outcome: .unusable(.yamlLimit)),
        CorpusCase(file: "deep-nesting-block.yml", outcome: .unusable(.yamlLimit)),
        CorpusCase(file: "deep-nesting-mapping.yml", outcome: .unusable(.yamlLimit)),
        CorpusCase(file: "duplicate-keys.yml", outcome: .findings([.yamlDuplicateKey])),
        CorpusCase(file: "non-string-keys.yml", outcome: .findings([.wrongShape, .unknownIndicator, .unknownKey])),
        // `<<` is an ordinary key in YAML 1.2: never a silent merge, so gdp_growth is missing, not taken from `base`.
        CorpusCase(file: "merge-keys.yml", outcome: .findings([.unknownIndicator, .unknownKey, .missingRequiredIndicator])),
        CorpusCase(file: "several-documents.yml", outcome: .unusable(.yamlSyntax)),
        CorpusCase(file: "several-documents-empty-first.yml", outcome: .unusable(.yamlSyntax)),
        CorpusCase(file: "numbers-yaml-forms.yml", outcome: .findings([.unreadableFigure, .yaml11Ambiguity])),
        CorpusCase(file: "percent-forms.yml", outcome: .findings([.unreadableFigure, .figureNormalised, .incompatibleUnit])),
        CorpusCase(file: "scalar-for-mapping.yml", outcome: .unusable(.wrongShape)),
        CorpusCase(file: "mapping-for-scalar.yml", outcome: .unusable(.wrongShape)),
        CorpusCase(file: "sequence-root.yml", outcome: .unusable(.wrongShape)),
        CorpusCase(file: "nulls-and-blanks.yml", outcome: .unusable(.missingField)),
    ]

    @Test("every corpus file has an expectation, and every expectation a file")
    func corpusIsComplete() {
        let files = Set(Robust.entries(Robust.corpusFolder).filter { $0.hasSuffix(".yml") })
        let expected = Set(Self.cases.map(\.file))
        #expect(files == expected, "unlisted: \(files.subtracting(expected)), missing: \(expected.subtracting(files))")
    }

    @Test("a hostile file yields findings or a located error, and the reference file is still checked",
          .timeLimit(.minutes(1)), arguments: cases)
    func hostileFile(_ corpusCase: CorpusCase) throws {
        let pack = try #require(Robust.defaultPack)
        let baseline = try #require(Robust.hepingBaseline)
        let path = Robust.corpusFolder + "/" + corpusCase.file
        let (run, seconds) = Robust.check([path, Robust.heping], pack: pack)
        #expect(seconds < 20, "checking took \(seconds) s")
        #expect(run.files.contains(path) && run.files.contains(Robust.heping))

        // The reference file keeps exactly the results it has alone.
        #expect(Robust.signature(run.results, unit: Robust.hepingCode, file: Robust.heping) == baseline)

        let about = Robust.results(about: path, in: run.results)
        Robust.expectLocated(about, path: path, fileSize: Robust.size(path))
        let diagnostics = about.compactMap(\.diagnostic)
        let codes = Set(diagnostics.map(\.code.rawValue))
        let exit = run.exitCode(failOn: .error)
        switch corpusCase.outcome {
        case .unusable(let code):
            #expect(codes.contains(code.rawValue), "codes: \(codes.sorted())")
            #expect(about.contains { $0.severity == .error && $0.location != nil })
            #expect(exit == 2)
        case .findings(let expected):
            for code in expected { #expect(codes.contains(code.rawValue), "\(code) not in \(codes.sorted())") }
            #expect(diagnostics.contains { $0.severity == .error })
            #expect(exit == 1)
        case .checked:
            let errors = diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(errors.map { $0.message.rendered(in: .en) })")
            #expect(run.results.contains { $0.unit == "210103" && $0.outcome == .passed })
            #expect(exit == 0)
        }

        // A file the loader cannot use always says so with an error; it is never dropped in silence.
        let loaded = SubmissionLoader.load(path: path, pack: pack)
        #expect(loaded.submission != nil || loaded.diagnostics.contains { $0.severity == .error })

        // The report renders in both languages (excerpts underline the hostile bytes).
        for language in [Language.zh, .en] {
            #expect(!TextReporter(useColor: false).render(Report(run: run, language: language)).isEmpty)
        }
    }

    @Test("the percent forms officers type are read as the same figure")
    func percentForms() throws {
        let pack = try #require(Robust.defaultPack)
        let loaded = SubmissionLoader.load(path: Robust.corpusFolder + "/percent-forms.yml", pack: pack)
        let submission = try #require(loaded.submission)
        let fivePointFive = try #require(ExactDecimal(parsing: "5.5"))
        for key in ["gdp_growth", "general_budget_revenue_growth", "fixed_asset_investment_growth", "retail_sales_growth"] {
            #expect(submission.figures[key]?.quantity.value == fivePointFive, "\(key)")
        }
        #expect(submission.figures["industrial_va_growth"]?.quantity.value == .zero)  // 同比持平
        #expect(submission.figures["import_export_growth"]?.quantity.value == ExactDecimal(parsing: "0.55"))  // 5.5‰
        // `5.5%%`, `%5.5` and 个百分点 for a % indicator are refused, never guessed.
        for key in ["secondary_va_growth", "tertiary_va_growth", "actual_fdi_growth"] {
            #expect(submission.figures[key] == nil, "\(key)")
        }
    }

    @Test("YAML number forms are never read as a number different from what was typed")
    func numberForms() throws {
        let pack = try #require(Robust.defaultPack)
        let loaded = SubmissionLoader.load(path: Robust.corpusFolder + "/numbers-yaml-forms.yml", pack: pack)
        let submission = try #require(loaded.submission)
        // 1e400, .nan, .inf, -.inf, 1e-400, 0x1F, 0o17, 1_000: refused, each with its own located error.
        for key in ["gdp_growth", "fixed_asset_investment_growth", "retail_sales_growth", "secondary_va_growth",
                    "tertiary_va_growth", "industrial_va_growth", "import_export_growth", "new_landed_projects"] {
            #expect(submission.figures[key] == nil, "\(key) was read as \(String(describing: submission.figures[key]?.quantity))")
        }
        #expect(loaded.diagnostics.filter { $0.code == .unreadableFigure }.count == 8)
        #expect(submission.figures["general_budget_revenue_growth"]?.quantity.value == .zero)  // -0
        #expect(submission.figures["key_projects_started"]?.quantity.value == ExactDecimal(7))  // 007 is decimal 7
        #expect(submission.figures["completed_industrial_projects"]?.quantity.value
                == ExactDecimal(parsing: "99999999999999999999999999999999999999"))
    }
}
