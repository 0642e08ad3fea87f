import Foundation
import PlancheckCore
import PlancheckYAML
import Testing

/// `plancheck init` templates and the JSON Schemas: templates load; the committed schemas are current; an
/// independent validator (Python's jsonschema) agrees with our loaders on the pack files and example submissions.
@Suite("Templates and schemas")
struct TemplateAndSchemaTests {
    static let root = DefaultPackTests.root
    static let submissionSchemaPath = "docs/schemas/shenyang-2025-submission.schema.json"
    static let packSchemaPath = "docs/schemas/plancheck-pack-1.schema.json"

    static func defaultPack() throws -> Pack {
        try #require(PackLoader.load(from: DefaultPack.source).pack)
    }

    /// The template with a placeholder figure (a bare 1, in the catalogue unit) after every required key.
    static func filled(_ template: String) -> String {
        var inIndicators = false
        return template.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("indicators:") { inIndicators = true }
            guard inIndicators, line.hasPrefix("  "), !line.hasPrefix("  #"),
                  let colon = line.firstIndex(of: ":") else { return String(line) }
            return String(line[...colon]) + " 1" + line[line.index(after: colon)...]
        }.joined(separator: "\n")
    }

    @Test("every district's template: required indicators to fill, optional ones commented, loads cleanly once filled")
    func templatesLoad() throws {
        let pack = try Self.defaultPack()
        for district in pack.districts {
            let template = SubmissionTemplate.text(for: district, pack: pack, schema: "s.json")
            #expect(template.hasPrefix("# yaml-language-server: $schema=s.json\n"))
            for indicator in pack.indicators {
                let required = indicator.isRequired(forKind: district.kind)
                #expect(template.contains("\n  \(required ? "" : "# ")\(indicator.key):"), "\(district.code) \(indicator.key)")
            }
            // Unfilled, the template is not started yet: one note, no figures, nothing else.
            let empty = SubmissionLoader.load(SourceFile(path: "\(district.code).yml", text: template), pack: pack)
            #expect(empty.submission?.figures.count == 0)
            #expect(empty.diagnostics.map(\.code) == [.submissionNotStarted], "\(district.code)")
            #expect(empty.diagnostics.allSatisfy { $0.severity == .note })
            // From the first figure on, each required figure still empty is reported as missing a value.
            var lines = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let indicators = try #require(lines.firstIndex(of: "indicators:"))
            let first = try #require(lines[indicators...].firstIndex { $0.hasPrefix("  ") && !$0.hasPrefix("  #") })
            let colon = try #require(lines[first].firstIndex(of: ":"))
            lines[first] = lines[first][...colon] + " 1" + lines[first][lines[first].index(after: colon)...]
            let started = lines
            let half = SubmissionLoader.load(SourceFile(path: "\(district.code).yml", text: started.joined(separator: "\n")), pack: pack)
            #expect(!half.diagnostics.isEmpty && half.diagnostics.allSatisfy { $0.code == .wrongShape }, "\(district.code)")
            #expect(half.submission?.figures.count == 1)
            let result = SubmissionLoader.load(SourceFile(path: "\(district.code).yml", text: Self.filled(template)), pack: pack)
            let submission = try #require(result.submission)
            #expect(result.diagnostics.map { $0.message.rendered(in: .en) } == [], "\(district.code)")
            #expect(submission.districtCode == district.code)
            #expect(submission.figures.count == pack.indicators.filter { $0.isRequired(forKind: district.kind) }.count)
        }
    }

    @Test("the template of a district names the city target of the rules it feeds")
    func templateComments() throws {
        let pack = try Self.defaultPack()
        let liaozhong = try #require(pack.district("210115"))
        let text = SubmissionTemplate.text(for: liaozhong, pack: pack, schema: nil)
        #expect(!text.contains("yaml-language-server"))
        #expect(text.contains("# [%] 地区生产总值增长 · GDP growth · 目标 ≥ 5.5% (SY25-M01)"))
        #expect(text.contains("≥ 6% (SY25-S10-01)"))
        #expect(text.contains("全市合计 ≥ 14.8万人 (SY25-T44-01)"))
        #expect(text.contains("# deviations:"))
    }

    @Test("docs/schemas/shenyang-2025-submission.schema.json is what `plancheck schema` writes for the built-in pack")
    func committedSchemaIsCurrent() throws {
        let generated = SubmissionSchema.text(try Self.defaultPack())
        let committed = String(decoding: try FolderPackSource(folder: Self.root).read(Self.submissionSchemaPath), as: UTF8.self)
        #expect(committed == generated, """
            \(Self.submissionSchemaPath) is out of date. Regenerate it with
                swift run plancheck schema --output \(Self.submissionSchemaPath)
            and commit the result.
            """)
    }

    @Test("the schema has a property per indicator key and per Chinese name, and district codes and rule ids as enums")
    func schemaShape() throws {
        let pack = try Self.defaultPack()
        let text = SubmissionSchema.text(pack)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let definitions = try #require(json["$defs"] as? [String: Any])
        let figures = try #require((definitions["figures"] as? [String: Any])?["properties"] as? [String: Any])
        for indicator in pack.indicators {
            #expect(figures[indicator.key] != nil)
            #expect(figures[indicator.name.zh] != nil)
            let entry = try #require(definitions["indicator-" + indicator.key] as? [String: Any])
            let title = try #require(entry["title"] as? String)
            #expect(title.contains(indicator.name.zh) && title.contains(indicator.name.en))
            #expect(entry["markdownDescription"] is String)
        }
        let header = try #require((definitions["header"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((header["district"] as? [String: Any])?["enum"] as? [String] == pack.districts.map(\.code))
        let deviation = try #require((definitions["deviation"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((deviation["rule"] as? [String: Any])?["enum"] as? [String] == pack.rules.map(\.id))
    }

    @Test("JSON text is escaped and deterministic")
    func jsonEscaping() throws {
        let value = SchemaJSON.object([("a\"b", .string("line\nnext\t\u{01}\\ 中文")), ("n", .array([.integer(1), .null, .bool(true)]))])
        let text = value.rendered()
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(decoded["a\"b"] as? String == "line\nnext\t\u{01}\\ 中文")
        #expect(text == value.rendered())
    }

    // MARK: With Python's jsonschema

    @Test("every file of Rules/shenyang-2025 and of each folder pack validates against the pack-format schema; broken rules do not",
          .enabled(if: JSONSchemaValidator.isAvailable || JSONSchemaValidator.isRequired, "python3 + jsonschema missing: skipped"))
    func packFilesValidate() throws {
        try #require(JSONSchemaValidator.isAvailable, Comment(rawValue: JSONSchemaValidator.missingMessage))
        var instances: [(String, SchemaJSON)] = []
        let folderPacks = DefaultPackTests.folderPacks.map(\.id)
        for packID in ["shenyang-2025"] + folderPacks {
            let prefix = Self.root + "/Rules/" + packID + "/"
            let pack = FolderPackSource(folder: prefix)
            let paths = InputCollection.collect([prefix]).files.map { String($0.dropFirst(prefix.count)) }
            for path in paths.sorted() {
                let text = String(decoding: try pack.read(path), as: UTF8.self)
                instances.append((packID + "/" + path, try YAMLToJSON.document(text, path: path)))
            }
        }
        #expect(instances.filter { $0.0.hasPrefix("shenyang-2025/") }.count >= 3)
        for packID in folderPacks {   // pack.yml, indicators.yml, rules/main-targets.yml, two scenarios
            #expect(instances.filter { $0.0.hasPrefix(packID + "/") }.count == 5, "\(packID)")
        }
        let broken = """
            rules:
              - id: X-1
                title: {zh: 甲, en: A}
                citation: {part: 二, clause: 甲}
                check: {value: gdp_growth, at_least: 5%, at_most: 6%}
              - id: X-2
                title: {zh: 乙}
                citation: {part: 二, clause: 乙}
                severty: error
                check: {value: gdp_growth, in_step_with: gdp_growth}
            """
        instances.append(("broken", try YAMLToJSON.document(broken)))
        let results = try JSONSchemaValidator.validate(schemaPath: Self.root + "/" + Self.packSchemaPath, instances: instances)
        for (name, _) in instances where name != "broken" {
            #expect(results[name] == [], "\(name): \(results[name] ?? ["no result"])")
        }
        let errors = results["broken"] ?? []
        #expect(errors.contains { $0.hasPrefix("/rules/0/check") }, "two relations must be rejected: \(errors)")
        #expect(errors.contains { $0.hasPrefix("/rules/1") && $0.contains("severty") }, "unknown key: \(errors)")
        #expect(errors.contains { $0.hasPrefix("/rules/1/title") }, "missing en: \(errors)")
        #expect(errors.contains { $0.hasPrefix("/rules/1/check") }, "in_step_with needs a tolerance: \(errors)")
    }

    /// Loader diagnostics that mean the file's structure is wrong — what the schema can see too. (Unreadable
    /// figure texts and unit clashes need the loader; YAML syntax and duplicate keys never reach a schema.)
    static let structuralCodes: Set<String> = [
        DiagnosticCode.unknownKey, .wrongShape, .missingField, .unknownIndicator, .missingRequiredIndicator,
        .unknownDistrict, .retiredDistrictCode, .wrongYear, .deviationUnknownRule,
    ].reduce(into: []) { $0.insert($1.rawValue) }

    @Test("the submission schema accepts the example submissions and rejects exactly the structurally broken ones",
          .enabled(if: JSONSchemaValidator.isAvailable || JSONSchemaValidator.isRequired, "python3 + jsonschema missing: skipped"))
    func examplesValidate() throws {
        try #require(JSONSchemaValidator.isAvailable, Comment(rawValue: JSONSchemaValidator.missingMessage))
        let pack = try Self.defaultPack()
        var instances: [(String, SchemaJSON)] = []
        var expectedValid: [String: Bool] = [:]
        for folder in ["Examples/shenyang-2025", "Examples/malformed"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/" + folder)
                .filter { $0.hasSuffix(".yml") }.sorted()
            for name in names {
                let path = Self.root + "/" + folder + "/" + name
                let text = try String(contentsOfFile: path, encoding: .utf8)
                let loaded = SubmissionLoader.load(path: path, pack: pack)
                let codes = Set(loaded.diagnostics.map(\.code.rawValue))
                // Not YAML, or YAML with a duplicate key: the schema never sees these files as the loader does.
                if codes.contains(DiagnosticCode.yamlSyntax.rawValue) || codes.contains(DiagnosticCode.yamlDuplicateKey.rawValue) { continue }
                instances.append((folder + "/" + name, try YAMLToJSON.document(text, path: path)))
                expectedValid[folder + "/" + name] = codes.isDisjoint(with: Self.structuralCodes)
            }
        }
        // Every district's template, filled in, is a valid submission as well.
        for district in pack.districts {
            let text = Self.filled(SubmissionTemplate.text(for: district, pack: pack, schema: nil))
            instances.append(("template-\(district.code)", try YAMLToJSON.document(text)))
            expectedValid["template-\(district.code)"] = true
        }
        let results = try JSONSchemaValidator.validate(schemaPath: Self.root + "/" + Self.submissionSchemaPath, instances: instances)
        for (name, _) in instances {
            let errors = results[name] ?? ["no result"]
            if expectedValid[name] == true {
                #expect(errors == [], "\(name) should validate: \(errors)")
            } else {
                #expect(!errors.isEmpty, "\(name) is structurally broken but the schema accepts it")
            }
        }
        // Not vacuous: the district files validate except Hunnan's misspelt key; the malformed registry ones do not.
        let valid = expectedValid.filter { $0.value }.keys
        #expect(valid.filter { $0.hasPrefix("Examples/shenyang-2025/") }.count == 12)
        #expect(expectedValid["Examples/shenyang-2025/210112-hunnan.yml"] == false)
        #expect(expectedValid["Examples/malformed/retired-code-210122.yml"] == false)
        #expect(expectedValid["Examples/malformed/unknown-district.yml"] == false)
        #expect(expectedValid["Examples/malformed/scalar-for-mapping.yml"] == false)
    }
}
