import PlancheckValues
import PlancheckYAML

/// Reads the `indicators:` (or `previous:`) mapping of a submission: resolves each key against the catalogue
/// and each value into a quantity in the catalogue's unit, with a located diagnostic for everything it had
/// to interpret (full-width digits, a converted unit) or could not.
package struct FigureReader {
    let pack: Pack
    let file: SourceFile
    let sink: DiagnosticSink
    let district: String

    package init(pack: Pack, file: SourceFile, sink: DiagnosticSink, district: String) {
        self.pack = pack
        self.file = file
        self.sink = sink
        self.district = district
    }

    /// The figures by indicator key. `mentioned` receives every key the file names, usable or not, so that a
    /// figure that is present but unreadable is not also reported as missing.
    package func figures(_ node: YAMLNode, what: String) -> [String: SubmittedFigure] {
        var mentioned: Set<String> = []
        var unusable: [String: SourceLocation] = [:]
        var nearMisses: [String: NearMiss] = [:]
        return figures(node, what: what, mentioned: &mentioned, unusable: &unusable, nearMisses: &nearMisses)
    }

    /// A key the file wrote that names no indicator but was taken for one (an alias, a near-miss spelling, a
    /// name not to confuse with it): a missing indicator is linked to it.
    struct NearMiss {
        var written: String
        var location: SourceLocation
    }

    /// `unusable` receives where each figure is written that names a known indicator but could not be read (its
    /// diagnostic is reported there), so that a rule needing it can point there.
    /// `nearMisses` receives, by the indicator key suggested, each unknown key that was taken for one.
    func figures(_ node: YAMLNode, what: String, mentioned: inout Set<String>,
                 unusable: inout [String: SourceLocation], nearMisses: inout [String: NearMiss]) -> [String: SubmittedFigure] {
        guard let pairs = node.mapping else {
            if node.scalar?.kind == .null { return [:] }
            sink.report(.wrongShape, .error, Message(.expectedMapping, [
                "what": .text(what), "found": .text(node.shapeDescription)]), at: location(node), district: district)
            return [:]
        }
        var result: [String: SubmittedFigure] = [:]
        var firstLocation: [String: (location: SourceLocation, written: String)] = [:]
        for pair in pairs {
            guard let written = pair.key.scalar?.text else {
                sink.report(.wrongShape, .error, Message(.expectedScalar, [
                    "key": .text(what), "found": .text(pair.key.shapeDescription)]), at: location(pair.key),
                            district: district)
                continue
            }
            var suggested: String?
            let declineName = pack.indicator(declineName: written.trimmingSpaces())
            guard let indicator = declineName ?? resolve(written, key: pair.key, suggested: &suggested) else {
                if let suggested, nearMisses[suggested] == nil {
                    nearMisses[suggested] = NearMiss(written: written, location: location(pair.key))
                }
                continue
            }
            mentioned.insert(indicator.key)
            if let earlier = firstLocation[indicator.key] {
                // The same indicator under its key and its Chinese name: which one is meant is unknowable.
                // (The same key written twice is already reported by the YAML layer.)
                if earlier.written != written {
                    sink.report(.yamlDuplicateKey, .error, Message(.indicatorGivenTwice, [
                        "key": .text(indicator.key), "name": .localized(indicator.name)]), at: location(pair.key),
                                notes: [.firstDefinedHere(earlier.location)],
                                district: district)
                }
                continue
            }
            firstLocation[indicator.key] = (location(pair.key), written)
            if var figure = figure(pair.value, indicator: indicator) {
                if declineName != nil {
                    // "能耗下降: 2.5%" is a change of −2.5%: the name says the direction, the figure the size.
                    let read = figure.quantity.negated
                    sink.report(.figureNormalised, .note, Message(.declineNameRead, [
                        "written": .text(written), "key": .text(indicator.key), "name": .localized(indicator.name),
                        "text": .text(figure.text),
                        "reading": .quantity(read)]), at: location(pair.key), district: district,
                                edits: [Diagnostic.Edit(replacing: location(pair.key), with: indicator.key)])
                    figure.quantity = read
                }
                result[indicator.key] = figure
            } else {
                unusable[indicator.key] = location(pair.value)
            }
        }
        return result
    }

    private func location(_ node: YAMLNode) -> SourceLocation { SourceLocation(file: file, span: node.span) }

    private func edit(_ node: YAMLNode, to replacement: String) -> [Diagnostic.Edit] {
        Diagnostic.Edit.scalarText(node, in: file, to: replacement).map { [$0] } ?? []
    }

    /// The catalogue entry a key names: its ASCII key or its exact Chinese name. Anything else is reported
    /// with the most helpful suggestion we can make; it is never guessed silently.
    private func resolve(_ written: String, key: YAMLNode, suggested: inout String?) -> Indicator? {
        let location = location(key)
        let trimmed = written.trimmingSpaces()
        if let indicator = pack.indicator(trimmed) { return indicator }
        if let indicator = pack.indicator(named: trimmed) { return indicator }

        if let aliased = pack.indicators.first(where: { $0.aliases.contains(trimmed) }) {
            suggested = aliased.key
            sink.report(.unknownIndicator, .error, Message(.indicatorAlias, [
                "written": .text(written), "key": .text(aliased.key), "name": .localized(aliased.name)]),
                        at: location, help: Message(.helpDidYouMean, ["suggestion": .text(aliased.key)]),
                        district: district, edits: edit(key, to: aliased.key))
            return nil
        }
        if let confusable = pack.indicators.first(where: { $0.notToConfuse.contains { $0.name == trimmed } }),
           let entry = confusable.notToConfuse.first(where: { $0.name == trimmed }) {
            suggested = confusable.key
            var notes: [Diagnostic.Note] = []
            if let note = entry.note { notes.append(Diagnostic.Note(Message(.plain, ["text": .localized(note)]))) }
            sink.report(.unknownIndicator, .error, Message(.indicatorConfusable, [
                "written": .text(written), "key": .text(confusable.key), "name": .localized(confusable.name)]),
                        at: location, help: Message(.helpConfusable, [
                            "key": .text(confusable.key), "name": .localized(confusable.name)]),
                        notes: notes, district: district)
            return nil
        }
        var candidates: [String: Indicator] = [:]
        for indicator in pack.indicators {
            candidates[indicator.key] = indicator
            candidates[indicator.name.zh] = indicator
            for alias in indicator.aliases { candidates[alias] = indicator }
        }
        let help: Message
        // One near miss is a certain fix: the key becomes the catalogue's. Two indicators equally near are not.
        var edits: [Diagnostic.Edit] = []
        if let suggestion = Suggestions.closest(to: trimmed, in: candidates.keys.sorted()),
           let indicator = candidates[suggestion] {
            help = Message(.helpDidYouMeanIndicator, ["key": .text(indicator.key), "name": .localized(indicator.name)])
            suggested = indicator.key
            let nearest = Set(Suggestions.nearest(to: trimmed, in: candidates.keys).compactMap { candidates[$0]?.key })
            if nearest.count == 1 { edits = edit(key, to: indicator.key) }
        } else {
            help = Message(.helpListIndicators)
        }
        sink.report(.unknownIndicator, .error, Message(.unknownIndicator, ["written": .text(written)]),
                    at: location, help: help, district: district, edits: edits)
        return nil
    }

    /// A figure: a scalar (`5.6%`, `1.2万人`, `5`) or the long form `{value, unit, qualifier, note}`.
    private func figure(_ node: YAMLNode, indicator: Indicator) -> SubmittedFigure? {
        var valueNode = node
        var unitText: String?
        var qualifier: String?
        if node.mapping != nil {
            guard var reader = MappingReader(node, file: file, sink: sink, what: indicator.key) else { return nil }
            guard let value = reader.value("value", required: true) else { reader.finish(); return nil }
            valueNode = value
            unitText = reader.string("unit")
            qualifier = reader.string("qualifier")
            _ = reader.string("note")
            _ = reader.string("source")
            reader.finish()
        }
        guard let scalar = valueNode.scalar, scalar.kind != .null else {
            // An empty value is most often a template line not filled in yet: say so rather than "null".
            let empty = valueNode.scalar?.kind == .null
            sink.report(.wrongShape, .error, Message(empty ? .figureNotFilledIn : .expectedFigure, [
                "name": .localized(indicator.name), "found": .text(valueNode.shapeDescription)]),
                        at: location(valueNode),
                        help: empty ? Message(.helpFigureForm, ["unit": .text(indicator.unit.symbol)]) : nil,
                        district: district)
            return nil
        }
        let valueLocation = location(valueNode)
        let parsed = FigureText.read(scalar.text)
        if let failure = parsed.failure {
            sink.report(.unreadableFigure, .error, Message(.unreadableFigure, [
                "text": .text(scalar.text), "name": .localized(indicator.name), "reason": .message(failure.reason)]),
                        // From where reading stopped to the end of the text: the part that could not be read.
                        at: ExpressionLocations.location(ofCharacters: failure.column..<max(failure.column + 1,
                                                                                           scalar.text.unicodeScalars.count),
                                                         in: valueNode, file: file),
                        help: Message(.helpFigureForm, ["unit": .text(indicator.unit.symbol)]), district: district)
            return nil
        }
        if !parsed.normalisations.isEmpty {
            // The reading, written in the canonical form, means the same: a certain fix when that form reads back
            // as the same figure with nothing left to normalise (a qualifier or a qualitative bound has no
            // canonical spelling here, so such figures are left to the officer).
            let canonical = parsed.displayText
            let reread = FigureText.read(canonical)
            let certain = parsed.qualifier == nil && parsed.bound == nil && reread.failure == nil
                && reread.normalisations.isEmpty && reread.value == parsed.value && reread.unit == parsed.unit
                && reread.qualifier == nil && reread.bound == nil
            let edits = certain ? edit(valueNode, to: canonical) : []
            sink.report(.figureNormalised, .note, Message(.figureNormalised, [
                "text": .text(scalar.text), "reading": .text(parsed.displayText),
                "how": .message(parsed.normalisationSummary)]), at: valueLocation, district: district, edits: edits)
        }
        // The unit: in the long form's `unit:`, or written after the number, or else the catalogue's.
        var unit = indicator.unit
        var unitWritten = false
        if let unitText {
            guard let explicit = Unit.parse(unitText) else {
                sink.report(.incompatibleUnit, .error, Message(.badUnit, ["unit": .text(unitText)]),
                            at: valueLocation, district: district)
                return nil
            }
            if parsed.unit != nil {
                sink.report(.invalidValue, .error, Message(.unitTwice), at: valueLocation, district: district)
                return nil
            }
            unit = explicit
            unitWritten = true
        } else if let inline = parsed.unit {
            unit = inline
            unitWritten = true
        }
        // `1.6万` for an indicator in 万人: a magnitude without its unit noun is read with the catalogue's noun.
        if unitText == nil, unit.isDimensionless, !unit.isPercentOrPermille, unit.exponent > 0,
           !indicator.unit.isDimensionless, !indicator.unit.isPercentagePoints,
           let completed = Unit.parse(unit.symbol + indicator.unit.base), completed.isConvertible(to: indicator.unit) {
            sink.report(.figureNormalised, .note, Message(.figureNormalised, [
                "text": .text(scalar.text), "reading": .quantity(Quantity(value: parsed.value, unit: completed)),
                "how": .message(Message(.normalisedUnitNoun, ["noun": .text(indicator.unit.base)]))]),
                        at: valueLocation, district: district)
            unit = completed
        }
        let written = Quantity(value: parsed.value, unit: unit)
        let converted: Quantity
        do {
            converted = try written.converted(to: indicator.unit, using: pack.conversions)
        } catch {
            sink.report(.incompatibleUnit, .error, Message(.incompatibleUnit, [
                "name": .localized(indicator.name), "unit": .text(unit.symbol), "expected": .text(indicator.unit.symbol)]),
                        at: valueLocation, help: Message(.helpUseUnit, ["unit": .text(indicator.unit.symbol)]),
                        notes: UnitMessages.notes(for: error).map { Diagnostic.Note($0) }, district: district)
            return nil
        }
        if unitWritten, unit != indicator.unit {
            // A conversion the pack declares (斤 → 吨) names its factor, so that the officer can check it.
            let declared = unit.base == indicator.unit.base ? nil
                : pack.conversions.conversion(between: unit.base, and: indicator.unit.base)
            let notes = declared.map { conversion in
                [Diagnostic.Note(Message(.noteConverted, [
                    "written": .quantity(written), "converted": .quantity(converted), "from": .text(conversion.from.symbol),
                    "to": .text(conversion.to.symbol), "factor": .text(conversion.factor.description)]))]
            } ?? []
            sink.report(.unitConverted, .note, Message(.unitConverted, [
                "written": .quantity(written), "converted": .quantity(converted), "name": .localized(indicator.name)]),
                        at: valueLocation, notes: notes, district: district)
        }
        if let range = indicator.plausible, !range.contains(converted) {
            reportImplausible(converted, range: range, indicator: indicator, bareNumber: parsed.value,
                              unitWritten: unitWritten, at: valueLocation)
        }
        let writtenQualifier = qualifier ?? parsed.qualifier
        return SubmittedFigure(quantity: converted, text: scalar.text, location: valueLocation,
                               qualifier: writtenQualifier, bound: parsed.bound)
    }
}

