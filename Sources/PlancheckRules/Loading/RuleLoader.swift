import PlancheckYAML

/// Reads one rule of a rules file.
enum RuleLoader {
    struct Context {
        var packID: String
        var catalogue: [String: Indicator]
        var kinds: Set<String>
        var districtCodes: Set<String>
        var sink: DiagnosticSink
    }

    static let relationKeys = ["at_least", "more_than", "at_most", "less_than", "equals", "about",
                               "decrease_at_least", "in_step_with"]

    static func rule(_ node: YAMLNode, file: SourceFile, context: Context) -> Rule? {
        let sink = context.sink
        guard var reader = MappingReader(node, file: file, sink: sink, what: "rule") else { return nil }
        let idNode = reader.value("id", required: true)
        let id = idNode?.scalar?.text
        if let id, let idNode, !isRuleID(id) {
            sink.report(.invalidValue, .error, Message(.badRuleID, ["id": .text(id)]), at: reader.location(of: idNode))
        }
        let title = reader.localized("title", required: true)
        let citation = reader.value("citation", required: true).flatMap { readCitation($0, file: file, sink: sink) }
        let qualifier = reader.string("qualifier")
        let reading = reader.localized("reading")
        var scope = RuleScope.district
        if let scopeNode = reader.value("scope") {
            if let parsed = scopeNode.scalar.flatMap({ RuleScope(rawValue: $0.text) }) {
                scope = parsed
            } else {
                reportUnknownValue(scopeNode, key: "scope", allowed: ["district", "city"], file: file, sink: sink)
            }
        }
        let appliesTo = reader.value("applies_to").map { readApplicability($0, file: file, context: context) } ?? .all
        var severity = Severity.error
        if let severityNode = reader.value("severity") {
            if let parsed = severityNode.scalar.flatMap({ Severity(rawValue: $0.text) }) {
                severity = parsed
            } else {
                reportUnknownValue(severityNode, key: "severity", allowed: Severity.allCases.map(\.rawValue),
                                   file: file, sink: sink)
            }
        }
        let check = reader.value("check", required: true).flatMap { readCheck($0, file: file, context: context) }
        let examples = reader.value("examples").map {
            readExamples($0, file: file, sink: sink, perDistrictContext: scope == .city)
        } ?? []
        reader.finish()

        guard let id, let idNode, let title, let citation, let check else { return nil }
        return Rule(id: id, packID: context.packID, title: title, citation: citation, qualifier: qualifier,
                    reading: reading, scope: scope, appliesTo: appliesTo, severity: severity, check: check,
                    examples: examples, location: SourceLocation(file: file, span: idNode.span))
    }

