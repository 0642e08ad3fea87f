import PlancheckYAML

/// Reads the scenario files a pack lists under `scenarios:` (see `Scenario`).
enum ScenarioLoader {
    static func scenario(_ root: YAMLNode, file: SourceFile, sink: DiagnosticSink) -> Scenario? {
        guard var reader = MappingReader(root, file: file, sink: sink, what: "scenario") else { return nil }
        let id = reader.string("scenario", required: true)
        let title = reader.localized("title")
        let filesNode = reader.value("files")
        let everyUnit = reader.string("every_unit")
        let omit = reader.strings("omit") ?? []
        let requireAll = reader.bool("require_all_districts") ?? false
        let expectNode = reader.value("expect", required: true)
        reader.finish()
        var files: [ScenarioFile] = []
        for pair in filesNode?.mapping ?? [] {
            guard let name = pair.key.scalar?.text, let text = pair.value.scalar?.text else {
                sink.report(.wrongShape, .error, Message(.expectedScalar, [
                    "key": .text("files"), "found": .text(pair.value.shapeDescription)]),
                            at: SourceLocation(file: file, span: pair.value.span))
                continue
            }
            files.append(ScenarioFile(name: name, text: text))
        }
        var expectations: [ScenarioExpectation] = []
        for item in expectNode?.sequence ?? [] {
            guard var itemReader = MappingReader(item, file: file, sink: sink, what: "expect") else { continue }
            let rule = itemReader.string("rule")
            let code = itemReader.string("code")
            let unit = itemReader.string("unit")
            let outcome = itemReader.string("outcome")
            let severity = itemReader.string("severity")
            let line = itemReader.integer("line")
            var words: [Language: String] = [:]
            for language in Language.allCases {
                if let text = itemReader.string(language.rawValue) { words[language] = text }
            }
            itemReader.finish()
            if (rule == nil) == (code == nil) {
                sink.report(.missingField, .error, Message(.scenarioRuleOrCode), at: SourceLocation(file: file, span: item.span))
                continue
            }
            expectations.append(ScenarioExpectation(
                rule: rule, code: code, unit: unit == "whole" ? nil : unit, outcome: outcome, severity: severity,
                line: line, words: words, location: SourceLocation(file: file, span: item.span)))
        }
        guard let id else { return nil }
        return Scenario(id: id, title: title, files: files, everyUnit: everyUnit, omit: omit,
                        requireAllDistricts: requireAll, expectations: expectations,
                        location: SourceLocation(file: file, span: root.span))
    }
}
