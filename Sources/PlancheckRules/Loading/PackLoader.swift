import PlancheckSystem
import PlancheckValues
import PlancheckYAML

/// The result of loading a pack: the pack when it is usable, and every problem found on the way.
public struct PackLoadResult: Sendable {
    public var pack: Pack?
    public var diagnostics: [Diagnostic]
}

/// Reads a pack folder (`pack.yml` and the files it includes) into a `Pack`, reporting located problems.
public enum PackLoader {
    public static let formatTag = "plancheck-pack/1"

    /// Reads the pack and, with `lint` (the default), looks for the mistakes that do not stop it from loading:
    /// YAML issues (duplicate keys, YAML 1.1 readings) while parsing, then `PackLinter` (unknown references, unit
    /// clashes, duplicate ids, contradictions).
    ///
    /// `lint: false` is for the built-in pack, which `DefaultPackTests` proves free of any finding on every test
    /// run: looking again at every start of `plancheck check` would find nothing. The pack is the same either way.
    public static func load(from source: some PackSource, lint: Bool = true) -> PackLoadResult {
        let sink = DiagnosticSink()
        let pack = load(source, sink: sink, findIssues: lint)
        if lint, let pack {
            PackLinter.lint(pack, sink: sink)
        }
        return PackLoadResult(pack: sink.hasErrors ? nil : pack, diagnostics: sink.diagnostics)
    }

    private static func readFile(_ relativePath: String, from source: some PackSource, sink: DiagnosticSink,
                                 includedAt: SourceLocation?, findIssues: Bool) -> (SourceFile, YAMLNode)? {
        do {
            let bytes = try source.read(relativePath)
            let file = SourceFile(path: source.displayPath(relativePath), bytes: bytes)
            guard let root = sink.readYAML(file, findIssues: findIssues) else { return nil }
            return (file, root)
        } catch {
            switch error {
            case .outsidePack(let path):
                sink.report(.invalidValue, .error, Message(.includeOutsidePack, ["path": .text(path)]), at: includedAt)
            case .unreadable(let readError):
                if let includedAt {
                    sink.report(.fileUnreadable, .error, Message(.includeUnreadable, [
                        "path": .text(relativePath)]), at: includedAt)
                } else {
                    sink.report(readError: readError)
                }
            }
            return nil
        }
    }

    /// One included file, parsed on a worker thread: the parts `load` continues with, and what reading it reported.
    private struct ParsedInclude: Sendable {
        var path: String?
        var file: SourceFile?
        var root: YAMLNode?
        var diagnostics: [Diagnostic]
    }