    static func isRuleID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return false }
        return text.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))
                || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_")
        }
    }

    private static func reportUnknownValue(_ node: YAMLNode, key: String, allowed: [String], file: SourceFile,
                                           sink: DiagnosticSink) {
        let found = node.scalar?.text ?? node.shapeDescription
        let help = Suggestions.closest(to: found, in: allowed).map { Message(.helpDidYouMean, ["suggestion": .text($0)]) }
        sink.report(.invalidValue, .error, Message(.unknownValue, [
            "key": .text(key), "found": .text(found), "allowed": .text(allowed.joined(separator: ", "))]),
                    at: SourceLocation(file: file, span: node.span), help: help)
    }

    private static func readCitation(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink) -> Citation? {
        guard var reader = MappingReader(node, file: file, sink: sink, what: "citation") else { return nil }
        // A rule comes from the plan (part, section, item) or from a local decision (its document); not both.
        let decisionNode = reader.value("local_decision")
        let part = reader.string("part", required: decisionNode == nil)
        let section = reader.string("section")
        let item = reader.string("item")
        let clause = reader.string("clause", required: true)
        reader.finish()
        var decision: LocalDecision?
        if let decisionNode, var decisionReader = MappingReader(decisionNode, file: file, sink: sink, what: "local_decision") {
            let document = decisionReader.string("document", required: true)
            let issuer = decisionReader.localized("issuer")
            let date = decisionReader.string("date")
            decisionReader.finish()
            guard let document else { return nil }
            decision = LocalDecision(document: document, issuer: issuer, date: date)
            if part != nil {
                sink.report(.invalidValue, .error, Message(.citationPlanAndDecision), at: reader.location)
            }
        }
        guard part != nil || decision != nil, let clause else { return nil }
        return Citation(part: part ?? "", section: section, item: item, clause: clause, decision: decision)
    }

    private static func readApplicability(_ node: YAMLNode, file: SourceFile, context: Context) -> Applicability {
        guard var reader = MappingReader(node, file: file, sink: context.sink, what: "applies_to") else { return .all }
        let kinds = reader.strings("kinds")
        let districts = reader.strings("districts")
        reader.finish()
        if let kinds {
            for kind in kinds where !context.kinds.contains(kind) {
                context.sink.report(.invalidValue, .error, Message(.unknownDistrictKind, ["kind": .text(kind)]),
                                    at: reader.location, help: Message(.helpKnownKeys, [
                                        "keys": .text(context.kinds.sorted().joined(separator: ", "))]))
            }
            return .kinds(kinds)
        }
        if let districts {
            for code in districts where !context.districtCodes.contains(code) {
                context.sink.report(.invalidValue, .error, Message(.unknownDistrictInPack, ["code": .text(code)]),
                                    at: reader.location)
            }
            return .districts(districts)
        }
        return .all
    }

    private static func readCheck(_ node: YAMLNode, file: SourceFile, context: Context) -> Check? {
        let sink = context.sink
        guard var reader = MappingReader(node, file: file, sink: sink, what: "check") else { return nil }
        if let reasonNode = reader.value("not_checkable") {
            let reason = MappingReader.localized(reasonNode, file: file, sink: sink, what: "not_checkable")
            reader.finish()
            return reason.map { .notCheckable($0) }
        }
        let valueNode = reader.value("value", required: true)
        let present = relationKeys.compactMap { key in reader.value(key).map { (key, $0) } }
        let toleranceNode = reader.value("tolerance")
        let sidesNode = reader.value("sides")
        reader.finish()

        guard present.count == 1, let (relationKey, targetNode) = present.first else {
            sink.report(.missingField, .error, Message(present.isEmpty ? .missingRelation : .severalRelations, [
                "keys": .text(relationKeys.joined(separator: ", "))]), at: reader.location)
            return nil
        }
        var sides: BandSides?
        if let sidesNode {
            sides = sidesNode.scalar.flatMap { BandSides(rawValue: $0.text) }
            if sides == nil {
                reportUnknownValue(sidesNode, key: "sides", allowed: BandSides.allCases.map(\.rawValue), file: file, sink: sink)
            }
        }
        let relation: Relation
        switch relationKey {
        case "at_least": relation = .atLeast
        case "more_than": relation = .moreThan
        case "at_most": relation = .atMost
        case "less_than": relation = .lessThan
        case "equals": relation = .equals
        case "about": relation = .about(sides ?? .lower)
        case "decrease_at_least": relation = .decreaseAtLeast
        default: relation = .inStepWith(sides ?? .both)
        }
        if case .inStepWith = relation, toleranceNode == nil {
            sink.report(.missingField, .error, Message(.inStepNeedsTolerance), at: reader.location)
        }
        let tolerance = toleranceNode.flatMap { ToleranceReading.tolerance($0, file: file, sink: sink) }
        guard let valueNode, let value = expression(valueNode, file: file, sink: sink),
              let target = expression(targetNode, file: file, sink: sink) else { return nil }
        let relationLocation = SourceLocation(file: file, span: node.mapping?.first {
            $0.key.scalar?.text == relationKey }?.key.span ?? targetNode.span)
        return .compare(Comparison(value: value, relation: relation, target: target, tolerance: tolerance,
                                   relationLocation: relationLocation))
    }

    /// Parses a scalar as an expression, reporting a syntax error with a caret at the bad token.
    static func expression(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink) -> RuleExpression? {
        guard let scalar = node.scalar, scalar.kind != .null else {
            sink.report(.wrongShape, .error, Message(.expectedExpression, ["found": .text(node.shapeDescription)]),
                        at: SourceLocation(file: file, span: node.span))
            return nil
        }
        let location = SourceLocation(file: file, span: node.span)
        do {
            let parsed = try Expression.parse(scalar.text)
            return RuleExpression(text: scalar.text, expression: parsed, location: location,
                                  textOrigin: ExpressionLocations.textOrigin(of: node, file: file))
        } catch {
            sink.report(.expressionSyntax, .error, ExpressionMessages.message(for: error),
                        at: ExpressionLocations.location(of: error.span, in: node, file: file),
                        help: ExpressionMessages.help(for: error))
            return nil
        }
    }

    private static func readExamples(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink,
                                     perDistrictContext: Bool) -> [RuleExample] {
        guard let items = node.sequence else {
            sink.report(.wrongShape, .error, Message(.expectedSequence, [
                "key": .text("examples"), "found": .text(node.shapeDescription)]), at: SourceLocation(file: file, span: node.span))
            return []
        }
        var examples: [RuleExample] = []
        for item in items {
            guard var reader = MappingReader(item, file: file, sink: sink, what: "example") else { continue }
            var expect: RuleExample.Expectation?
            if let expectNode = reader.value("expect", required: true) {
                expect = expectNode.scalar.flatMap { RuleExample.Expectation(rawValue: $0.text) }
                if expect == nil {
                    reportUnknownValue(expectNode, key: "expect",
                                       allowed: RuleExample.Expectation.allCases.map(\.rawValue), file: file, sink: sink)
                }
            }
            var districts: [(code: String?, figures: YAMLNode)] = []
            if let indicators = reader.value("indicators") {
                districts.append((nil, indicators))
            }
            if let perDistrict = reader.value("districts") {
                for pair in perDistrict.mapping ?? [] {
                    districts.append((pair.key.scalar?.text, pair.value))
                }
            }
            let complete = reader.bool("complete") ?? false
            // Context: a district rule's example gives one unit's figures, a city rule's example figures per code.
            func context(_ key: String) -> [(code: String?, figures: YAMLNode)] {
                guard let node = reader.value(key) else { return [] }
                guard perDistrictContext else { return [(nil, node)] }
                return (node.mapping ?? []).map { (code: $0.key.scalar?.text, figures: $0.value) }
            }
            let previous = context("previous"), quotas = context("quotas")
            let city = reader.value("city")
            reader.finish()
            if let expect {
                var example = RuleExample(expect: expect, districts: districts, complete: complete,
                                          location: SourceLocation(file: file, span: item.span))
                example.previous = previous
                example.quotas = quotas
                example.city = city
                examples.append(example)
            }
        }
        return examples
    }
}