extension FigureReader {
    /// A figure outside its indicator's plausible range: a warning (the figure is still checked) naming the likely
    /// misreading — a bare number for an indicator counted in 万 or 亿 was most likely meant in the unit noun
    /// (`16000` for 万人: 16000人 = 1.6万人).
    func reportImplausible(_ value: Quantity, range: PlausibleRange, indicator: Indicator, bareNumber: ExactDecimal,
                           unitWritten: Bool, at location: SourceLocation) {
        var help = Message(.helpCheckFigure)
        if !unitWritten, indicator.unit.exponent > 0, !indicator.unit.isDimensionless {
            let noun = Quantity(value: bareNumber, unit: Unit(base: indicator.unit.base))
            if let meant = try? noun.converted(to: indicator.unit), range.contains(meant) {
                help = Message(.helpDidYouMeanBase, ["base": .quantity(noun), "converted": .quantity(meant)])
            }
        }
        sink.report(.implausibleFigure, .warning, Message(.implausibleFigure, [
            "name": .localized(indicator.name), "value": .quantity(value), "range": PlausibleText.range(range)]),
                    at: location, help: help, district: district)
    }
}

/// A plausible range in words: `0万人–14.8万人`, `不低于0个`, `不高于30%`.
enum PlausibleText {
    static func range(_ range: PlausibleRange) -> MessageArgument {
        switch (range.min, range.max) {
        case (let min?, let max?): return .message(Message(.bandBetween, ["lower": .quantity(min), "upper": .quantity(max)]))
        case (let min?, nil): return .message(Message(.bandAtLeast, ["lower": .quantity(min)]))
        case (nil, let max?): return .message(Message(.bandAtMost, ["upper": .quantity(max)]))
        case (nil, nil): return .text("")
        }
    }
}

extension String {
    /// Without leading and trailing spaces, including the full-width space officers paste from Word.
    package func trimmingSpaces() -> String {
        // Nearly every key has no space at either end. The bytes tell that cheaply: a trimmable character starts
        // with 0x20, 0x09, 0xC2 (NBSP) or 0xE3 (U+3000) and ends with 0x20, 0x09, 0xA0 or 0x80. Anything that might
        // be one takes the Character-wise path below.
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last, first != 0x20, first != 0x09, first != 0xC2, first != 0xE3,
           last != 0x20, last != 0x09, last != 0xA0, last != 0x80 {
            return self
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