    private static func load(_ source: some PackSource, sink: DiagnosticSink, findIssues: Bool) -> Pack? {
        guard let (file, root) = readFile("pack.yml", from: source, sink: sink, includedAt: nil,
                                          findIssues: findIssues),
              var reader = MappingReader(root, file: file, sink: sink, what: "pack.yml") else { return nil }

        if let format = reader.value("format", required: true) {
            if format.scalar?.text != formatTag {
                sink.report(.invalidValue, .error, Message(.unsupportedFormat, [
                    "found": .text(format.scalar?.text ?? format.shapeDescription), "expected": .text(formatTag)]),
                            at: reader.location(of: format))
            }
        }
        let id = reader.string("id", required: true) ?? "?"
        let version = reader.string("version", required: true) ?? "0"
        let title = reader.localized("title", required: true)
        let plan = reader.value("plan", required: true).flatMap { readPlan($0, file: file, sink: sink) }
        let languages = (reader.strings("languages") ?? ["zh", "en"]).compactMap { Language(rawValue: $0) }
        let documentation = reader.string("documentation")
        let defaults = readDefaults(reader.value("defaults"), file: file, sink: sink)
        let vocabulary = readVocabulary(reader.value("vocabulary"), file: file, sink: sink)
        let conversions = readConversions(reader.value("conversions"), file: file, sink: sink)
        let kinds = readList(reader.value("district_kinds", required: true), file: file, sink: sink,
                             what: "district_kinds") { readDistrictKind($0, file: file, sink: sink) }
        let districtsNode = reader.value("districts", required: true)
        let districts = readList(districtsNode, file: file, sink: sink,
                                 what: "districts") { readDistrict($0, file: file, sink: sink) }
        let retired = readList(reader.value("retired_codes"), file: file, sink: sink, what: "retired_codes") {
            readRetiredCode($0, file: file, sink: sink)
        }
        let cityNode = reader.value("city")
        let includes = reader.value("include", required: true)
        let scenariosNode = reader.value("scenarios")
        reader.finish()

        checkRegistry(kinds: kinds, districtNodes: districtsNode?.sequence ?? [], file: file, sink: sink)

        // Included files: indicators first (rules and city figures refer to them), then rules.
        // Parsing them is most of a pack's load time, which every `plancheck check` pays at start-up, and the files
        // are independent: they are parsed on all processors, each into a sink of its own, and their diagnostics
        // then replayed in include order, so the findings are the same as reading them one after the other.
        let items = includes?.sequence ?? []
        let parsed = Parallel.map(count: items.count, jobs: items.count < 2 ? 1 : Parallel.defaultJobs) { index in
            let item = items[index]
            guard let path = item.scalar?.text else { return ParsedInclude(path: nil, file: nil, root: nil, diagnostics: []) }
            let includeSink = DiagnosticSink()
            let read = readFile(path, from: source, sink: includeSink,
                                includedAt: SourceLocation(file: file, span: item.span), findIssues: findIssues)
            return ParsedInclude(path: path, file: read?.0, root: read?.1, diagnostics: includeSink.diagnostics)
        }
        var includedRoots: [(SourceFile, MappingReader)] = []
        for (item, include) in zip(items, parsed) {
            guard let path = include.path else {
                sink.report(.wrongShape, .error, Message(.expectedScalar, [
                    "key": .text("include"), "found": .text(item.shapeDescription)]),
                            at: SourceLocation(file: file, span: item.span))
                continue
            }
            sink.append(contentsOf: include.diagnostics)
            guard let includedFile = include.file, let includedRoot = include.root,
                  let includedReader = MappingReader(includedRoot, file: includedFile, sink: sink, what: path)
            else { continue }
            includedRoots.append((includedFile, includedReader))
        }
        if let includes, includes.sequence == nil {
            sink.report(.wrongShape, .error, Message(.expectedSequence, [
                "key": .text("include"), "found": .text(includes.shapeDescription)]),
                        at: SourceLocation(file: file, span: includes.span))
        }

        var indicators: [Indicator] = []
        var ruleNodes: [(SourceFile, YAMLNode)] = []
        for (includedFile, var includedReader) in includedRoots {
            if let indicatorNode = includedReader.value("indicators") {
                indicators += readIndicators(indicatorNode, file: includedFile, sink: sink,
                                             kinds: kinds.map(\.id))
            }
            if let rulesNode = includedReader.value("rules") {
                if let items = rulesNode.sequence {
                    ruleNodes += items.map { (includedFile, $0) }
                } else {
                    sink.report(.wrongShape, .error, Message(.expectedSequence, [
                        "key": .text("rules"), "found": .text(rulesNode.shapeDescription)]),
                                at: SourceLocation(file: includedFile, span: rulesNode.span))
                }
            }
            includedReader.finish()
        }
        reportDuplicateIndicators(indicators, sink: sink)

        let catalogue = Dictionary(indicators.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var cityFigures: [String: LocatedQuantity] = [:]
        if let cityNode, var cityReader = MappingReader(cityNode, file: file, sink: sink, what: "city") {
            for pair in cityNode.mapping ?? [] {
                guard let key = pair.key.scalar?.text else { continue }
                guard let indicator = catalogue[key] else {
                    reportUnknownIndicator(key, at: SourceLocation(file: file, span: pair.key.span),
                                           catalogue: catalogue, sink: sink)
                    continue
                }
                if let quantity = QuantityReading.quantity(pair.value, file: file, sink: sink,
                                                           defaultUnit: indicator.unit, conversions: conversions) {
                    cityFigures[key] = quantity
                }
                _ = cityReader.value(key)
            }
        }

        let context = RuleLoader.Context(packID: id, catalogue: catalogue, kinds: Set(kinds.map(\.id)),
                                         districtCodes: Set(districts.map(\.code)), sink: sink)
        let rules = ruleNodes.compactMap { RuleLoader.rule($0.1, file: $0.0, context: context) }

        var scenarios: [Scenario] = []
        for item in scenariosNode?.sequence ?? [] {
            guard let path = item.scalar?.text,
                  let (scenarioFile, scenarioRoot) = readFile(path, from: source, sink: sink,
                                                              includedAt: SourceLocation(file: file, span: item.span),
                                                              findIssues: findIssues),
                  let scenario = ScenarioLoader.scenario(scenarioRoot, file: scenarioFile, sink: sink) else { continue }
            scenarios.append(scenario)
        }
        guard let title, let plan else { return nil }
        var pack = Pack(id: id, version: version, title: title, plan: plan, languages: languages,
                        documentation: documentation, defaultAboutTolerance: defaults, vocabulary: vocabulary,
                        districtKinds: kinds,
                        districts: districts, retiredCodes: retired, cityFigures: cityFigures, indicators: indicators,
                        rules: rules, location: SourceLocation(file: file, span: root.span))
        pack.conversions = conversions
        pack.scenarios = scenarios
        return pack
    }

    // MARK: Pieces of pack.yml

    private static func readPlan(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink) -> PlanInfo? {
        guard var reader = MappingReader(node, file: file, sink: sink, what: "plan") else { return nil }
        let title = reader.localized("title", required: true)
        let issuer = reader.localized("issuer")
        let date = reader.string("date")
        let year = reader.integer("year", required: true)
        let baseYear = reader.integer("base_year")
        reader.finish()
        guard let title, let year else { return nil }
        return PlanInfo(title: title, issuer: issuer, date: date, year: year, baseYear: baseYear)
    }

    static let fallbackTolerances = DefaultTolerances(percent: .points(ExactDecimal(parsing: "0.5") ?? .zero),
                                                      other: .relative(ExactDecimal(parsing: "0.02") ?? .zero))

    private static func readDefaults(_ node: YAMLNode?, file: SourceFile, sink: DiagnosticSink) -> DefaultTolerances {
        var result = fallbackTolerances
        guard let node, var reader = MappingReader(node, file: file, sink: sink, what: "defaults") else { return result }
        if let about = reader.value("about_tolerance"),
           var aboutReader = MappingReader(about, file: file, sink: sink, what: "about_tolerance") {
            if let percent = aboutReader.value("percent"),
               let tolerance = ToleranceReading.tolerance(percent, file: file, sink: sink) {
                result.percent = tolerance
            }
            if let other = aboutReader.value("other"),
               let tolerance = ToleranceReading.tolerance(other, file: file, sink: sink) {
                result.other = tolerance
            }
            aboutReader.finish()
        }
        reader.finish()
        return result
    }

    /// `vocabulary: {unit: {zh, en, en_plural}, whole: {zh, en}}`; both nouns are required once the key is given.
    private static func readVocabulary(_ node: YAMLNode?, file: SourceFile, sink: DiagnosticSink) -> Vocabulary {
        guard let node, var reader = MappingReader(node, file: file, sink: sink, what: "vocabulary") else {
            return .neutral
        }
        func noun(_ key: String, plural: Bool) -> Vocabulary.Noun? {
            guard let value = reader.value(key, required: true),
                  var nounReader = MappingReader(value, file: file, sink: sink, what: key) else { return nil }
            let zh = nounReader.string("zh", required: true)
            let en = nounReader.string("en", required: true)
            let enPlural = plural ? nounReader.string("en_plural", required: true) : nil
            nounReader.finish()
            guard let zh, let en else { return nil }
            return Vocabulary.Noun(zh: zh, en: en, enPlural: enPlural)
        }
        let unit = noun("unit", plural: true)
        let whole = noun("whole", plural: false)
        reader.finish()
        return Vocabulary(unit: unit ?? Vocabulary.neutral.unit, whole: whole ?? Vocabulary.neutral.whole)
    }

    /// `conversions: [{from: 斤, to: 吨, factor: 0.0005}]`: 1 from = factor × to. Each unit must have a named base;
    /// the two bases must differ (magnitudes of one base convert by themselves) and a pair is declared once.
    private static func readConversions(_ node: YAMLNode?, file: SourceFile, sink: DiagnosticSink) -> UnitConversions {
        let items = readList(node, file: file, sink: sink, what: "conversions") { item -> (UnitConversion, YAMLNode)? in
            guard var reader = MappingReader(item, file: file, sink: sink, what: "conversions") else { return nil }
            let location = reader.location
            func unit(_ key: String) -> Unit? {
                guard let node = reader.value(key, required: true), let text = node.scalar?.text else { return nil }
                guard let unit = Unit.parse(text), !unit.base.isEmpty, !unit.isPercentagePoints else {
                    sink.report(.invalidValue, .error, Message(.conversionBadUnit, ["unit": .text(text)]),
                                at: SourceLocation(file: file, span: node.span))
                    return nil
                }
                return unit
            }
            let from = unit("from"), to = unit("to")
            let factorNode = reader.value("factor", required: true)
            reader.finish()
            var factor: ExactDecimal?
            if let factorNode {
                factor = factorNode.scalar.flatMap { ExactDecimal(parsing: $0.text) }
                if factor == nil || factor! <= .zero {
                    sink.report(.invalidValue, .error, Message(.badQuantity, [
                        "text": .text(factorNode.scalar?.text ?? factorNode.shapeDescription),
                        "reason": .message(Message(.plain, ["text": .localized(LocalizedText(
                            zh: "换算系数须为正数（1 from = factor × to）", en: "the factor must be a positive number (1 from = factor × to)"))]))]),
                                at: SourceLocation(file: file, span: factorNode.span))
                    factor = nil
                }
            }
            guard let from, let to, let factor else { return nil }
            if from.base == to.base {
                sink.report(.invalidValue, .error, Message(.conversionSameBase, ["from": .text(from.symbol), "to": .text(to.symbol)]),
                            at: location)
                return nil
            }
            return (UnitConversion(from: from, to: to, factor: factor), item)
        }
        var accepted: [UnitConversion] = []
        for (conversion, item) in items {
            if UnitConversions(accepted).conversion(between: conversion.from.base, and: conversion.to.base) != nil {
                sink.report(.invalidValue, .error, Message(.conversionDuplicate, [
                    "from": .text(conversion.from.symbol), "to": .text(conversion.to.symbol)]),
                            at: SourceLocation(file: file, span: item.span))
                continue
            }
            accepted.append(conversion)
        }
        return UnitConversions(accepted)
    }

    private static func readList<T>(_ node: YAMLNode?, file: SourceFile, sink: DiagnosticSink, what: String,
                                    _ element: (YAMLNode) -> T?) -> [T] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            sink.report(.wrongShape, .error, Message(.expectedSequence, [
                "key": .text(what), "found": .text(node.shapeDescription)]), at: SourceLocation(file: file, span: node.span))
            return []
        }
        return items.compactMap(element)
    }

    private static func readDistrictKind(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink) -> DistrictKind? {
        guard var reader = MappingReader(node, file: file, sink: sink, what: "district_kinds") else { return nil }
        let id = reader.string("id", required: true)
        let zh = reader.string("zh", required: true)
        let en = reader.string("en", required: true)
        let shaded = reader.bool("shade") ?? false
        reader.finish()
        guard let id, let zh, let en else { return nil }
        return DistrictKind(id: id, name: LocalizedText(zh: zh, en: en), shaded: shaded)
    }

    private static func readDistrict(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink) -> District? {
        guard var reader = MappingReader(node, file: file, sink: sink, what: "districts") else { return nil }
        let code = reader.string("code", required: true)
        let zh = reader.string("zh", required: true)
        let en = reader.string("en", required: true)
        let kind = reader.string("kind", required: true)
        var formerNames: [LocalizedText] = []
        if let former = reader.value("former_names") {
            for item in former.sequence ?? [] {
                if let name = MappingReader.localized(item, file: file, sink: sink, what: "former_names") {
                    formerNames.append(name)
                }
            }
        }
        reader.finish()
        guard let code, let zh, let en, let kind else { return nil }
        return District(code: code, name: LocalizedText(zh: zh, en: en), kind: kind, formerNames: formerNames)
    }

    private static func readRetiredCode(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink) -> RetiredCode? {
        guard var reader = MappingReader(node, file: file, sink: sink, what: "retired_codes") else { return nil }
        let code = reader.string("code", required: true)
        let zh = reader.string("zh", required: true)
        let en = reader.string("en")
        let replacedBy = reader.string("replaced_by")
        _ = reader.string("note")
        reader.finish()
        guard let code, let zh else { return nil }
        return RetiredCode(code: code, name: zh, englishName: en, replacedBy: replacedBy)
    }

    /// Codes must be unique and kinds declared; reported at the offending entry.
    private static func checkRegistry(kinds: [DistrictKind], districtNodes: [YAMLNode], file: SourceFile,
                                      sink: DiagnosticSink) {
        let kindIDs = Set(kinds.map(\.id))
        var seen: [String: YAMLNode] = [:]
        for node in districtNodes {
            if let codeNode = node["code"], let code = codeNode.scalar?.text {
                if let first = seen[code] {
                    sink.report(.invalidValue, .error, Message(.duplicateDistrict, ["code": .text(code)]),
                                at: SourceLocation(file: file, span: codeNode.span),
                                notes: [.firstDefinedHere(SourceLocation(file: file, span: first.span))])
                } else {
                    seen[code] = codeNode
                }
            }
            if let kindNode = node["kind"], let kind = kindNode.scalar?.text, !kindIDs.contains(kind) {
                sink.report(.invalidValue, .error, Message(.unknownDistrictKind, ["kind": .text(kind)]),
                            at: SourceLocation(file: file, span: kindNode.span),
                            help: Message(.helpKnownKeys, ["keys": .text(kindIDs.sorted().joined(separator: ", "))]))
            }
        }
    }

    // MARK: The indicator catalogue

    private static func readIndicators(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink,
                                       kinds: [String]) -> [Indicator] {
        guard let pairs = node.mapping else {
            sink.report(.wrongShape, .error, Message(.expectedMapping, [
                "what": .text("indicators"), "found": .text(node.shapeDescription)]),
                        at: SourceLocation(file: file, span: node.span))
            return []
        }
        var result: [Indicator] = []
        for pair in pairs {
            guard let key = pair.key.scalar?.text,
                  var reader = MappingReader(pair.value, file: file, sink: sink, what: key) else { continue }
            if !RuleLoader.isIdentifier(key) {
                sink.report(.invalidValue, .error, Message(.badIndicatorKey, ["key": .text(key)]),
                            at: SourceLocation(file: file, span: pair.key.span))
            }
            let zh = reader.string("zh", required: true)
            let en = reader.string("en", required: true)
            var kind: IndicatorKind?
            if let kindNode = reader.value("kind", required: true) {
                kind = kindNode.scalar.flatMap { IndicatorKind(rawValue: $0.text) }
                if kind == nil {
                    sink.report(.invalidValue, .error, Message(.unknownValue, [
                        "key": .text("kind"), "found": .text(kindNode.shapeDescription),
                        "allowed": .text(IndicatorKind.allCases.map(\.rawValue).joined(separator: ", "))]),
                                at: SourceLocation(file: file, span: kindNode.span))
                }
            }
            var unit: Unit?
            if let unitNode = reader.value("unit", required: true), let text = unitNode.scalar?.text {
                unit = Unit.parse(text)
                if unit == nil {
                    sink.report(.invalidValue, .error, Message(.badUnit, ["unit": .text(text)]),
                                at: SourceLocation(file: file, span: unitNode.span))
                }
            }
            let baseYear = reader.integer("base_year")
            let requiredFor = reader.strings("required_for") ?? []
            for kindID in requiredFor where !kinds.contains(kindID) {
                sink.report(.invalidValue, .error, Message(.unknownDistrictKind, ["kind": .text(kindID)]),
                            at: reader.location, help: Message(.helpKnownKeys, ["keys": .text(kinds.joined(separator: ", "))]))
            }
            let aliases = reader.strings("aliases") ?? []
            let declineNames = reader.strings("decline_names") ?? []
            let plausibleNode = reader.value("plausible")
            var confusables: [ConfusableName] = []
            if let list = reader.value("not_to_confuse"), let items = list.sequence {
                for item in items {
                    if let name = item.scalar?.text {
                        confusables.append(ConfusableName(name: name, note: nil))
                    } else if var itemReader = MappingReader(item, file: file, sink: sink, what: "not_to_confuse") {
                        let name = itemReader.string("name", required: true)
                        let note = itemReader.localized("note")
                        itemReader.finish()
                        if let name { confusables.append(ConfusableName(name: name, note: note)) }
                    }
                }
            }
            let description = reader.localized("description")
            reader.finish()
            guard let zh, let en, let kind, let unit else { continue }
            var indicator = Indicator(key: key, name: LocalizedText(zh: zh, en: en), kind: kind, unit: unit,
                                      baseYear: baseYear, requiredFor: requiredFor, aliases: aliases,
                                      notToConfuse: confusables, description: description)
            indicator.declineNames = declineNames
            if let plausibleNode {
                indicator.plausible = PlausibleReading.range(plausibleNode, indicator: indicator, file: file, sink: sink)
            }
            result.append(indicator)
        }
        return result
    }

    private static func reportDuplicateIndicators(_ indicators: [Indicator], sink: DiagnosticSink) {
        var seen: Set<String> = []
        for indicator in indicators where !seen.insert(indicator.key).inserted {
            sink.report(.invalidValue, .error, Message(.duplicateIndicator, ["key": .text(indicator.key)]), at: nil)
        }
    }

    static func reportUnknownIndicator(_ key: String, at location: SourceLocation,
                                       catalogue: [String: Indicator], sink: DiagnosticSink) {
        let help = Suggestions.closest(to: key, in: catalogue.keys.sorted()).map {
            Message(.helpDidYouMean, ["suggestion": .text($0)])
        }
        sink.report(.unknownReference, .error, Message(.unknownIndicatorReference, ["key": .text(key)]),
                    at: location, help: help)
    }
}
